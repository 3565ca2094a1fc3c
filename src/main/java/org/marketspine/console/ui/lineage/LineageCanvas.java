package org.marketspine.console.ui.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import org.marketspine.console.model.LineageAt;
import org.marketspine.console.model.LineageLayout;
import org.marketspine.console.ui.CanvasPane;
import org.marketspine.console.ui.TextMeasure;

/**
 * The lineage graph, drawn on one canvas (thousands of nodes pan and zoom at frame rate in the
 * software renderer; as scene nodes they would not). Drag to pan, wheel or +/− to zoom, F to fit,
 * click to select. Nodes absent at the chosen instant are not drawn; superseded ones are faded.
 */
public final class LineageCanvas extends CanvasPane implements LineageInput.View {
    private static final double W = LineageLayout.NODE_WIDTH;
    private static final double H = LineageLayout.NODE_HEIGHT;
    /** Below this zoom the text would be unreadable: boxes only. */
    private static final double TEXT_ZOOM = 0.45;

    private final LineagePalette palette = new LineagePalette();
    private final OffViewMarks offView = new OffViewMarks();
    private LineageLayout.Result layout = LineageLayout.Result.EMPTY;
    private LineageAt at;
    private Function<String, List<String>> labels = id -> List.of();
    private String selected;
    private String anchor;
    private Consumer<String> onSelect = id -> { };
    private double scale = 1;
    private double tx;
    private double ty;
    private final TextMeasure measure = new TextMeasure();
    /**
     * While a large graph is being panned or zoomed, frames move the last drawn picture (the
     * canvas node's own transform) instead of redrawing thousands of edges — the software
     * renderer manages ~18 full redraws a second at 2,000 nodes; it is redrawn crisp once the
     * gesture pauses.
     */
    private boolean gesture;
    private double stillScale;
    private double stillTx;
    private double stillTy;
    private final PauseTransition settle = new PauseTransition(Duration.millis(160));
    private static final int LARGE = 400;
    private int drawnNodes;
    /** True once the view is not the first view any more (fit, centre, zoom, pan): a resize then keeps it. */
    private boolean moved;

