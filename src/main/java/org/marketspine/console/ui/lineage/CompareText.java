package org.marketspine.console.ui.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.marketspine.console.model.Anomaly;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.StateDiff;
import org.marketspine.console.ui.Times;

/** The "compare two instants" answer as lines a person reads (sections start with "▸ "). */
final class CompareText {
    private CompareText() {}

    static List<String> of(StateDiff d) {
        List<String> out = new ArrayList<>();
        if (d.isEmpty()) {
            out.add("Nothing changed between these two instants.");
            return out;
        }
        out.add("▸ Captures added: " + d.capturesAdded().size());
        for (Capture c : d.capturesAdded()) {
            out.add("   + " + c.captureId() + "  " + c.partition() + String.format("  %,d rows, %,d symbols", c.recorded().rows(), c.recorded().symbols())
                    + (c.recorded().supersedes() != null ? "  (revises " + c.recorded().supersedes() + ")" : ""));
        }
        out.add("▸ Captures superseded: " + d.capturesSuperseded().size());
        for (Capture c : d.capturesSuperseded()) {
            out.add("   − " + c.captureId() + "  " + c.partition() + "  by " + c.supersededBy() + " at " + Times.absolute(c.supersededAt()));
        }
        out.add("▸ Readiness transitions: " + d.readinessTransitions().size());
        for (StateDiff.Transition t : d.readinessTransitions()) {
            out.add("   " + t.partition() + ": " + (t.from() == null ? "—" : t.from().name()) + " → " + t.to().name() + "  (" + t.reason() + ", by " + t.by() + ")");
        }
        out.add("▸ Anomalies opened: " + d.anomaliesOpened().size());
        for (Anomaly a : d.anomaliesOpened()) out.add("   ⚠ " + a.severity().name() + " " + a.anomalyId() + ": " + a.detected().message());
        out.add("▸ Anomalies closed: " + d.anomaliesClosed().size());
        for (Anomaly a : d.anomaliesClosed()) out.add("   ✓ " + a.anomalyId() + " resolved by " + a.resolvedBy() + " at " + Times.absolute(a.resolvedAt()));
        out.add("▸ Executions run: " + d.executionsRun().size());
        out.add("▸ Row and symbol deltas of each revision (from the feed):");
        return out;
    }

    static String diff(JsonNode d) {
        return String.format("   Δ %s → %s: rows %,d → %,d (%+,d), symbols %,d → %,d (%+,d), +%d / −%d symbols",
                d.path("from_capture").asText(), d.path("to_capture").asText(), d.path("rows_before").asLong(), d.path("rows_after").asLong(),
                d.path("rows_delta").asLong(), d.path("symbols_before").asLong(), d.path("symbols_after").asLong(), d.path("symbols_delta").asLong(),
                d.path("symbols_added").size(), d.path("symbols_removed").size());
    }
}
