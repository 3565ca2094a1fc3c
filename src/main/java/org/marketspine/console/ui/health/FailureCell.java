package org.marketspine.console.ui.health;

import java.time.Instant;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.FailureItem;
import org.marketspine.console.ui.Icons;
import org.marketspine.console.ui.Styles;
import org.marketspine.console.ui.TimeLabel;
import org.marketspine.console.ui.Wrap;

/** One failure: what failed where, when (absolute on hover), why, whether it is transient, and how often. */
final class FailureCell extends ListCell<FailureItem> {
    private final Supplier<Instant> clock;
    private final Label badge = new Label();
    private final Label critical = new Label("CRITICAL");
    private final Label pin = new Label("", Icons.of(Icons.PIN));
    private final Label pipeline = new Label();
    private final Label partition = new Label();
    private final TimeLabel when = new TimeLabel();
    private final Label error = new Label();
    private final Label recurrence = new Label();
    /** Its own line, not a longer badge: at 1280×720 a wide badge squeezed the partition into a column of letters. */
    private final Label deadLetter = new Label("Dead-lettered: the platform will not retry it");
    private final VBox box;

    /** Held by the cell: the weak listener below lives as long as the cell does. */
    private final ChangeListener<Instant> onTick = (o, a, now) -> {
        if (when.time() != null) when.show(when.time(), now);
    };

    FailureCell(Supplier<Instant> clock, ObservableValue<Instant> ticks) {
        this.clock = clock;
        // Every visible cell re-reads the same clock each second: two failures of the same second never read "26 s" and "2 s".
        ticks.addListener(new WeakChangeListener<>(onTick));
        badge.getStyleClass().add(Styles.BADGE);
        critical.getStyleClass().addAll(Styles.BADGE, Styles.BADGE_CRITICAL);
        pin.setTooltip(new Tooltip("Pinned until acknowledged"));
        for (Label l : new Label[] {badge, critical, pin}) l.setMinWidth(Region.USE_PREF_SIZE);
        Wrap.decisions(partition, error, recurrence);
        pipeline.setMinWidth(0); // a pipeline id has no spaces to wrap at: it gets its own line, and a tooltip
        pipeline.setTooltip(new Tooltip());
        pipeline.getStyleClass().add("pipeline");
        partition.getStyleClass().add(Styles.MUTED);
        when.getStyleClass().add(Styles.MUTED);
        error.getStyleClass().add("error");
        recurrence.getStyleClass().add("recurrence");
        deadLetter.getStyleClass().add("dead-letter");
        Wrap.decisions(deadLetter);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        when.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, pin, critical, badge, partition, grow, when);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(partition, Priority.SOMETIMES);
        box = new VBox(top, pipeline, error, deadLetter, recurrence);
        box.getStyleClass().add("failure-cell");
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(FailureItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            setId(null); // a cell kept for reuse must not still answer to the run it showed before
            return;
        }
        Execution x = item.execution();
        pin.setVisible(item.pinned());
        pin.setManaged(item.pinned());
        critical.setVisible(item.critical());
        critical.setManaged(item.critical());
        badge.setText(x.error().classification().name());
        deadLetter.setVisible(x.error().retriesStopped());
        deadLetter.setManaged(x.error().retriesStopped());
        badge.getStyleClass().removeAll(Styles.BADGE_SYSTEMIC, Styles.BADGE_TRANSIENT, "badge-unknown");
        badge.getStyleClass().add(switch (x.error().classification()) {
            case TRANSIENT -> Styles.BADGE_TRANSIENT;
            case SYSTEMIC -> Styles.BADGE_SYSTEMIC;
            case UNKNOWN -> "badge-unknown";
        });
        pipeline.setText(x.pipeline());
        pipeline.getTooltip().setText(x.pipeline());
        partition.setText(x.tier() == null ? "" : x.tier() + " · " + x.params().get("week_ending"));
        when.show(x.endedAt(), clock.get());
        error.setText(x.error().type() + ": " + x.error().message());
        recurrence.setText(item.recurrence().describe() + (item.resolved() ? " · resolved: succeeded since" : ""));
        setGraphic(box);
        setText(null);
        setId("failure-" + x.executionId());
    }
}
