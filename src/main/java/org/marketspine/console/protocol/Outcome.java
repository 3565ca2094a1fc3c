package org.marketspine.console.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the server decided about a command. */
public enum Outcome {
    @JsonProperty("accepted") ACCEPTED,
    @JsonProperty("rejected") REJECTED
}
