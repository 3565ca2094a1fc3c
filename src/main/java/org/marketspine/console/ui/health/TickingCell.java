package org.marketspine.console.ui.health;

import java.time.Instant;
import java.util.function.BiFunction;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import org.marketspine.console.model.Execution;

/**
 * A runs-table cell whose text depends on the board's clock ("12 s ago", "running 40 s"). A table
 * re-renders a cell only when its row's item changes, so without this a quiet feed would leave
 * "12 s ago" standing for minutes; here every visible cell re-reads the same once-a-second tick
 * the rest of the board reads.
 */
final class TickingCell extends TableCell<Execution, Execution> {
    private final ObservableValue<Instant> clock;
    private final BiFunction<Execution, Instant, String> text;
    private final BiFunction<Execution, String, String> tip;
    private final Tooltip tooltip = new Tooltip();
    /** Held by the cell: the weak listener below lives as long as the cell does, and a dropped cell is not kept by the clock. */
    private final ChangeListener<Instant> onTick = (o, a, now) -> render(now);

    /** {@code tip} gets the run and the text shown, and gives the tooltip's whole text (which must contain what is shown). */
    TickingCell(ObservableValue<Instant> clock, BiFunction<Execution, Instant, String> text, BiFunction<Execution, String, String> tip) {
        this.clock = clock;
        this.text = text;
        this.tip = tip;
        clock.addListener(new WeakChangeListener<>(onTick));
    }

    @Override
    protected void updateItem(Execution x, boolean empty) {
        super.updateItem(x, empty);
        render(clock.getValue());
    }

    private void render(Instant now) {
        Execution x = isEmpty() ? null : getItem();
        if (x == null || now == null) {
            setText(null);
            setTooltip(null);
            return;
        }
        String shown = text.apply(x, now);
        setText(shown);
        tooltip.setText(tip.apply(x, shown));
        if (getTooltip() != tooltip) setTooltip(tooltip);
    }
}
