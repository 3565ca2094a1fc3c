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

    /**
     * The feed said how many symbols to expect. 0 means it did not (spine-core keeps no such count; a week
     * with no readiness decision has none): completeness is then unknown — never "0 %", never "100 %".
     */
    public boolean completenessKnown() {
        return expectedSymbols > 0;
    }

    /** Symbols present over symbols expected, 0..1; meaningful only when {@link #completenessKnown()}. */
    public double completeness() {
        return expectedSymbols <= 0 ? 0 : Math.min(1.0, (double) symbols / expectedSymbols);
    }

    /** "5,018 of 5,036 expected symbols (99.6%)", or the count alone and why there is no percentage. */
    public String symbolsText() {
        return completenessKnown() ? String.format("%,d of %,d expected symbols (%.1f%%)", symbols, expectedSymbols, completeness() * 100)
                : String.format("%,d symbols (the feed gives no expected count: completeness unknown)", symbols);
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
        if (completenessKnown() && completeness() < ReadinessGrid.COMPLETE_ENOUGH) out.add(Unsafe.INCOMPLETE);
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
