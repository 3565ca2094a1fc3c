package org.marketspine.console.model;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.marketspine.console.protocol.ReadinessStatus;

/**
 * One week of one dataset and tier, as the quant reads it. {@code status} MISSING reads "NOT
 * AVAILABLE". {@code stale}: derived from an input that was revised after it was computed.
 * {@code openBySeverity}: open anomalies, critical first. {@code inputs}: for a derived week, the
 * worst state among the captures it was computed from other than a revision (STALE says that):
 * CERTIFIED when all were; a 6-week average over a BLOCKED week is not safe, whatever its badge.
 */
public record GridCell(PartitionKey key, ReadinessStatus status, String reason, String by, Instant changedAt,
                       String captureId, long symbols, long expectedSymbols, int[] openBySeverity, boolean stale,
                       boolean revised, Instant computedAt, boolean derived, InputStates.State inputs) {

    /** Symbols present over symbols expected, 0..1 (0 when nothing is expected). */
    public double completeness() {
        return expectedSymbols <= 0 ? 0 : Math.min(1.0, (double) symbols / expectedSymbols);
    }

    public int openAnomalies() {
        int n = 0;
        for (int c : openBySeverity) n += c;
        return n;
    }

    /** Why a cell is not safe to use, one code per failed condition. */
    public enum Unsafe { NOT_CERTIFIED, STALE, INPUTS_NOT_CERTIFIED, CRITICAL_OR_HIGH_ANOMALY, INCOMPLETE }

    /** Certified, complete enough, current, computed from certified inputs, and without open critical or high anomalies. */
    public boolean safeToUse() {
        return unsafe().isEmpty();
    }

    public Set<Unsafe> unsafe() {
        EnumSet<Unsafe> out = EnumSet.noneOf(Unsafe.class);
        if (status != ReadinessStatus.CERTIFIED) out.add(Unsafe.NOT_CERTIFIED);
        if (stale) out.add(Unsafe.STALE);
        if (derived && inputs != InputStates.State.CERTIFIED) out.add(Unsafe.INPUTS_NOT_CERTIFIED);
        if (openBySeverity[0] > 0 || openBySeverity[1] > 0) out.add(Unsafe.CRITICAL_OR_HIGH_ANOMALY);
        if (completeness() < ReadinessGrid.COMPLETE_ENOUGH) out.add(Unsafe.INCOMPLETE);
        return out;
    }

    public String badge() {
        return status == ReadinessStatus.MISSING ? "NOT AVAILABLE" : status.name();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridCell c && key.equals(c.key) && status == c.status && reason.equals(c.reason)
                && Objects.equals(captureId, c.captureId) && symbols == c.symbols && stale == c.stale
                && revised == c.revised && inputs == c.inputs && Arrays.equals(openBySeverity, c.openBySeverity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, status, captureId, stale, revised);
    }
}
