package org.marketspine.console.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a pipeline or capture sits in the ingest → normalize → compute chain. */
public enum Stage {
    @JsonProperty("ingest") INGEST,
    @JsonProperty("normalize") NORMALIZE,
    @JsonProperty("compute") COMPUTE
}
