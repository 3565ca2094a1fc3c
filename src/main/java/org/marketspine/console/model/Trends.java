package org.marketspine.console.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketspine.console.protocol.Classification;

/**
 * The operator's "is this getting worse?": hourly series over the last 7 days (failures split
 * transient / systemic-or-unclassified, executions started, queue depth at each hour's end) and
 * daily series over the last 30 days (freshness lag per tier, open anomalies at each day's end).
 * Pure and on the caller's clock (a bundle's end, a scaled clock), never {@code Instant.now()};
 * one pass over the executions, captures and anomalies.
 *
 * @param hoursFrom the start of the first hourly bucket (bucket {@code i} is the hour from {@code hoursFrom + i h})
 * @param daysFrom  the start of the first daily bucket (day {@code i} ends at {@code daysFrom + (i + 1) d})
 */
public record Trends(Instant hoursFrom, int[] transientFailures, int[] systemicFailures, int[] executions, int[] queueDepth,
                     Instant daysFrom, Map<String, double[]> freshnessLagDays, int[] openAnomalies) {
    public static final int HOURS = 7 * 24;
    public static final int DAYS = 30;

    public static Trends of(PlatformState s, Instant now) {
        Instant hoursFrom = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(HOURS - 1));
        Instant daysFrom = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(DAYS - 1));
        int[] transientFailures = new int[HOURS];
        int[] systemicFailures = new int[HOURS];
        int[] executions = new int[HOURS];
        int[] queueChange = new int[HOURS + 1];
        for (Execution x : s.executions().values()) {
            Instant began = x.startedAt() != null ? x.startedAt() : x.queuedAt();
            int h = bucket(hoursFrom, began, Duration.ofHours(1), HOURS);
            if (h >= 0) executions[h]++;
            if (x.status() == ExecutionStatus.FAILED && x.error() != null) {
                int f = bucket(hoursFrom, x.endedAt(), Duration.ofHours(1), HOURS);
                if (f >= 0) (x.error().classification() == Classification.TRANSIENT ? transientFailures : systemicFailures)[f]++;
            }
            // Queued from queuedAt until it starts (or ends without starting): counted at every hour's end inside that span.
            Instant left = x.startedAt() != null ? x.startedAt() : x.endedAt();
            addSpan(queueChange, hoursFrom, Duration.ofHours(1), x.queuedAt(), left);
        }
        int[] openChange = new int[DAYS + 1];
        for (Anomaly a : s.anomalies().values()) addSpan(openChange, daysFrom, Duration.ofDays(1), a.detectedAt(), a.resolvedAt());
        return new Trends(hoursFrom, transientFailures, systemicFailures, executions, running(queueChange, HOURS),
                daysFrom, freshnessLag(s, daysFrom, now), running(openChange, DAYS));
    }

    /** The bucket an instant falls in, or -1 outside the range. */
    private static int bucket(Instant from, Instant t, Duration width, int count) {
        if (t == null || t.isBefore(from)) return -1;
        long i = Duration.between(from, t).toMillis() / width.toMillis();
        return i < count ? (int) i : -1;
    }

    /**
     * Counts a span from {@code start} until {@code end} (null: still going) at each bucket's end
     * instant E with start ≤ E < end, through a difference array: +1 at the first bucket whose end is
     * at or after start, -1 at the first whose end is at or after end.
     */
    private static void addSpan(int[] change, Instant from, Duration width, Instant start, Instant end) {
        if (start == null) return;
        int first = firstEndAtOrAfter(from, width, start, change.length - 1);
        int last = end == null ? change.length - 1 : firstEndAtOrAfter(from, width, end, change.length - 1);
        if (first < last) {
            change[first]++;
            change[last]--;
        }
    }

    /** The first bucket whose end is at or after {@code t} (bucket i ends at from + (i + 1) width), at most {@code count}. */
    private static int firstEndAtOrAfter(Instant from, Duration width, Instant t, int count) {
        long ms = Duration.between(from, t).toMillis();
        if (ms <= 0) return 0;
        long w = width.toMillis();
        return (int) Math.min(count, (ms + w - 1) / w - 1);
    }

    private static int[] running(int[] change, int count) {
        int[] out = new int[count];
        int level = 0;
        for (int i = 0; i < count; i++) {
            level += change[i];
            out[i] = level;
        }
        return out;
    }

    /**
     * Per tier, at each day's end (today: now): how many days the next week was overdue, from the
     * normalized captures recorded by then.
     */
    private static Map<String, double[]> freshnessLag(PlatformState s, Instant daysFrom, Instant now) {
        Map<String, List<Capture>> byTier = new LinkedHashMap<>();
        for (String tier : FinraCalendar.TIERS) byTier.put(tier, new ArrayList<>());
        for (Capture c : s.captures().values()) {
            List<Capture> list = byTier.get(c.recorded().tier());
            if (list != null && c.recorded().dataset().equals(Freshness.NORMALIZED)) list.add(c);
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (var e : byTier.entrySet()) {
            List<Capture> captures = e.getValue();
            captures.sort(Comparator.comparing(Capture::recordedAt));
            double[] lag = new double[DAYS];
            LocalDate latest = null;
            int next = 0;
            for (int d = 0; d < DAYS; d++) {
                Instant dayEnd = daysFrom.plus(Duration.ofDays(d + 1));
                Instant end = dayEnd.isAfter(now) ? now : dayEnd;
                while (next < captures.size() && !captures.get(next).recordedAt().isAfter(end)) {
                    LocalDate w = captures.get(next++).recorded().weekEnding();
                    if (latest == null || w.isAfter(latest)) latest = w;
                }
                lag[d] = Freshness.overdue(e.getKey(), latest, end).toMinutes() / (24.0 * 60);
            }
            out.put(e.getKey(), lag);
        }
        return out;
    }

    /** Failures of both kinds in hour {@code i}. */
    public int failures(int i) {
        return transientFailures[i] + systemicFailures[i];
    }

    /** The hour bucket {@code i} starts at. */
    public Instant hour(int i) {
        return hoursFrom.plus(Duration.ofHours(i));
    }

    /** Failures over the last 24 hours (the last 24 buckets). */
    public int failuresLast24h() {
        int n = 0;
        for (int i = HOURS - 24; i < HOURS; i++) n += failures(i);
        return n;
    }

    /** Failures over the 24 hours before that, to say whether it is getting worse. */
    public int failuresPrevious24h() {
        int n = 0;
        for (int i = HOURS - 48; i < HOURS - 24; i++) n += failures(i);
        return n;
    }
}
