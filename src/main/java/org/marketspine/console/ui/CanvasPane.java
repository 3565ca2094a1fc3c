package org.marketspine.console.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A region that paints one canvas, at most once a layout pulse: a change asks for a repaint
 * ({@link #repaint()}), the layout sizes the canvas and paints it if anything asked. Many changes
 * in one pulse (a scroll, a selection, a new snapshot) cost one paint; a resize always repaints.
 */
public abstract class CanvasPane extends Region {
    protected final Canvas canvas = new Canvas();
    private boolean dirty = true;

    /** Something drawn changed: paint again at the next layout. */
    protected final void repaint() {
        dirty = true;
        requestLayout();
    }

    /** Sizes the canvas; true when the size changed (it is then painted again). */
    protected final boolean sizeCanvas(double w, double h) {
        if (canvas.getWidth() == w && canvas.getHeight() == h) return false;
        canvas.setWidth(w);
        canvas.setHeight(h);
        dirty = true;
        return true;
    }

    /** Whether nothing asked for a paint since the last one (a cheap frame may then move the picture instead). */
    protected final boolean painted() {
        return !dirty;
    }

    /** At the end of {@code layoutChildren}: paints if anything asked. */
    protected final void paintIfAsked() {
        if (!dirty) return;
        dirty = false;
        paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight());
    }

    /** Draws the whole picture on a canvas of {@code w} × {@code h}. */
    protected abstract void paint(GraphicsContext g, double w, double h);
}
