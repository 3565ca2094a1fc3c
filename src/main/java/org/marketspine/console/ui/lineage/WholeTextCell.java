package org.marketspine.console.ui.lineage;

import java.util.function.Function;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A table cell that carries its whole text in a tooltip (or what {@code tipOf} says of its row: the
 * time with its zone), so that a narrower column's "…" never hides what an auditor must quote.
 */
final class WholeTextCell<S> extends TableCell<S, String> {
    private final Tooltip tip = new Tooltip();
    private final Function<S, String> tipOf;

    /** The tooltip is the cell's own text. */
    WholeTextCell() {
        this(null);
    }

    /** @param tipOf the tooltip for a row, or null for the cell's own text */
    WholeTextCell(Function<S, String> tipOf) {
        this.tipOf = tipOf;
        tip.setWrapText(true);
        // Wrapped at the table's width: a long reason on one line ran thousands of pixels off the screen.
        tableViewProperty().addListener((o, was, table) -> {
            tip.maxWidthProperty().unbind();
            if (table != null) tip.maxWidthProperty().bind(table.widthProperty());
        });
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        setText(empty ? null : text);
        S row = empty || tipOf == null || getTableRow() == null ? null : getTableRow().getItem();
        String full = row != null ? tipOf.apply(row) : text;
        tip.setText(full == null ? "" : full);
        setTooltip(empty || full == null || full.isEmpty() ? null : tip);
    }
}
