package org.marketspine.console.ui.lineage;

import org.marketspine.console.model.LineageLayout;

/**
 * Where the lineage canvas looks: a zoom and the screen position of the layout's origin. Pure
 * (no JavaFX), so the first view's rule is checked without a window.
 */
record LineageViewport(double scale, double tx, double ty) {
    /** Text drawn at the size the stylesheet gives it. */
    static final double READABLE = 1.0;
    /** A whole graph fitted this small still reads (13 px text at 11 px): better than cutting off one column at 100 %. */
    static final double FITTED_READABLE = 0.85;
    private static final double W = LineageLayout.NODE_WIDTH;
    private static final double H = LineageLayout.NODE_HEIGHT;

    /** The whole graph scaled and centred into a {@code w}×{@code h} view. */
    static LineageViewport fit(LineageLayout.Result layout, double w, double h) {
        if (layout.width() <= 0) return new LineageViewport(1, 0, 0);
        double scale = Math.min(1.1, Math.min(w / (layout.width() + 40), h / (layout.height() + 40)));
        // A graph small enough to read stays readable: it may overflow, and then starts top-left.
        if (layout.boxes().size() <= 200) scale = Math.max(scale, 0.55);
        return new LineageViewport(scale, layout.width() * scale + 40 > w ? 20 : (w - layout.width() * scale) / 2,
                layout.height() * scale + 40 > h ? 20 : (h - layout.height() * scale) / 2);
    }

    /**
     * Fitted when that keeps the text (nearly) at its stylesheet size; a graph too large for that is shown
     * at 100 % around {@code anchor} (else from the top left), to pan from: a fitted hairball of
     * 6 px text reads only after zooming, so it is never the first view.
     */
    static LineageViewport first(LineageLayout.Result layout, String anchor, double w, double h) {
        LineageViewport fit = fit(layout, w, h);
        if (fit.scale >= FITTED_READABLE || layout.width() <= 0) return fit;
        LineageLayout.Box b = anchor == null ? null : layout.boxes().get(anchor);
        if (b != null) return within(centre(b, READABLE, w, h), layout, w, h);
        return new LineageViewport(READABLE, 20, layout.height() * READABLE + 40 > h ? 20 : (h - layout.height() * READABLE) / 2);
    }

    /**
     * The same view moved as little as it takes so that it never cuts the graph off on one side
     * while showing blank space on the other: centred along an axis where the graph fits, else
     * with at most the usual 20 px margin beyond either edge. (Centring the anchor alone cut the
     * demo's first column off at the left with half the view empty on the right.)
     */
    static LineageViewport within(LineageViewport v, LineageLayout.Result layout, double w, double h) {
        return new LineageViewport(v.scale, axis(v.tx, layout.width() * v.scale, w), axis(v.ty, layout.height() * v.scale, h));
    }

    private static double axis(double origin, double size, double view) {
        if (size + 40 <= view) return (view - size) / 2;
        return Math.max(view - size - 20, Math.min(20, origin));
    }

    /** A node in the middle of the view, at a readable zoom or closer. */
    static LineageViewport centre(LineageLayout.Box b, double scale, double w, double h) {
        double s = Math.max(scale, READABLE);
        return new LineageViewport(s, w / 2 - (b.x() + W / 2) * s, h / 2 - (b.y() + H / 2) * s);
    }
}
