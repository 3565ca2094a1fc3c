package org.marketspine.console.ui.readiness;

import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Border;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.ui.StyleProbes;

/**
 * The drawn grid's colours and fonts, read from spine.css through invisible styled probes: the
 * canvas draws in Java, but what it draws with stays in the stylesheet under semantic names.
 */
final class GridPalette {
    private static final PseudoClass[] STATUS = {PseudoClass.getPseudoClass("certified"),
            PseudoClass.getPseudoClass("preliminary"), PseudoClass.getPseudoClass("blocked"),
            PseudoClass.getPseudoClass("missing")};

    private final StyleProbes probes = new StyleProbes();
    private final Label[] badges = new Label[ReadinessStatus.values().length];
    private final Label counts = label("cell-counts");
    private final Label[] marks = new Label[CellMarks.Kind.values().length];
    private final Label week = label("grid-week");
    private final Label columnTier = label("column-tier");
    private final Label columnDataset = label("grid-column-dataset");
    private final Region row = region("grid-row");
    private final Region altRow = region("grid-row-alt");
    private final Region header = region("grid-header");
    private final Region selection = region("grid-selection");
    private final Region focus = region("grid-focus");
    private final Region line = region("grid-line");

    GridPalette() {
        for (ReadinessStatus s : ReadinessStatus.values()) {
            Label l = label("status-badge", "grid-badge");
            l.pseudoClassStateChanged(STATUS[s.ordinal()], true);
            badges[s.ordinal()] = l;
        }
        for (CellMarks.Kind k : CellMarks.Kind.values()) marks[k.ordinal()] = label("cell-marks", k.styleClass());
    }

    Group group() {
        return probes.group();
    }

    private Label label(String... classes) {
        return probes.label(classes);
    }

    private Region region(String cls) {
        return probes.region(cls);
    }

    private static Paint fill(Region r) {
        return StyleProbes.fill(r);
    }

    Paint badgeFill(ReadinessStatus s) { return fill(badges[s.ordinal()]); }
    Paint badgeText(ReadinessStatus s) { return badges[s.ordinal()].getTextFill(); }
    Font badgeFont() { return badges[0].getFont(); }

    /** The edge that sets PRELIMINARY apart in grey-scale too, or null for statuses without one. */
    Paint badgeEdge(ReadinessStatus s) {
        Border b = badges[s.ordinal()].getBorder();
        return b == null || b.getStrokes().isEmpty() ? null : b.getStrokes().get(0).getLeftStroke();
    }

    double badgeEdgeWidth(ReadinessStatus s) {
        Border b = badges[s.ordinal()].getBorder();
        return b == null || b.getStrokes().isEmpty() ? 0 : b.getStrokes().get(0).getWidths().getLeft();
    }

    Paint countsText() { return counts.getTextFill(); }
    Font countsFont() { return counts.getFont(); }
    Paint markText(CellMarks.Kind k) { return marks[k.ordinal()].getTextFill(); }
    Font markFont(CellMarks.Kind k) { return marks[k.ordinal()].getFont(); }
    Paint weekText() { return week.getTextFill(); }
    Font weekFont() { return week.getFont(); }
    Paint tierText() { return columnTier.getTextFill(); }
    Font tierFont() { return columnTier.getFont(); }
    Paint datasetText() { return columnDataset.getTextFill(); }
    Font datasetFont() { return columnDataset.getFont(); }
    Paint row() { return fill(row); }
    Paint altRow() { return fill(altRow); }
    Paint header() { return fill(header); }
    Paint selection() { return fill(selection); }
    Paint focus() { return fill(focus); }
    Paint line() { return fill(line); }
}