    public LineageCanvas() {
        getStyleClass().add("lineage-canvas");
        setFocusTraversable(true);
        getChildren().addAll(palette.group(), canvas);
        offView.nodes().forEach(getChildren()::add);
        LineageInput.install(canvas, this, this);
        setMinSize(200, 150);
        settle.setOnFinished(e -> {
            gesture = false;
            canvas.setTranslateX(0);
            canvas.setTranslateY(0);
            canvas.setScaleX(1);
            canvas.setScaleY(1);
            redraw();
        });
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    /** A gesture step is about to move the view: keep a picture of it if the graph is large. */
    private void moving() {
        moved = true;
        if (gesture && (scale / stillScale > 1.5 || scale / stillScale < 0.67)) gesture = false; // too blurry: redraw
        if (!gesture && drawnNodes > LARGE && canvas.getWidth() > 0 && painted()) {
            gesture = true;
            stillScale = scale;
            stillTx = tx;
            stillTy = ty;
        }
        if (gesture) settle.playFromStart();
    }

    void setOnSelect(Consumer<String> onSelect) {
        this.onSelect = onSelect;
    }

    /** A new layout, in its first view: around {@code anchor} (a node id, or null) when it does not fit. */
    public void show(LineageLayout.Result layout, LineageAt at, Function<String, List<String>> labels, String anchor) {
        gesture = false;
        this.layout = layout;
        this.at = at;
        this.labels = labels;
        this.anchor = anchor;
        firstView();
    }

    /** Never a fitted hairball of 6 px text: see {@link LineageViewport#first}. */
    private void firstView() {
        gesture = false;
        look(LineageViewport.first(layout, anchor, Math.max(1, getWidth()), Math.max(1, getHeight())));
        moved = false;
    }

    private void look(LineageViewport v) {
        moved = true;
        scale = v.scale();
        tx = v.tx();
        ty = v.ty();
        redraw();
    }

    /** The same layout at another instant (the scrubber): only looks change. */
    void restyle(LineageAt at, Function<String, List<String>> labels) {
        gesture = false;
        this.at = at;
        this.labels = labels;
        redraw();
    }

    void select(String id) {
        gesture = false;
        selected = id;
        redraw();
    }

    /** Scales and centres the whole graph into the view. */
    public void fit() {
        gesture = false;
        look(LineageViewport.fit(layout, Math.max(1, getWidth()), Math.max(1, getHeight())));
    }

    /** Centres a node at a readable zoom. */
    public void centre(String id) {
        LineageLayout.Box b = layout.boxes().get(id);
        if (b != null) look(LineageViewport.centre(b, scale, getWidth(), getHeight()));
    }

    public void zoom(double factor, double cx, double cy) {
        moving();
        double next = Math.max(0.05, Math.min(3, scale * factor));
        tx = cx - (cx - tx) * next / scale;
        ty = cy - (cy - ty) * next / scale;
        scale = next;
        if (gesture && (scale / stillScale > 1.5 || scale / stillScale < 0.67)) gesture = false;
        redraw();
    }

    public void pan(double dx, double dy) {
        moving();
        tx += dx;
        ty += dy;
        redraw();
    }

    public double scale() {
        return scale;
    }

    private void redraw() {
        if (gesture) {
            // Mid-gesture: move the last drawn picture instead of drawing again.
            double k = scale / stillScale;
            double cx = canvas.getWidth() / 2;
            double cy = canvas.getHeight() / 2;
            canvas.setScaleX(k);
            canvas.setScaleY(k);
            canvas.setTranslateX(Math.round(tx - stillTx * k - cx * (1 - k)));
            canvas.setTranslateY(Math.round(ty - stillTy * k - cy * (1 - k)));
            return;
        }
        canvas.setTranslateX(0);
        canvas.setTranslateY(0);
        canvas.setScaleX(1);
        canvas.setScaleY(1);
        repaint();
    }

    @Override
    protected void layoutChildren() {
        // Until someone moves it, the first view is the first view of the size shown (the window may
        // still be growing when the layout arrives: it was chosen for a narrower canvas, and cut the graph).
        if (sizeCanvas(getWidth(), getHeight()) && !moved) firstView();
        paintIfAsked();
        offView.layout(getWidth(), getHeight());
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        g.clearRect(0, 0, w, h);
        g.setFill(palette.background());
        g.fillRect(0, 0, w, h);
        if (at == null) {
            offView.show(OffView.NONE);
            return;
        }
        Map<String, LineageLayout.Box> boxes = layout.boxes();
        offView.show(OffView.of(boxes.entrySet().stream().filter(e -> at.look(e.getKey()).present()).map(Map.Entry::getValue).toList(),
                new LineageViewport(scale, tx, ty), w, h));
        boolean text = scale >= TEXT_ZOOM;
        // All plain edges as one path, stroked once: thousands of separate strokes cost the
        // software renderer a rasterisation each. Edges of the selected node go on top.
        g.setLineWidth(Math.max(1, 1.4 * scale));
        g.beginPath();
        List<LineageLayout.Line> hot = new ArrayList<>();
        for (LineageLayout.Line l : layout.lines()) {
            if (!at.look(l.from()).present() || !at.look(l.to()).present()) continue;
            if (selected != null && (l.from().equals(selected) || l.to().equals(selected))) {
                hot.add(l);
                continue;
            }
            EdgePaths.trace(g, l.points(), scale, tx, ty, w, h);
        }
        g.setStroke(palette.edge());
        g.stroke();
        g.beginPath();
        for (LineageLayout.Line l : hot) EdgePaths.trace(g, l.points(), scale, tx, ty, w, h);
        g.setStroke(palette.edgeFocus());
        g.setLineWidth(Math.max(1.5, 2 * scale));
        g.stroke();
        if (text) {
            for (LineageLayout.Line l : layout.lines()) {
                if (!at.look(l.from()).present() || !at.look(l.to()).present()) continue;
                double[] p = l.points();
                int n = p.length;
                double x1 = p[n - 2] * scale + tx;
                double y1 = p[n - 1] * scale + ty;
                if (x1 < 0 || x1 > w || y1 < 0 || y1 > h) continue;
                g.setFill(hot.contains(l) ? palette.edgeFocus() : palette.edge());
                EdgePaths.arrow(g, p[n - 4] * scale + tx, p[n - 3] * scale + ty, x1, y1, scale);
            }
        }
        if (!text) {
            drawBoxes(g, boxes, w, h);
            return;
        }
        g.setTextBaseline(VPos.TOP);
        drawnNodes = 0;
        for (Map.Entry<String, LineageLayout.Box> e : boxes.entrySet()) {
            LineageAt.Look look = at.look(e.getKey());
            if (!look.present()) continue;
            double x = e.getValue().x() * scale + tx;
            double y = e.getValue().y() * scale + ty;
            double bw = W * scale;
            double bh = H * scale;
            if (x > w || y > h || x + bw < 0 || y + bh < 0) continue;
            drawnNodes++;
            boolean faded = look.tone() == LineageAt.Tone.SUPERSEDED;
            g.setGlobalAlpha(faded ? 0.55 : 1);
            boolean isSelected = e.getKey().equals(selected);
            g.setFill(isSelected ? palette.selected() : palette.border());
            double edge = isSelected ? 2 : 1;
            g.fillRect(x - edge, y - edge, bw + 2 * edge, bh + 2 * edge);
            g.setFill(palette.node());
            g.fillRect(x, y, bw, bh);
            g.setFill(palette.tone(look.tone()));
            g.fillRect(x, y, Math.max(2, 6 * scale), bh);
            drawText(g, e.getKey(), look, x, y, bw);
        }
        g.setGlobalAlpha(1);
    }

    private void drawText(GraphicsContext g, String id, LineageAt.Look look, double x, double y, double bw) {
        List<String> lines = labels.apply(id);
        double s = scale;
        g.save();
        g.translate(x, y);
        g.scale(s, s);
        g.setFill(palette.tone(look.tone()));
        g.setFont(palette.badgeFont());
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(look.badge() + (look.openAnomalies() > 0 ? "  ⚠ " + look.openAnomalies() : ""), W - 8, 6);
        g.setTextAlign(TextAlignment.LEFT);
        if (!lines.isEmpty()) {
            g.setFill(palette.titleText());
            g.setFont(palette.titleFont());
            g.fillText(measure.clip(lines.get(0), palette.titleFont(), W - 22), 14, 20);
        }
        g.setFill(palette.subtitleText());
        g.setFont(palette.subtitleFont());
        for (int i = 1; i < Math.min(3, lines.size()); i++) g.fillText(measure.clip(lines.get(i), palette.subtitleFont(), W - 22), 14, 22 + 16 * i);
        g.restore();
    }

    /** Zoomed out: each node is one box in its tone (text would be unreadable anyway). */
    private void drawBoxes(GraphicsContext g, Map<String, LineageLayout.Box> boxes, double w, double h) {
        drawnNodes = 0;
        double bw = W * scale;
        double bh = H * scale;
        for (LineageAt.Tone tone : LineageAt.Tone.values()) {
            g.setFill(palette.tone(tone));
            g.setGlobalAlpha(tone == LineageAt.Tone.SUPERSEDED ? 0.55 : 1);
            for (Map.Entry<String, LineageLayout.Box> e : boxes.entrySet()) {
                LineageAt.Look look = at.look(e.getKey());
                if (!look.present() || look.tone() != tone) continue;
                double x = e.getValue().x() * scale + tx;
                double y = e.getValue().y() * scale + ty;
                if (x > w || y > h || x + bw < 0 || y + bh < 0) continue;
                drawnNodes++;
                g.fillRect(x, y, bw, bh);
            }
        }
        g.setGlobalAlpha(1);
        if (selected != null && boxes.containsKey(selected) && at.look(selected).present()) {
            LineageLayout.Box b = boxes.get(selected);
            g.setStroke(palette.selected());
            g.setLineWidth(2);
            g.strokeRect(b.x() * scale + tx - 2, b.y() * scale + ty - 2, bw + 4, bh + 4);
        }
    }


    /** The node under a point of the canvas, or null. */
    String nodeAt(double sx, double sy) {
        double x = (sx - tx) / scale;
        double y = (sy - ty) / scale;
        for (Map.Entry<String, LineageLayout.Box> e : layout.boxes().entrySet()) {
            LineageLayout.Box b = e.getValue();
            if (x >= b.x() && x <= b.x() + W && y >= b.y() && y <= b.y() + H && at != null && at.look(e.getKey()).present()) return e.getKey();
        }
        return null;
    }

    /** A click on the canvas selects the node under it, or nothing. */
    @Override
    public void clicked(double x, double y) {
        String id = nodeAt(x, y);
        select(id);
        onSelect.accept(id);
    }

    /** What is drawn for a node: nothing when absent, else its badge then its text lines. */
    public List<String> shown(String id) {
        if (at == null || !at.look(id).present() || !layout.boxes().containsKey(id)) return List.of();
        List<String> out = new ArrayList<>();
        out.add(at.look(id).badge());
        out.addAll(labels.apply(id));
        return out;
    }

    /** Where a node is drawn, on screen (for tests and "jump to"). */
    public Point2D screenPointOf(String id) {
        LineageLayout.Box b = layout.boxes().get(id);
        return b == null ? null : canvas.localToScreen((b.x() + W / 2) * scale + tx, (b.y() + H / 2) * scale + ty);
    }
}
