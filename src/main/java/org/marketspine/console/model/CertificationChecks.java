package org.marketspine.console.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.protocol.Severity;

/**
 * What must hold before a week is certified, listed for the operator (the server enforces the
 * critical-anomaly rule itself), and the rolling-window readiness of derived analytics.
 */
public final class CertificationChecks {
    private CertificationChecks() {}

    public record Check(String name, boolean passed, String detail) {}

    /** The base dataset derived analytics are computed from. */
    public static final String BASE = Freshness.NORMALIZED;

    public static List<Check> of(PlatformState s, GridCell cell) {
        List<Check> out = new ArrayList<>();
        Capture c = s.capture(cell.captureId());
        out.add(new Check("Captured", c != null, c == null ? "no capture for this week" : cell.captureId()));
        // The reason is the feed's words for the last decision; it only explains a block.
        out.add(new Check("Not blocked", cell.status() != ReadinessStatus.BLOCKED,
                cell.status() == ReadinessStatus.BLOCKED ? cell.reason() : "status " + cell.badge()));
        int critical = cell.openBySeverity()[Severity.CRITICAL.ordinal()];
        out.add(new Check("No open critical anomaly", critical == 0, critical == 0 ? "none open" : critical + " open"));
        // Without an expected count there is nothing to check: no tick for a completeness nobody measured.
        if (cell.completenessKnown()) out.add(new Check("Complete", cell.completeness() >= ReadinessGrid.COMPLETE_ENOUGH, cell.symbolsText()));
        out.add(new Check("Inputs current", !cell.stale(), cell.stale() ? "an input was revised after this was computed"
                : "computed from the current captures"));
        if (cell.derived() && c != null) {
            List<InputStates.Input> inputs = InputStates.of(s, c);
            out.add(new Check("Inputs certified", InputStates.allCertified(inputs), InputStates.summary(inputs)));
        }
        if (cell.derived() && cell.key().dataset().contains("avg_6w")) {
            Window w = window(s, cell.key().tier(), cell.key().weekEnding(), 6);
            out.add(new Check("6-week window usable", w.usable() == w.size(), w.describe()));
        }
        return out;
    }

    /** A rolling window of base weeks ending at {@code week}: how many are usable (certified, current). */
    public record Window(int size, int usable, List<String> problems) {
        public String describe() {
            return usable + " of " + size + " weeks usable" + (problems.isEmpty() ? "" : ": " + String.join("; ", problems));
        }
    }

    public static Window window(PlatformState s, String tier, LocalDate week, int size) {
        int usable = 0;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            LocalDate w = week.minusWeeks(i);
            Readiness r = s.readiness().get(new PartitionKey(BASE, tier, w));
            if (r == null) {
                problems.add(w + " missing");
            } else if (r.status() != ReadinessStatus.CERTIFIED) {
                problems.add(w + " " + r.status());
            } else {
                usable++;
            }
        }
        return new Window(size, usable, problems);
    }
}
