package org.marketspine.console.ui.health;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marketspine.console.model.HealthLevel;
import org.marketspine.console.model.ScheduleOutlook;
import org.marketspine.console.ui.Icons;
import org.marketspine.console.ui.Styles;
import org.marketspine.console.ui.TimeLabel;
import org.marketspine.console.ui.Wrap;

/** The schedule card's rows: the next expected runs and the overdue ones, or — never a blank card — why there are none. */
final class ScheduleRows extends VBox {
    private final HealthViewModel vm;
    /** What the card shows with no row: its words follow the feed (waiting, none declared). */
    private final HBox empty;

    ScheduleRows(HealthViewModel vm) {
        super(2);
        this.vm = vm;
        this.empty = empty();
        setId("schedule");
        vm.schedule().addListener((ListChangeListener<ScheduleOutlook.Entry>) c -> render());
        render();
    }

    private void render() {
        getChildren().clear();
        if (vm.schedule().isEmpty()) getChildren().add(empty);
        for (ScheduleOutlook.Entry e : vm.schedule()) {
            TimeLabel when = new TimeLabel();
            when.show(e.expectedAt(), vm.now());
            Label what = Wrap.decision(new Label((e.overdue() ? "OVERDUE · " : "") + e.tier()
                    + " · week ending " + e.weekEnding()));
            Label pipeline = Wrap.decision(new Label(e.pipeline()));
            pipeline.getStyleClass().add(Styles.MUTED);
            when.setText("due " + when.getText());
            when.setMinWidth(Region.USE_PREF_SIZE);
            FlowPane head = new FlowPane(8, 0, what, when);
            // A flow is at least as wide as its widest child's one-line width: let the row narrow it, and hold the
            // label to it so that a long one wraps (at 1280×720 "OVERDUE · NMS_TIER_1 · week ending 2026-11-06" ran
            // off the card, cut mid-date).
            head.setMinWidth(0);
            what.maxWidthProperty().bind(head.widthProperty());
            VBox text = new VBox(1, head, pipeline);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            HBox row = new HBox(Icons.of(e.overdue() ? Icons.health(HealthLevel.RED) : Icons.SCHEDULE), text);
            row.getStyleClass().add("schedule-row");
            if (e.overdue()) row.getStyleClass().add("overdue");
            getChildren().add(row);
        }
    }

    private HBox empty() {
        Label text = Wrap.decision(new Label());
        text.setId("schedule-empty");
        text.textProperty().bind(vm.noScheduleTextProperty());
        HBox box = new HBox(Icons.of(Icons.SCHEDULE), text);
        box.getStyleClass().add("schedule-empty");
        return box;
    }
}
