package org.marketspine.console.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** What a token may do: only operators send commands. */
public enum Role {
    @JsonProperty("operator") OPERATOR,
    @JsonProperty("analyst") ANALYST,
    @JsonProperty("auditor") AUDITOR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
