package org.marketspine.console.ui.readiness;

import static org.marketspine.console.ui.readiness.GridCanvas.HEADER;
import static org.marketspine.console.ui.readiness.GridCanvas.ROW;
import static org.marketspine.console.ui.readiness.GridCanvas.WEEK;

/**
 * Where the grid's cells are on a {@code width}×{@code height} canvas scrolled to ({@code scrollX},
 * {@code scrollY}): which cell is under a point, whether a cell is wholly in view, and the least
 * scrolling that brings one into view. Pure, so these rules are tested without a window.
 */
record GridView(double width, double height, double columnWidth, double scrollX, double scrollY) {
    /** {row, column} under a point, or null outside the {@code rows}×{@code columns} cells. */
    int[] cellAt(double x, double y, int rows, int columns) {
        if (y < HEADER || x < WEEK) return null;
        int r = (int) ((y - HEADER + Math.round(scrollY)) / ROW);
        int c = columnAt(x);
        return r < rows && c < columns ? new int[] {r, c} : null;
    }

    /** The column under {@code x} (right of the week column), as scrolled: a cell's or its header's. */
    int columnAt(double x) {
        return (int) ((x - WEEK + Math.round(scrollX)) / columnWidth);
    }

    boolean shows(int r, int c) {
        double left = c * columnWidth - scrollX;
        double top = r * ROW - scrollY;
        return left >= -0.5 && left + columnWidth <= width - WEEK + 0.5 && top >= -0.5 && top + ROW <= height - HEADER + 0.5;
    }

    /** The horizontal scroll that shows column {@code c} whole, moving as little as it can (at most {@code max}). */
    double scrollXFor(int c, double max) {
        return least(c * columnWidth, columnWidth, scrollX, width - WEEK, max);
    }

    /** The vertical scroll that shows row {@code r} whole, moving as little as it can (at most {@code max}). */
    double scrollYFor(int r, double max) {
        return least(r * ROW, ROW, scrollY, height - HEADER, max);
    }

    private static double least(double start, double size, double scroll, double view, double max) {
        if (start < scroll) return start;
        if (start + size > scroll + view) return Math.min(max, start + size - view);
        return scroll;
    }
}
