package org.marketspine.console.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.protocol.Stage;

/**
 * The quant's grid: weeks (newest first) × columns (each tier's normalized data, then the
 * derived datasets per tier). Built from any state, so it works live, in the past and offline.
 */
public final class ReadinessGrid {
    private ReadinessGrid() {}

    /** Completeness below this (share of expected symbols) keeps a week from being "safe to use". */
    public static final double COMPLETE_ENOUGH = 0.98;

    /** A column: one dataset for one tier. */
    public record Column(String dataset, String tier, boolean derived) {}

    /** A week and its cells, one per column (null where the column has nothing for that week). */
    public record Row(LocalDate week, List<GridCell> cells) {
        public boolean anySafe() {
            return cells.stream().anyMatch(c -> c != null && c.safeToUse());
        }
    }

    public record Grid(List<Column> columns, List<Row> rows) {}

    public static Grid build(PlatformState s) {
        List<Column> columns = columns(s);
        Map<PartitionKey, int[]> open = openAnomalies(s);
        TreeSet<LocalDate> weeks = new TreeSet<>(Comparator.reverseOrder());
        for (PartitionKey k : s.readiness().keySet()) weeks.add(k.weekEnding());
        List<Row> rows = new ArrayList<>(weeks.size());
        for (LocalDate week : weeks) {
            List<GridCell> cells = new ArrayList<>(columns.size());
            for (Column c : columns) cells.add(cell(s, new PartitionKey(c.dataset(), c.tier(), week), c.derived(), open));
            rows.add(new Row(week, cells));
        }
        return new Grid(columns, rows);
    }

    /** Columns in reading order: normalized (base) datasets per tier first, then derived ones. */
    public static List<Column> columns(PlatformState s) {
        LinkedHashSet<Column> base = new LinkedHashSet<>();
        LinkedHashSet<Column> derived = new LinkedHashSet<>();
        List<PartitionKey> keys = new ArrayList<>(s.readiness().keySet());
        keys.sort(Comparator.comparing(PartitionKey::dataset).thenComparing(k -> tierRank(k.tier())));
        for (PartitionKey k : keys) {
            Capture c = s.currentCapture(k);
            boolean isDerived = c != null ? c.recorded().stage() == Stage.COMPUTE : k.dataset().startsWith("analytics.");
            (isDerived ? derived : base).add(new Column(k.dataset(), k.tier(), isDerived));
        }
        List<Column> out = new ArrayList<>(base);
        out.sort(Comparator.comparing((Column c) -> tierRank(c.tier())).thenComparing(Column::dataset));
        List<Column> d = new ArrayList<>(derived);
        d.sort(Comparator.comparing(Column::dataset).thenComparing(c -> tierRank(c.tier())));
        out.addAll(d);
        return out;
    }

    private static int tierRank(String tier) {
        int i = FinraCalendar.TIERS.indexOf(tier);
        return i < 0 ? 99 : i;
    }

    public static GridCell cell(PlatformState s, PartitionKey key, boolean derived, Map<PartitionKey, int[]> open) {
        Readiness r = s.readiness().get(key);
        Capture c = s.currentCapture(key);
        int[] counts = open.getOrDefault(new PartitionKey("*", key.tier(), key.weekEnding()), new int[4]);
        if (r == null && c == null) return null;
        // A decision names the capture it judged: after a revision it says nothing of the new one.
        boolean assessed = r != null && (c == null || r.last().captureId() == null || r.last().captureId().equals(c.captureId()));
        ReadinessStatus status = assessed ? r.status() : ReadinessStatus.PRELIMINARY;
        String reason = assessed ? r.last().reason() : r == null ? "captured; not yet assessed"
                : "revised; not yet assessed (the last decision, " + r.status() + ", was about " + r.last().captureId() + ")";
        long symbols = assessed ? r.last().symbolCount() : c.recorded().symbols();
        long expected = r != null ? r.last().expectedSymbols() : 0;
        boolean stale = c != null && s.isStale(c);
        boolean revised = c != null && c.recorded().supersedes() != null;
        return new GridCell(key, status, reason, assessed ? r.last().by() : "", assessed ? r.changedAt() : null,
                c == null ? r.last().captureId() : c.captureId(), symbols, expected, counts, stale,
                revised, c == null ? null : c.recordedAt(), derived, derived ? InputStates.worst(s, c) : InputStates.State.CERTIFIED);
    }

    /** Open anomalies per tier and week (any dataset: a derived week inherits its input's problems), by severity. */
    public static Map<PartitionKey, int[]> openAnomalies(PlatformState s) {
        Map<PartitionKey, int[]> out = new HashMap<>();
        for (Anomaly a : s.anomalies().values()) {
            if (!a.isOpen()) continue;
            out.computeIfAbsent(new PartitionKey("*", a.detected().tier(), a.detected().weekEnding()), k -> new int[4])
                    [a.severity().ordinal()]++;
        }
        return out;
    }
}
