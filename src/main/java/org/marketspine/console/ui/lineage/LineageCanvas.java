package org.marketspine.console.ui.lineage;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.TextAlignment;
import org.marketspine.console.model.LineageAt;
import org.marketspine.console.model.LineageGraph;

/**
 * The lineage graph, drawn on one canvas (thousands of nodes pan and zoom at frame rate in the
 * software renderer; as scene nodes they would not). Drag to pan, wheel or +/− to zoom, F to fit,
 * click to select. Nodes absent at the chosen instant are not drawn; superseded ones are faded.
 */
public final class LineageCanvas extends Region {
    private static final double W = LineageLayout.NODE_WIDTH;
    private static final double H = LineageLayout.NODE_HEIGHT;
    /** Below this zoom the text would be unreadable: boxes only. */
    private static final double TEXT_ZOOM = 0.45;

    private final LineagePalette palette = new LineagePalette();
    private final Canvas canvas = new Canvas();
    private LineageLayout.Result layout = LineageLayout.Result.EMPTY;
    private LineageAt at;
    private Function<String, List<String>> labels = id -> List.of();
    private String selected;
    private Consumer<String> onSelect = id -> { };
    private double scale = 1;
    private double tx;
    private double ty;
    private double pressX;
    private double pressY;
    private boolean dragged;
    private boolean dirty = true;
    private final Map<String, String> clipped = new java.util.HashMap<>();

