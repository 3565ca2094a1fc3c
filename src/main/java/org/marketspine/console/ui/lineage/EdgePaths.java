package org.marketspine.console.ui.lineage;

import javafx.scene.canvas.GraphicsContext;

/** The lineage canvas's edges: polylines added to one path, and arrow heads, in screen space. */
final class EdgePaths {
    private EdgePaths() {}

    /** Adds an edge's polyline (layout coordinates) to the current path when any of it can be on screen. */
    static void trace(GraphicsContext g, double[] p, double scale, double tx, double ty, double w, double h) {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < p.length; i += 2) {
            double x = p[i] * scale + tx;
            double y = p[i + 1] * scale + ty;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        if (maxX < 0 || minX > w || maxY < 0 || minY > h) return;
        g.moveTo(p[0] * scale + tx, p[1] * scale + ty);
        for (int i = 2; i < p.length; i += 2) g.lineTo(p[i] * scale + tx, p[i + 1] * scale + ty);
    }

    /** An arrow head at (x1, y1) pointing away from (x0, y0), in the current fill. */
    static void arrow(GraphicsContext g, double x0, double y0, double x1, double y1, double scale) {
        double a = Math.atan2(y1 - y0, x1 - x0);
        double len = Math.max(4, 8 * scale);
        g.fillPolygon(new double[] {x1, x1 - len * Math.cos(a - 0.4), x1 - len * Math.cos(a + 0.4)},
                new double[] {y1, y1 - len * Math.sin(a - 0.4), y1 - len * Math.sin(a + 0.4)}, 3);
    }
}
