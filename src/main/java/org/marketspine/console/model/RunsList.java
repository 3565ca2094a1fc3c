package org.marketspine.console.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The runs view behind "N running": what runs now (running first, then queued, oldest first) and
 * the recent history, newest first — each with pipeline, partition, duration, trigger and who.
 */
public final class RunsList {
    private RunsList() {}

    public static final int RECENT = 300;

    public static List<Execution> of(PlatformState s, int recent) {
        List<Execution> active = new ArrayList<>(s.activeExecutions());
        active.sort(Comparator.comparing((Execution x) -> x.status() != ExecutionStatus.RUNNING)
                .thenComparing(Execution::queuedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Execution> out = new ArrayList<>(active);
        int added = 0;
        for (int i = s.executionOrder().size() - 1; i >= 0 && added < recent; i--) {
            Execution x = s.executions().get(s.executionOrder().get(i));
            if (x.status().isActive()) continue;
            out.add(x);
            added++;
        }
        return out;
    }

    /** A filter as typed: every word must appear in the pipeline, tier, week, status, trigger, who or id. */
    public static boolean matches(Execution x, String query) {
        if (query == null || query.isBlank()) return true;
        String hay = (x.pipeline() + " " + x.tier() + " " + x.weekEnding() + " " + x.status() + " " + x.trigger() + " "
                + x.triggeredBy() + " " + x.executionId()).toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) if (!hay.contains(word)) return false;
        return true;
    }
}
