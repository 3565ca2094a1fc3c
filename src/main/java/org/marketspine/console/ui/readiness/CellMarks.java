package org.marketspine.console.ui.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.marketspine.console.model.GridCell;
import org.marketspine.console.model.InputStates;
import org.marketspine.console.protocol.Severity;

/**
 * The marks under a cell's badge, each of its own kind so each can look different: a critical
 * anomaly must read as critical, not as one more word in the same small text as REVISED.
 */
final class CellMarks {
    private CellMarks() {}

    enum Kind {
        CHANGED, STALE, INPUTS, REVISED, CRITICAL, ANOMALY;

        /** The style class the grid's palette and the detail's labels take this kind's look from. */
        String styleClass() {
            return "cell-mark-" + name().toLowerCase(Locale.ROOT);
        }
    }

    record Mark(Kind kind, String text) {}

    static List<Mark> of(GridCell c, boolean changed) {
        List<Mark> out = new ArrayList<>();
        if (c == null) return out;
        if (changed) out.add(new Mark(Kind.CHANGED, "CHANGED"));
        if (c.stale()) out.add(new Mark(Kind.STALE, "STALE"));
        else if (c.revised()) out.add(new Mark(Kind.REVISED, "REVISED"));
        if (c.unsafe().contains(GridCell.Unsafe.INPUTS_NOT_CERTIFIED)) out.add(new Mark(Kind.INPUTS, inputWords(c.inputs())));
        int[] open = c.openBySeverity();
        int critical = open[Severity.CRITICAL.ordinal()];
        if (critical > 0) out.add(new Mark(Kind.CRITICAL, "⚠ " + critical + " critical"));
        StringBuilder rest = new StringBuilder();
        Severity[] all = Severity.values();
        for (int i = 0; i < all.length; i++) {
            if (all[i] == Severity.CRITICAL || open[i] == 0) continue;
            rest.append(rest.isEmpty() ? (critical > 0 ? "" : "⚠ ") : " · ").append(open[i]).append(' ')
                    .append(all[i].name().toLowerCase(Locale.ROOT));
        }
        if (!rest.isEmpty()) out.add(new Mark(Kind.ANOMALY, rest.toString()));
        return out;
    }

    /** A derived week over inputs not all certified: "INPUT BLOCKED", "INPUT PRELIMINARY", "INPUT NOT ASSESSED". */
    static String inputWords(InputStates.State worst) {
        return "INPUT " + InputStates.words(worst);
    }

    /** The marks as one line of words, for the accessible text and the copy. */
    static String text(List<Mark> marks) {
        StringBuilder b = new StringBuilder();
        for (Mark m : marks) b.append(b.isEmpty() ? "" : " ").append(m.text());
        return b.toString();
    }
}
