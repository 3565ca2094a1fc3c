package org.marketspine.console.ui.readiness;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.marketspine.console.model.GridCell;
import org.marketspine.console.model.ReadinessGrid;
import org.marketspine.console.protocol.Severity;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.ui.Times;

/**
 * One cell of the grid: the status badge in words (never colour alone), symbols and
 * completeness, open anomalies by severity, and REVISED / STALE / CHANGED marks.
 */
public final class GridCellView extends TableCell<ReadinessGrid.Row, GridCell> {
    private final ReadinessViewModel vm;
    private final Label badge = new Label();
    private final Label counts = new Label();
    private final Label extra = new Label();
    private final VBox box = new VBox(2, badge, counts, extra);
    private final Tooltip tip = new Tooltip();
    // Pseudo-classes, not style classes: a reused cell changing state costs a CSS transition, not a re-match.
    private static final javafx.css.PseudoClass[] STATUS = {javafx.css.PseudoClass.getPseudoClass("certified"),
            javafx.css.PseudoClass.getPseudoClass("preliminary"), javafx.css.PseudoClass.getPseudoClass("blocked"),
            javafx.css.PseudoClass.getPseudoClass("missing")};
    private static final javafx.css.PseudoClass SAFE = javafx.css.PseudoClass.getPseudoClass("safe");

    GridCellView(ReadinessViewModel vm) {
        this.vm = vm;
        box.getStyleClass().add("grid-cell");
        badge.getStyleClass().addAll("status-badge", "grid-badge");
        counts.getStyleClass().add("cell-counts");
        extra.getStyleClass().add("cell-marks");
        tip.setShowDelay(javafx.util.Duration.millis(250));
    }

    @Override
    protected void updateItem(GridCell c, boolean empty) {
        super.updateItem(c, empty);
        setText(null);
        if (empty || c == null) {
            setGraphic(empty ? null : notAvailable);
            setTooltip(null);
            return;
        }
        badge.setText(c.badge());
        for (int i = 0; i < STATUS.length; i++) badge.pseudoClassStateChanged(STATUS[i], i == c.status().ordinal());
        counts.setText(String.format("%,d · %.1f%%", c.symbols(), c.completeness() * 100));
        boolean changed = vm.changed(c);
        StringBuilder m = new StringBuilder();
        if (changed) m.append("CHANGED ");
        if (c.stale()) m.append("STALE ");
        else if (c.revised()) m.append("REVISED ");
        String anomalyText = anomalyText(c.openBySeverity());
        if (!anomalyText.isEmpty()) m.append(anomalyText);
        extra.setText(m.toString().trim());
        box.pseudoClassStateChanged(SAFE, c.safeToUse());
        setGraphic(box);
        tip.setText(c.badge() + " — " + c.reason() + (c.by().isEmpty() ? "" : "\nby " + c.by())
                + (c.changedAt() == null ? "" : " at " + Times.absolute(c.changedAt()))
                + (c.stale() ? "\nSTALE: an input was revised after this was computed (" + Times.absolute(c.computedAt()) + ")" : "")
                + (changed ? "\nCHANGED since you last looked: open it to see the revision" : "")
                + "\ncapture " + c.captureId());
        setTooltip(tip);
    }

    private final Label notAvailable = notAvailable();

    private static Label notAvailable() {
        Label l = new Label("NOT AVAILABLE");
        l.getStyleClass().addAll("status-badge", "grid-badge");
        l.pseudoClassStateChanged(STATUS[ReadinessStatus.MISSING.ordinal()], true);
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
