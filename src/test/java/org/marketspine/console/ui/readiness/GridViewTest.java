package org.marketspine.console.ui.readiness;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The readiness grid's geometry: what is under the pointer, what is in view, and how little to scroll. */
class GridViewTest {
    // Five columns of 126 px and the week column fit a 734 px canvas; 5 rows of 66 px under the header in 376 px.
    private static final GridView TOP_LEFT = new GridView(GridCanvas.WEEK + 5 * 126, GridCanvas.HEADER + 5 * GridCanvas.ROW, 126, 0, 0);

    @Test
    void theCellUnderThePointerCountsTheScroll() {
        assertArrayEquals(new int[] {0, 0}, TOP_LEFT.cellAt(GridCanvas.WEEK + 1, GridCanvas.HEADER + 1, 10, 9));
        assertNull(TOP_LEFT.cellAt(GridCanvas.WEEK - 1, GridCanvas.HEADER + 1, 10, 9), "the week column is not a cell");
        GridView scrolled = new GridView(TOP_LEFT.width(), TOP_LEFT.height(), 126, 2 * 126, GridCanvas.ROW);
        assertArrayEquals(new int[] {1, 2}, scrolled.cellAt(GridCanvas.WEEK + 1, GridCanvas.HEADER + 1, 10, 9));
        assertNull(scrolled.cellAt(GridCanvas.WEEK + 1, GridCanvas.HEADER + 1, 1, 9), "past the last row");
    }

    @Test
    void aCellOffToTheRightIsBroughtInByTheLeastScroll_oneInViewStaysPut() {
        assertTrue(TOP_LEFT.shows(4, 4));
        assertFalse(TOP_LEFT.shows(0, 5), "the sixth column is beyond the canvas");
        assertEquals(126, TOP_LEFT.scrollXFor(5, 1000), 1e-9, "one column's scroll, so it ends at the right edge");
        assertEquals(0, TOP_LEFT.scrollXFor(3, 1000), 1e-9, "already in view: no scroll");
        assertEquals(50, TOP_LEFT.scrollXFor(8, 50), 1e-9, "never past the bar's maximum");
        GridView scrolled = new GridView(TOP_LEFT.width(), TOP_LEFT.height(), 126, 3 * 126, 3 * GridCanvas.ROW);
        assertEquals(126, scrolled.scrollXFor(1, 1000), 1e-9, "a column to the left: scrolled back to its start");
        assertEquals(GridCanvas.ROW, scrolled.scrollYFor(1, 1000), 1e-9);
        assertFalse(scrolled.shows(1, 1));
    }
}
