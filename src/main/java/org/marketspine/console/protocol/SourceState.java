package org.marketspine.console.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * Whether the feed's journal is current with the platform behind it ({@code source_status}):
 * {@code live} only says a client holds everything the journal holds.
 */
public enum SourceState {
    /** The source is still writing the platform's history into the journal. */
    @JsonProperty("loading") LOADING,
    /** Caught up; every poll succeeding. */
    @JsonProperty("current") CURRENT,
    /** The platform cannot be read; the journal is served as it stands. */
    @JsonProperty("failing") FAILING;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
