package org.marketspine.console.ui.readiness;

import static org.junit.jupiter.api.Assertions.*;

import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The grid's focus and selection, without a screen: keys move within the grid, Shift extends from the anchor. */
class GridSelectionTest {
    @Test
    void theFirstMoveStartsAtTheTopLeftAndMovesStayInsideTheGrid() {
        GridSelection s = new GridSelection();
        assertTrue(s.isEmpty());
        assertArrayEquals(new int[] {0, 0}, s.target(KeyCode.DOWN, 5, 10, 4));
        assertNull(s.target(KeyCode.A, 5, 10, 4), "a key that does not move");
        s.moveTo(0, 0, false);
        assertArrayEquals(new int[] {0, 0}, s.target(KeyCode.UP, 5, 10, 4), "no row above the first");
        assertArrayEquals(new int[] {0, 0}, s.target(KeyCode.LEFT, 5, 10, 4));
        assertArrayEquals(new int[] {5, 0}, s.target(KeyCode.PAGE_DOWN, 5, 10, 4));
        assertArrayEquals(new int[] {9, 0}, s.target(KeyCode.END, 5, 10, 4));
        s.moveTo(8, 3, false);
        assertArrayEquals(new int[] {9, 3}, s.target(KeyCode.PAGE_DOWN, 5, 10, 4), "a page down near the end stops at the last week");
        assertArrayEquals(new int[] {8, 3}, s.target(KeyCode.RIGHT, 5, 10, 4), "no column after the last");
        assertArrayEquals(new int[] {0, 3}, s.target(KeyCode.HOME, 5, 10, 4));
    }

    @Test
    void shiftExtendsARectangleFromTheAnchorAndAPlainMoveStartsOver() {
        GridSelection s = new GridSelection();
        s.moveTo(2, 1, false);
        s.moveTo(4, 3, true);
        assertTrue(s.isFocus(4, 3));
        assertEquals(2, s.top());
        assertEquals(4, s.bottom());
        assertEquals(1, s.left());
        assertEquals(3, s.right());
        assertTrue(s.contains(3, 2));
        assertFalse(s.contains(1, 2));
        s.moveTo(0, 0, true);
        assertTrue(s.contains(2, 1) && s.contains(0, 0) && !s.contains(3, 0), "extends from the same anchor, the other way");
        s.moveTo(5, 2, false);
        assertTrue(s.contains(5, 2));
        assertFalse(s.contains(2, 1), "a plain move drops the old rectangle");
        s.clear();
        assertTrue(s.isEmpty());
        assertFalse(s.contains(5, 2));
    }
}
