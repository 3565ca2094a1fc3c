package org.marketspine.console.model;

import java.time.Instant;

/** Executions per slice of a time range, and how many of them failed: the timeline's strip. */
public record ExecutionDensity(int[] total, int[] failed) {

    public static ExecutionDensity of(PlatformState s, Instant from, Instant to, int buckets) {
        int[] total = new int[Math.max(1, buckets)];
        int[] failed = new int[total.length];
        long a = from.toEpochMilli();
        double span = Math.max(1, to.toEpochMilli() - a);
        for (Execution e : s.executions().values()) {
            Instant t = e.startedAt() != null ? e.startedAt() : e.queuedAt();
            if (t == null || t.isBefore(from) || t.isAfter(to)) continue;
            int b = (int) Math.min(total.length - 1, (t.toEpochMilli() - a) / span * total.length);
            total[b]++;
            if (e.status() == ExecutionStatus.FAILED) failed[b]++;
        }
        return new ExecutionDensity(total, failed);
    }

    public int max() {
        int m = 0;
        for (int t : total) m = Math.max(m, t);
        return m;
    }
}
