package org.marketspine.console.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why an execution was queued. Manual overrides and backfills stand out in the audit log. */
public enum Trigger {
    @JsonProperty("scheduled") SCHEDULED,
    @JsonProperty("manual") MANUAL,
    @JsonProperty("retry") RETRY,
    @JsonProperty("backfill") BACKFILL,
    @JsonProperty("api") API
}
