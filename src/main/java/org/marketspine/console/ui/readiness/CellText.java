package org.marketspine.console.ui.readiness;

import java.time.LocalDate;
import java.util.List;
import org.marketspine.console.model.GridCell;
import org.marketspine.console.model.ReadinessGrid;
import org.marketspine.console.ui.Times;

/** What the readiness grid says about a cell in words: the lines it draws and its tooltip. */
final class CellText {
    private CellText() {}

    /** What a cell shows, line by line: the badge in words, symbols and completeness, then marks. */
    static List<String> lines(GridCell c, boolean changed) {
        if (c == null) return List.of("NOT AVAILABLE");
        return List.of(c.badge(), c.completenessKnown() ? String.format("%,d · %.1f%%", c.symbols(), c.completeness() * 100)
                        : String.format("%,d symbols", c.symbols()),
                CellMarks.text(CellMarks.of(c, changed)));
    }

    static String tooltip(GridCell c, boolean changed) {
        return c.badge() + " — " + c.reason() + (c.by().isEmpty() ? "" : "\nby " + c.by())
                + (c.changedAt() == null ? "" : " at " + Times.absolute(c.changedAt()))
                + "\n" + c.symbolsText()
                + (c.stale() ? "\nSTALE: an input was revised after this was computed (" + Times.absolute(c.computedAt()) + ")" : "")
                + (c.unsafe().contains(GridCell.Unsafe.INPUTS_NOT_CERTIFIED) ? "\n" + CellMarks.inputWords(c.inputs())
                        + ": computed from data that is not certified — not safe to use, whatever its own badge says" : "")
                + (changed ? "\nCHANGED since you last looked: open it to see the revision" : "")
                + "\ncapture " + c.captureId();
    }

    /** The tooltip of a cell with nothing recorded. */
    static String notAvailable(ReadinessGrid.Column column, LocalDate week) {
        return "NOT AVAILABLE — nothing recorded for " + column.dataset() + " · " + column.tier() + " in the week ending " + week;
    }
}
