package org.marketspine.console.model;

import java.time.Duration;
import java.time.Instant;
import org.marketspine.console.protocol.EventData;
import org.pcollections.PMap;
import org.pcollections.PVector;
import org.pcollections.TreePVector;

/**
 * What a board that runs for weeks may forget: finished executions, superseded captures,
 * resolved anomalies and audit facts older than the window. Current captures, readiness,
 * pipelines, sources and anything still open are kept. Pure; used only by views that never
 * travel in time (the wall screen), so its state stays bounded.
 */
public final class StateRetention {
    private StateRetention() {}

    /** Longer than every window the health rules look at (7 days of failures, missed runs). */
    public static final Duration WINDOW = Duration.ofDays(8);

    public static PlatformState keepRecent(PlatformState s, Instant now) {
        Instant cutoff = now.minus(WINDOW);
        PMap<String, Execution> executions = s.executions();
        PVector<String> order = TreePVector.empty();
        for (String id : s.executionOrder()) {
            Execution x = executions.get(id);
            if (x != null && !x.status().isActive() && x.lastChangeAt() != null && x.lastChangeAt().isBefore(cutoff)) {
                executions = executions.minus(id);
            } else {
                order = order.plus(id);
            }
        }
        PVector<String> failures = TreePVector.empty();
        for (String id : s.failures()) if (executions.containsKey(id)) failures = failures.plus(id);
        PMap<String, Capture> captures = s.captures();
        for (Capture c : s.captures().values()) {
            if (c.isSuperseded() && c.supersededAt().isBefore(cutoff)) captures = captures.minus(c.captureId());
        }
        PMap<String, Anomaly> anomalies = s.anomalies();
        for (Anomaly a : s.anomalies().values()) {
            if (!a.isOpen() && a.resolvedAt().isBefore(cutoff)) anomalies = anomalies.minus(a.anomalyId());
        }
        return new PlatformState(s.seq(), s.at(), s.pipelines(), executions, order, s.activeRuns(), failures, captures,
                s.currentCaptures(), s.readiness(), anomalies, s.sources(), recent(s.purges(), cutoff),
                recent(s.missedSchedules(), cutoff), recent(s.commands(), cutoff));
    }

    private static <T extends EventData> PVector<Fact<T>> recent(PVector<Fact<T>> facts,
                                                                                                  Instant cutoff) {
        PVector<Fact<T>> out = TreePVector.empty();
        for (Fact<T> f : facts) if (!f.at().isBefore(cutoff)) out = out.plus(f);
        return out;
    }
}
