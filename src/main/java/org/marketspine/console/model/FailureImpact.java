package org.marketspine.console.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.marketspine.console.protocol.EventData.PipelineDeclared;
import org.marketspine.console.protocol.ReadinessStatus;

/**
 * What a failed run holds up: the downstream datasets × weeks it leaves missing or stale, with
 * their readiness now (the operator's "what else is affected?"). Read from the declared pipelines
 * (a dataset feeds every pipeline that lists it as an input) and from the captures (a rolling
 * computation such as a 6-week average names the exact input captures it read, so a partition's
 * later weeks that used it are held up too). Pure: a function of the state.
 */
public final class FailureImpact {
    private FailureImpact() {}

    /** One held-up partition and how it stands now. */
    public record Held(PartitionKey partition, ReadinessStatus status, boolean stale) {
        /** e.g. {@code analytics.volume_avg_6w NMS_TIER_2 2026-10-23 (PRELIMINARY · STALE)}. */
        public String describe() {
            return partition.dataset() + " " + partition.tier() + " " + partition.weekEnding() + " ("
                    + (status == null ? "not produced" : status.name()) + (stale ? " · STALE" : "") + ")";
        }

        /** Certified data that this failure makes out of date: the case to escalate. */
        public boolean certified() {
            return status == ReadinessStatus.CERTIFIED;
        }
    }

    /**
     * The partitions downstream of a failed run (not its own outputs, which the failure list already
     * names), newest week first; empty when the run names no tier and week or its pipeline was never
     * declared.
     */
    public static List<Held> of(PlatformState s, Execution failed) {
        if (failed.tier() == null || failed.weekEnding() == null) return List.of();
        Fact<PipelineDeclared> declared = s.pipelines().get(failed.pipeline());
        if (declared == null) return List.of();
        Set<PartitionKey> own = new LinkedHashSet<>();
        for (String out : declared.data().outputs()) own.add(new PartitionKey(out, failed.tier(), failed.weekEnding()));
        Set<PartitionKey> seen = new LinkedHashSet<>(own);
        Deque<PartitionKey> todo = new ArrayDeque<>(own);
        while (!todo.isEmpty()) {
            PartitionKey from = todo.poll();
            for (PartitionKey next : downstream(s, from)) if (seen.add(next)) todo.add(next);
        }
        List<Held> out = new ArrayList<>();
        for (PartitionKey k : seen) {
            if (own.contains(k)) continue;
            Readiness r = s.readiness().get(k);
            Capture current = s.currentCapture(k);
            out.add(new Held(k, r == null ? null : r.status(), current != null && s.isStale(current)));
        }
        out.sort((a, b) -> a.partition().compareTo(b.partition()));
        return out;
    }

    /** How many later weeks a rolling computation may reach back over (a 6-week average needs 5; half a year is ample). */
    static final int ROLLING_WEEKS = 26;

    /** The partitions computed from {@code from}: the same week of every consumer's outputs, and any later week whose capture read it. */
    private static Set<PartitionKey> downstream(PlatformState s, PartitionKey from) {
        Set<PartitionKey> out = new LinkedHashSet<>();
        Capture input = s.currentCapture(from);
        for (Fact<PipelineDeclared> p : s.pipelines().values()) {
            if (!p.data().inputs().contains(from.dataset())) continue;
            for (String dataset : p.data().outputs()) {
                out.add(new PartitionKey(dataset, from.tier(), from.weekEnding()));
                for (int k = 1; input != null && k <= ROLLING_WEEKS; k++) {
                    PartitionKey later = new PartitionKey(dataset, from.tier(), from.weekEnding().plusWeeks(k));
                    Capture c = s.currentCapture(later);
                    if (c != null && c.recorded().inputs().contains(input.captureId())) out.add(later);
                }
            }
        }
        return out;
    }

    /** One line for the failure detail and the wall, or null when nothing is held up. */
    public static String line(List<Held> held, int shown) {
        if (held.isEmpty()) return null;
        StringBuilder b = new StringBuilder("Holds up: ");
        for (int i = 0; i < Math.min(shown, held.size()); i++) b.append(i == 0 ? "" : ", ").append(held.get(i).describe());
        if (held.size() > shown) b.append(" and ").append(held.size() - shown).append(" more");
        return b.toString();
    }

    /** A few words for a row that has no room for the list (the wall): "holds up 4 downstream partitions, 2 certified". */
    public static String brief(List<Held> held) {
        if (held.isEmpty()) return null;
        long certified = held.stream().filter(Held::certified).count();
        return "holds up " + held.size() + " downstream partition" + (held.size() == 1 ? "" : "s")
                + (certified > 0 ? ", " + certified + " certified" : "");
    }

    /** Escalation advice from the impact: certified data out of date is for the data owners, not a quiet retry. */
    public static String escalation(List<Held> held) {
        long certified = held.stream().filter(Held::certified).count();
        if (certified > 0) {
            String datasets = String.join(", ", held.stream().filter(Held::certified).map(h -> h.partition().dataset()).distinct().toList());
            return "Leaves " + certified + " certified partition" + (certified == 1 ? "" : "s") + " out of date (" + datasets
                    + ") → escalate to the data owners if a retry does not fix it now.";
        }
        return held.isEmpty() ? null : "Nothing certified is held up; " + held.size() + " downstream partition"
                + (held.size() == 1 ? " waits" : "s wait") + " for this run.";
    }
}
