package org.marketspine.console.ui.readiness;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.marketspine.console.model.GridCell;
import org.marketspine.console.model.ReadinessGrid;
import org.marketspine.console.protocol.Severity;
import org.marketspine.console.ui.Styles;
import org.marketspine.console.ui.Times;

/**
 * One cell of the grid: the status badge in words (never colour alone), symbols and
 * completeness, open anomalies by severity, and REVISED / STALE / CHANGED marks.
 */
public final class GridCellView extends TableCell<ReadinessGrid.Row, GridCell> {
    private final ReadinessViewModel vm;
    private final Label badge = new Label();
    private final Label counts = new Label();
    private final Label anomalies = new Label();
    private final Label marks = new Label();
    private final VBox box = new VBox(2, badge, counts, new HBox(6, anomalies, marks));
    private final Tooltip tip = new Tooltip();

    GridCellView(ReadinessViewModel vm) {
        this.vm = vm;
        box.getStyleClass().add("grid-cell");
        badge.getStyleClass().add("status-badge");
        counts.getStyleClass().add("cell-counts");
        anomalies.getStyleClass().add("cell-anomalies");
        marks.getStyleClass().add("cell-marks");
        tip.setShowDelay(javafx.util.Duration.millis(250));
    }

    @Override
    protected void updateItem(GridCell c, boolean empty) {
        super.updateItem(c, empty);
        setText(null);
        if (empty || c == null) {
            setGraphic(empty ? null : notAvailable());
            setTooltip(null);
            return;
        }
        badge.setText(c.badge());
        Styles.switchClass(badge, "badge-" + c.status().name().toLowerCase(), "badge-certified", "badge-preliminary",
                "badge-blocked", "badge-missing");
        counts.setText(String.format("%,d · %.1f%%", c.symbols(), c.completeness() * 100));
        anomalies.setText(anomalyText(c.openBySeverity()));
        anomalies.setVisible(c.openAnomalies() > 0);
        StringBuilder m = new StringBuilder();
        if (vm.changed(c)) m.append("CHANGED ");
        if (c.stale()) m.append("STALE ");
        else if (c.revised()) m.append("REVISED ");
        marks.setText(m.toString().trim());
        marks.setVisible(m.length() > 0);
        Styles.switchClass(box, c.safeToUse() ? "cell-safe" : null, "cell-safe");
        setGraphic(box);
        setId(idOf(c));
        tip.setText(c.badge() + " — " + c.reason() + (c.by().isEmpty() ? "" : "\nby " + c.by())
                + (c.changedAt() == null ? "" : " at " + Times.absolute(c.changedAt()))
                + (c.stale() ? "\nSTALE: an input was revised after this was computed (" + Times.absolute(c.computedAt()) + ")" : "")
                + (vm.changed(c) ? "\nCHANGED since you last looked: open it to see the revision" : "")
                + "\ncapture " + c.captureId());
        setTooltip(tip);
    }

    /** A CSS-safe id for a cell, e.g. {@code cell-finra_otc_transparency_normalized-OTC-2026-10-16}. */
    public static String idOf(GridCell c) {
        return ("cell-" + c.key().dataset() + "-" + c.key().tier() + "-" + c.key().weekEnding()).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private Label notAvailable() {
        Label l = new Label("NOT AVAILABLE");
        l.getStyleClass().addAll("status-badge", "badge-missing");
        return l;
    }

    static String anomalyText(int[] bySeverity) {
        StringBuilder b = new StringBuilder();
        Severity[] all = Severity.values();
        for (int i = 0; i < all.length; i++) {
            if (bySeverity[i] > 0) b.append(b.isEmpty() ? "⚠ " : " · ").append(bySeverity[i]).append(' ').append(all[i].name().toLowerCase());
        }
        return b.toString();
    }
}
