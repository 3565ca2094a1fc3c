package org.marketspine.console.ui.readiness;

import javafx.scene.input.KeyCode;

/**
 * Where the grid's keyboard focus is and which rectangle of cells is selected: the focused cell
 * and an anchor (Shift extends from the anchor, anything else moves both). Rows and columns are
 * indices of what the grid shows; -1 means nothing focused.
 */
final class GridSelection {
    private int focusRow = -1;
    private int focusCol = -1;
    private int anchorRow = -1;
    private int anchorCol = -1;

    void clear() {
        focusRow = focusCol = anchorRow = anchorCol = -1;
    }

    boolean isEmpty() {
        return anchorRow < 0 || focusRow < 0;
    }

    int focusRow() {
        return focusRow;
    }

    int focusCol() {
        return focusCol;
    }

    boolean isFocus(int r, int c) {
        return r == focusRow && c == focusCol;
    }

    void moveTo(int r, int c, boolean extend) {
        focusRow = r;
        focusCol = c;
        if (!extend || anchorRow < 0) {
            anchorRow = r;
            anchorCol = c;
        }
    }

    boolean contains(int r, int c) {
        return !isEmpty() && r >= top() && r <= bottom() && c >= left() && c <= right();
    }

    int top() {
        return Math.min(anchorRow, focusRow);
    }

    int bottom() {
        return Math.max(anchorRow, focusRow);
    }

    int left() {
        return Math.min(anchorCol, focusCol);
    }

    int right() {
        return Math.max(anchorCol, focusCol);
    }

    /**
     * Where a navigation key moves the focus, as {row, column} within a grid of {@code rows} ×
     * {@code columns} with {@code page} rows to a screen; null for a key that does not move it.
     * With nothing focused yet, any move starts at the top left.
     */
    int[] target(KeyCode key, int page, int rows, int columns) {
        int r = Math.max(0, focusRow);
        int c = Math.max(0, focusCol);
        switch (key) {
            case UP -> r--;
            case DOWN -> r++;
            case LEFT -> c--;
            case RIGHT -> c++;
            case PAGE_UP -> r -= page;
            case PAGE_DOWN -> r += page;
            case HOME -> r = 0;
            case END -> r = rows - 1;
            default -> {
                return null;
            }
        }
        if (focusRow < 0) r = c = 0;
        return new int[] {Math.max(0, Math.min(rows - 1, r)), Math.max(0, Math.min(columns - 1, c))};
    }
}
