package org.marketspine.console.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a failure is expected to pass on retry (transient) or to recur (systemic). */
public enum Classification {
    @JsonProperty("transient") TRANSIENT,
    @JsonProperty("systemic") SYSTEMIC,
    @JsonProperty("unknown") UNKNOWN
}