    public LineageCanvas() {
        getStyleClass().add("lineage-canvas");
        setFocusTraversable(true);
        getChildren().addAll(palette.group(), canvas);
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnScroll(this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        setMinSize(200, 150);
    }

    void setOnSelect(Consumer<String> onSelect) {
        this.onSelect = onSelect;
    }

    /** A new layout: fitted to the view. */
    void show(LineageLayout.Result layout, LineageAt at, Function<String, List<String>> labels) {
        this.layout = layout;
        this.at = at;
        this.labels = labels;
        fit();
    }

    /** The same layout at another instant (the scrubber): only looks change. */
    void restyle(LineageAt at, Function<String, List<String>> labels) {
        this.at = at;
        this.labels = labels;
        redraw();
    }

    void select(String id) {
        selected = id;
        redraw();
    }

    /** Scales and centres the whole graph into the view. */
    public void fit() {
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        if (layout.width() <= 0) {
            scale = 1;
            tx = ty = 0;
        } else {
            scale = Math.min(1.1, Math.min(w / (layout.width() + 40), h / (layout.height() + 40)));
            tx = (w - layout.width() * scale) / 2;
            ty = (h - layout.height() * scale) / 2;
        }
        redraw();
    }

    /** Centres a node at a readable zoom. */
    public void centre(String id) {
        LineageLayout.Box b = layout.boxes().get(id);
        if (b == null) return;
        scale = Math.max(scale, 0.8);
        tx = getWidth() / 2 - (b.x() + W / 2) * scale;
        ty = getHeight() / 2 - (b.y() + H / 2) * scale;
        redraw();
    }

    public void zoom(double factor, double cx, double cy) {
        double next = Math.max(0.05, Math.min(3, scale * factor));
        tx = cx - (cx - tx) * next / scale;
        ty = cy - (cy - ty) * next / scale;
        scale = next;
        redraw();
    }

    public void pan(double dx, double dy) {
        tx += dx;
        ty += dy;
        redraw();
    }

    public double scale() {
        return scale;
    }

    private void redraw() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            boolean first = canvas.getWidth() == 0;
            canvas.setWidth(w);
            canvas.setHeight(h);
            if (first) fit();
            dirty = true;
        }
        if (dirty) draw();
    }

    private void draw() {
        dirty = false;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.setFill(palette.background());
        g.fillRect(0, 0, w, h);
        if (at == null) return;
        Map<String, LineageLayout.Box> boxes = layout.boxes();
        g.setLineWidth(Math.max(1, 1.4 * scale));
        for (LineageLayout.Line l : layout.lines()) {
            if (!at.look(l.from()).present() || !at.look(l.to()).present()) continue;
            boolean hot = selected != null && (l.from().equals(selected) || l.to().equals(selected));
            g.setStroke(hot ? palette.edgeFocus() : palette.edge());
            double[] p = l.points();
            double[] xs = new double[p.length / 2];
            double[] ys = new double[p.length / 2];
            boolean visible = false;
            for (int i = 0; i < xs.length; i++) {
                xs[i] = p[2 * i] * scale + tx;
                ys[i] = p[2 * i + 1] * scale + ty;
                visible |= xs[i] >= 0 && xs[i] <= w && ys[i] >= 0 && ys[i] <= h;
            }
            if (!visible && !spans(xs, ys, w, h)) continue;
            g.strokePolyline(xs, ys, xs.length);
            arrow(g, xs[xs.length - 2], ys[ys.length - 2], xs[xs.length - 1], ys[ys.length - 1], hot);
        }
        boolean text = scale >= TEXT_ZOOM;
        g.setTextBaseline(VPos.TOP);
        for (Map.Entry<String, LineageLayout.Box> e : boxes.entrySet()) {
            LineageAt.Look look = at.look(e.getKey());
            if (!look.present()) continue;
            double x = e.getValue().x() * scale + tx;
            double y = e.getValue().y() * scale + ty;
            double bw = W * scale;
            double bh = H * scale;
            if (x > w || y > h || x + bw < 0 || y + bh < 0) continue;
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
            if (text) drawText(g, e.getKey(), look, x, y, bw);
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
            g.fillText(clip(lines.get(0), palette.titleFont(), W - 22), 14, 20);
        }
        g.setFill(palette.subtitleText());
        g.setFont(palette.subtitleFont());
        for (int i = 1; i < Math.min(3, lines.size()); i++) g.fillText(clip(lines.get(i), palette.subtitleFont(), W - 22), 14, 22 + 16 * i);
        g.restore();
    }

    /** The text cut with an ellipsis to fit the width (squeezing it would make ids unreadable). */
    private String clip(String text, javafx.scene.text.Font font, double room) {
        return clipped.computeIfAbsent(font.getSize() + font.getStyle() + "|" + text, k -> {
            if (width(text, font) <= room) return text;
            int lo = 0;
            int hi = text.length();
            while (lo < hi) {
                int mid = (lo + hi + 1) / 2;
                if (width(text.substring(0, mid) + "…", font) <= room) lo = mid;
                else hi = mid - 1;
            }
            return text.substring(0, lo) + "…";
        });
    }

    private static double width(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private static boolean spans(double[] xs, double[] ys, double w, double h) {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < xs.length; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        return maxX >= 0 && minX <= w && maxY >= 0 && minY <= h;
    }

    private void arrow(GraphicsContext g, double x0, double y0, double x1, double y1, boolean hot) {
        double a = Math.atan2(y1 - y0, x1 - x0);
        double len = Math.max(4, 8 * scale);
        g.setFill(hot ? palette.edgeFocus() : palette.edge());
        g.fillPolygon(new double[] {x1, x1 - len * Math.cos(a - 0.4), x1 - len * Math.cos(a + 0.4)},
                new double[] {y1, y1 - len * Math.sin(a - 0.4), y1 - len * Math.sin(a + 0.4)}, 3);
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

    private void pressed(MouseEvent e) {
        requestFocus();
        pressX = e.getX();
        pressY = e.getY();
        dragged = false;
        e.consume(); // the TabPane around would take the focus back on the same press
    }

    private void dragged(MouseEvent e) {
        dragged = true;
        pan(e.getX() - pressX, e.getY() - pressY);
        pressX = e.getX();
        pressY = e.getY();
    }

    private void released(MouseEvent e) {
        if (dragged) return;
        String id = nodeAt(e.getX(), e.getY());
        select(id);
        onSelect.accept(id);
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0) zoom(Math.pow(1.1, e.getDeltaY() / 40), e.getX(), e.getY());
        e.consume();
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> zoom(1.2, getWidth() / 2, getHeight() / 2);
            case MINUS, SUBTRACT -> zoom(1 / 1.2, getWidth() / 2, getHeight() / 2);
            case F -> fit();
            case LEFT -> pan(60, 0);
            case RIGHT -> pan(-60, 0);
            case UP -> pan(0, 60);
            case DOWN -> pan(0, -60);
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** What is drawn for a node: nothing when absent, else its badge then its text lines. */
    public List<String> shown(String id) {
        if (at == null || !at.look(id).present() || !layout.boxes().containsKey(id)) return List.of();
        List<String> out = new java.util.ArrayList<>();
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
