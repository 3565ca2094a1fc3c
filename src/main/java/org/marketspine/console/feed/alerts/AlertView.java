package org.marketspine.console.feed.alerts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.FailureItem;
import org.marketspine.console.model.FailureTriage;
import org.marketspine.console.model.HealthLevel;
import org.marketspine.console.model.HealthReport;
import org.marketspine.console.model.HealthRules;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.SourceState;

/** What alerts are decided from, at one instant: the overall health, the critical failures open, the source's state. */
public record AlertView(HealthLevel level, String reason, Map<String, Execution> criticals, SourceState source, String sourceMessage) {
    public AlertView {
        criticals = Map.copyOf(criticals);
    }

    /** The board's own rules (HealthRules, FailureTriage): an alert says what the board would show. */
    public static AlertView of(PlatformState state, SourceState source, String sourceMessage, Instant now) {
        HealthReport report = HealthRules.evaluate(state, now);
        Map<String, Execution> criticals = new LinkedHashMap<>();
        for (FailureItem f : FailureTriage.recent(state, now, Set.of(), Integer.MAX_VALUE)) {
            if (f.critical()) criticals.put(f.execution().executionId(), f.execution());
        }
        return new AlertView(report.level(), report.reason(), criticals, source, sourceMessage);
    }
}
