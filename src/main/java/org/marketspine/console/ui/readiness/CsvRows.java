package org.marketspine.console.ui.readiness;

import java.util.Locale;
import org.marketspine.console.model.GridCell;

/** Grid cells as CSV lines, with ISO dates, for a quant's notebook. */
final class CsvRows {
    private CsvRows() {}

    static final String HEADER = "week_ending,dataset,tier,status,safe_to_use,symbols,expected_symbols,completeness,"
            + "open_anomalies,stale,capture_id";

    static String line(GridCell c) {
        return String.join(",", c.key().weekEnding().toString(), c.key().dataset(), c.key().tier(), c.badge(),
                Boolean.toString(c.safeToUse()), Long.toString(c.symbols()),
                // Empty where the feed gives no expected count: a notebook reads a missing value, not 0 % complete.
                c.completenessKnown() ? Long.toString(c.expectedSymbols()) : "",
                c.completenessKnown() ? String.format(Locale.ROOT, "%.4f", c.completeness()) : "", Integer.toString(c.openAnomalies()),
                Boolean.toString(c.stale()), c.captureId() == null ? "" : c.captureId());
    }
}
