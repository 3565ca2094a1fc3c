package org.marketspine.console.ui.health;

import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.marketspine.console.ui.StyleProbes;

/**
 * A small trend drawn on a canvas: stacked bars per bucket (up to two series), or lines (one per
 * series). Colours come from the stylesheet through probes ({@code trend-series-0…2}, inside the
 * chart's own style class, so the wall can give them its own); the hovered bucket's meaning is in
 * the tooltip; a click on a bucket is reported. Our own data on our own clock: nothing here reads
 * the time.
 */
final class TrendChart extends Pane {
    private final Canvas canvas = new Canvas();
    private final StyleProbes probes = new StyleProbes();
    private final List<Region> series = List.of(probes.region("trend-series-0"), probes.region("trend-series-1"),
            probes.region("trend-series-2"));
    private final Region axis = probes.region("trend-axis");
    private final Tooltip tip = new Tooltip();
    private int[][] bars;
    private List<double[]> lines;
    private int buckets;
    private IntFunction<String> describe = i -> "";
    private IntConsumer onPick = i -> {};

    TrendChart(String styleClass) {
        getStyleClass().addAll("trend-chart", styleClass);
        getChildren().addAll(probes.group(), canvas);
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(canvas, tip);
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMouseClicked(e -> {
            int i = bucketAt(e.getX());
            if (i >= 0) onPick.accept(i);
        });
        setMinSize(0, 0);
    }

    /** Stacked bars: {@code first} at the bottom, {@code second} (may be null) on top. */
    void bars(int[] first, int[] second, IntFunction<String> describe) {
        this.bars = second == null ? new int[][] {first} : new int[][] {first, second};
        this.lines = null;
        this.buckets = first.length;
        this.describe = describe;
        draw();
    }

    /** One line per series, all of the same length. */
    void lines(List<double[]> values, IntFunction<String> describe) {
        this.lines = List.copyOf(values);
        this.bars = null;
        this.buckets = values.isEmpty() ? 0 : values.getFirst().length;
        this.describe = describe;
        draw();
    }

    void setOnPick(IntConsumer onPick) {
        this.onPick = onPick;
    }

    /** The bucket under an x position, or -1. */
    int bucketAt(double x) {
        double w = canvas.getWidth();
        if (buckets == 0 || w <= 0 || x < 0 || x >= w) return -1;
        return (int) Math.min(buckets - 1, x / w * buckets);
    }

    private void hover(MouseEvent e) {
        int i = bucketAt(e.getX());
        tip.setText(i < 0 ? "" : describe.apply(i));
    }

    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    private void draw() {
        var g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < 4 || h < 4 || buckets == 0) return;
        g.setFill(StyleProbes.fill(axis));
        g.fillRect(0, h - 1, w, 1);
        double bw = w / buckets;
        if (bars != null) {
            double max = 1;
            for (int i = 0; i < buckets; i++) {
                int sum = 0;
                for (int[] s : bars) sum += s[i];
                max = Math.max(max, sum);
            }
            for (int i = 0; i < buckets; i++) {
                double y = h - 1;
                for (int k = 0; k < bars.length; k++) {
                    if (bars[k][i] == 0) continue;
                    double bh = Math.max(2, (h - 3) * bars[k][i] / max);
                    g.setFill(StyleProbes.fill(series.get(k)));
                    g.fillRect(i * bw, y - bh, Math.max(1, bw - (bw > 3 ? 1 : 0)), bh);
                    y -= bh;
                }
            }
        } else if (lines != null) {
            double max = 1;
            for (double[] s : lines) for (double v : s) max = Math.max(max, v);
            g.setLineWidth(2);
            for (int k = 0; k < lines.size(); k++) {
                double[] s = lines.get(k);
                g.setStroke(StyleProbes.fill(series.get(Math.min(k, series.size() - 1))));
                g.beginPath();
                for (int i = 0; i < s.length; i++) {
                    double x = (i + 0.5) * bw;
                    double y = h - 2 - (h - 4) * s[i] / max;
                    if (i == 0) g.moveTo(x, y);
                    else g.lineTo(x, y);
                }
                g.stroke();
            }
        }
    }
}
