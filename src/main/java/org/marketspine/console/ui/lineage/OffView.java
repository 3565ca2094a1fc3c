package org.marketspine.console.ui.lineage;

import java.util.Collection;
import org.marketspine.console.model.LineageLayout;

/**
 * How many nodes of the graph the view cuts off on each side. At 1280×720 most lineage graphs
 * open at 100 % around their anchor, wider than the view: without a mark a cut-off first column
 * (where the data came from) reads as "there is nothing before this". Pure, so it is tested
 * without a window.
 */
record OffView(int left, int right, int above, int below) {
    static final OffView NONE = new OffView(0, 0, 0, 0);

    /** Counts each box not wholly inside a {@code w}×{@code h} view on every side it crosses. */
    static OffView of(Collection<LineageLayout.Box> boxes, LineageViewport v, double w, double h) {
        double bw = LineageLayout.NODE_WIDTH * v.scale();
        double bh = LineageLayout.NODE_HEIGHT * v.scale();
        int left = 0, right = 0, above = 0, below = 0;
        for (LineageLayout.Box b : boxes) {
            double x = b.x() * v.scale() + v.tx();
            double y = b.y() * v.scale() + v.ty();
            if (x < 0) left++;
            if (x + bw > w) right++;
            if (y < 0) above++;
            if (y + bh > h) below++;
        }
        return new OffView(left, right, above, below);
    }

    /** A side of the view, with where its arrow stands in the mark. */
    enum Side {
        LEFT("◀ ", ""), RIGHT("", " ▶"), ABOVE("▲ ", ""), BELOW("▼ ", "");

        final String before;
        final String after;

        Side(String before, String after) {
            this.before = before;
            this.after = after;
        }
    }

    int count(Side side) {
        return switch (side) {
            case LEFT -> left;
            case RIGHT -> right;
            case ABOVE -> above;
            case BELOW -> below;
        };
    }

    /** "◀ 2 more nodes", or empty when nothing is cut off on that side. */
    String text(Side side) {
        int n = count(side);
        return n == 0 ? "" : side.before + n + (n == 1 ? " more node" : " more nodes") + side.after;
    }
}
