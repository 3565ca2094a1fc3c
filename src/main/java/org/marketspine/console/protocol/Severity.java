package org.marketspine.console.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Anomaly severity, most severe first (ordinal order is used for sorting). */
public enum Severity {
    @JsonProperty("critical") CRITICAL,
    @JsonProperty("high") HIGH,
    @JsonProperty("medium") MEDIUM,
    @JsonProperty("low") LOW
}
