package org.marketspine.console.feed.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * One thing the operator should hear about while not looking: what turned, when, in a sentence a
 * chat channel shows as it is, plus the structured fields a script can route on. Never a token.
 *
 * @param key what makes two alerts the same one (sent once)
 */
public record Alert(Kind kind, String key, Instant at, String text, Map<String, String> fields) {
    public enum Kind {
        /** The overall health turned red. */
        HEALTH_RED("health_red"),
        /** A critical failure appeared (systemic, or the third of its partition in 24 h). */
        CRITICAL_FAILURE("critical_failure"),
        /** The feed's source stopped being current with the platform. */
        SOURCE_NOT_CURRENT("source_not_current");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public Alert {
        fields = Map.copyOf(fields);
    }
}
