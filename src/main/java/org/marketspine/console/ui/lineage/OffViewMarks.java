package org.marketspine.console.ui.lineage;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Label;

/** A mark at each edge of the lineage canvas that cuts nodes off, saying how many lie beyond it (drag or F shows them). */
final class OffViewMarks {
    private final Map<OffView.Side, Label> marks = new EnumMap<>(OffView.Side.class);

    OffViewMarks() {
        for (OffView.Side side : OffView.Side.values()) {
            Label mark = new Label();
            mark.setId("lineage-more-" + side.name().toLowerCase(Locale.ROOT));
            mark.getStyleClass().add("lineage-more");
            // Drawn over the graph, never in its way: a press, drag or wheel on a mark pans and zooms as anywhere else.
            mark.setMouseTransparent(true);
            mark.setVisible(false);
            mark.setManaged(false);
            marks.put(side, mark);
        }
    }

    Iterable<Label> nodes() {
        return marks.values();
    }

    void show(OffView off) {
        marks.forEach((side, mark) -> {
            mark.setText(off.text(side));
            mark.setVisible(off.count(side) > 0);
        });
    }

    /**
     * Each mark inside the view at the middle of its edge; the one below at the right, clear of
     * the usage hint along the bottom left.
     */
    void layout(double w, double h) {
        marks.forEach((side, mark) -> {
            double mw = mark.prefWidth(-1);
            double mh = mark.prefHeight(mw);
            double x = switch (side) {
                case LEFT -> 4;
                case RIGHT, BELOW -> w - mw - 4;
                case ABOVE -> (w - mw) / 2;
            };
            double y = switch (side) {
                case ABOVE -> 4;
                case BELOW -> h - mh - 4;
                case LEFT, RIGHT -> (h - mh) / 2;
            };
            mark.resizeRelocate(Math.round(x), Math.round(y), mw, mh);
        });
    }
}
