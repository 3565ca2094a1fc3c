package org.marketspine.console.ui.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.util.Duration;
import org.marketspine.console.model.GridCell;
import org.marketspine.console.model.ReadinessGrid;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.ui.CanvasPane;
import org.marketspine.console.ui.TextMeasure;

/**
 * The readiness grid, drawn. Ten years of weeks × nine datasets as nodes cost the software
 * renderer ~80 ms a frame to scroll; drawing only the visible cells on one canvas costs one
 * frame. The week column stays put while the datasets scroll sideways. Keyboard: arrows, Page
 * Up/Down, Home/End move (Shift extends the selection), Enter opens, Ctrl+C copies.
 */
public final class GridCanvas extends CanvasPane {
    static final double ROW = 66;
    static final double HEADER = 46;
    static final double WEEK = 104;
    static final double MIN_COLUMN = 126;

    private final ReadinessViewModel vm;
    private final GridPalette palette = new GridPalette();
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private final Label placeholder = new Label();
    private final Tooltip tip = new Tooltip();
    private final TextMeasure measure = new TextMeasure();
    private List<ReadinessGrid.Row> rows = List.of();
    private List<ReadinessGrid.Column> columns = List.of();
    private double columnWidth = MIN_COLUMN;
    private final GridSelection selection = new GridSelection();
    private Consumer<GridCell> onOpen = c -> { };

    GridCanvas(ReadinessViewModel vm) {
        this.vm = vm;
        getStyleClass().add("grid-canvas");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.TEXT);
        setAccessibleRoleDescription("readiness grid");
        vbar.setOrientation(Orientation.VERTICAL);
        placeholder.getStyleClass().add("empty-state");
        placeholder.setId("grid-empty");
        placeholder.setManaged(false);
        tip.setShowDelay(Duration.millis(250));
        Tooltip.install(canvas, tip);
        getChildren().addAll(palette.group(), canvas, vbar, hbar, placeholder);
        vbar.valueProperty().addListener((o, a, b) -> redraw());
        hbar.valueProperty().addListener((o, a, b) -> redraw());
        focusedProperty().addListener((o, a, b) -> redraw());
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseMoved(this::hovered);
        canvas.setOnScroll(e -> {
            vbar.setValue(Math.clamp(vbar.getValue() - e.getDeltaY(), vbar.getMin(), vbar.getMax()));
            hbar.setValue(Math.clamp(hbar.getValue() - e.getDeltaX(), hbar.getMin(), hbar.getMax()));
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    /** Called with the cell the user moved to or opened (click, arrows, Enter). */
    void setOnOpen(Consumer<GridCell> onOpen) {
        this.onOpen = onOpen;
    }

    /** New rows or columns (with what to say when there are no columns): keeps the focused week and dataset where they still exist. */
    void show(List<ReadinessGrid.Row> rows, List<ReadinessGrid.Column> columns, String noColumns) {
        GridCell focused = focusedCell();
        this.rows = List.copyOf(rows);
        this.columns = List.copyOf(columns);
        selection.clear();
        if (focused != null) {
            for (int r = 0; r < this.rows.size() && selection.isEmpty(); r++) {
                if (!this.rows.get(r).week().equals(focused.key().weekEnding())) continue;
                for (int c = 0; c < this.columns.size(); c++) {
                    if (this.columns.get(c).dataset().equals(focused.key().dataset()) && this.columns.get(c).tier().equals(focused.key().tier())) {
                        selection.moveTo(r, c, false);
                    }
                }
            }
        }
        placeholder.setText(columns.isEmpty() ? noColumns : "No weeks match these filters.");
        placeholder.setVisible(this.rows.isEmpty());
        redraw();
        requestLayout();
    }

    /** Something drawn changed (a cell was opened, so its CHANGED mark goes). */
    void redraw() {
        repaint();
    }

    @Override
    protected void layoutChildren() {
        // Measured before the bars change: a cell the user had in view stays in view when the grid narrows (the detail
        // opening); one they had scrolled away from is left where it is.
        boolean keepFocus = !selection.isEmpty() && selection.focusRow() < rows.size() && selection.focusCol() < columns.size()
                && view().shows(selection.focusRow(), selection.focusCol());
        double w = getWidth();
        double h = getHeight();
        double vw = vbar.prefWidth(-1);
        double hh = hbar.prefHeight(-1);
        double available = w - vw - WEEK;
        columnWidth = columns.isEmpty() ? MIN_COLUMN : Math.max(MIN_COLUMN, Math.floor(available / columns.size()));
        double contentWidth = WEEK + columns.size() * columnWidth;
        boolean sideways = contentWidth > w - vw;
        hbar.setVisible(sideways);
        double viewH = Math.max(0, h - (sideways ? hh : 0));
        double viewW = Math.max(0, w - vw);
        double body = Math.max(0, viewH - HEADER);
        setBar(vbar, rows.size() * ROW, body, ROW / 2);
        setBar(hbar, contentWidth - WEEK, viewW - WEEK, columnWidth / 4);
        vbar.resizeRelocate(viewW, 0, vw, viewH);
        hbar.resizeRelocate(0, viewH, viewW, hh);
        if (sizeCanvas(viewW, viewH) && keepFocus) reveal(selection.focusRow(), selection.focusCol());
        placeholder.autosize();
        placeholder.relocate(Math.round((viewW - placeholder.getWidth()) / 2), HEADER + 40);
        paintIfAsked();
    }

    private static void setBar(ScrollBar bar, double content, double view, double unit) {
        double max = Math.max(0, content - view);
        bar.setMin(0);
        bar.setMax(max);
        bar.setVisibleAmount(max == 0 ? 1 : view / content * max);
        bar.setUnitIncrement(unit);
        bar.setBlockIncrement(Math.max(unit, view - unit));
        if (bar.getValue() > max) bar.setValue(max);
        bar.setDisable(max == 0);
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        g.clearRect(0, 0, w, h);
        g.setTextBaseline(VPos.TOP);
        g.setFill(palette.row());
        g.fillRect(0, 0, w, h);
        double y0 = Math.round(vbar.getValue());
        double x0 = Math.round(hbar.getValue());
        int first = (int) (y0 / ROW);
        int last = Math.min(rows.size() - 1, (int) ((y0 + h - HEADER) / ROW));
        for (int r = first; r <= last; r++) {
            double top = HEADER + r * ROW - y0;
            if (r % 2 == 1) {
                g.setFill(palette.altRow());
                g.fillRect(0, top, w, ROW);
            }
            List<GridCell> cells = vm.visibleCells(rows.get(r));
            for (int c = 0; c < columns.size(); c++) {
                double left = WEEK + c * columnWidth - x0;
                if (left + columnWidth < WEEK || left > w) continue;
                drawCell(g, cells.get(c), left, top, selection.contains(r, c), selection.isFocus(r, c) && isFocused());
            }
            g.setFill(r % 2 == 1 ? palette.altRow() : palette.row());
            g.fillRect(0, top, WEEK - 1, ROW);
            g.setFill(palette.weekText());
            g.setFont(palette.weekFont());
            g.fillText(rows.get(r).week().toString(), 12, top + 8);
            g.setFill(palette.line());
            g.fillRect(0, top + ROW - 1, w, 1);
        }
        g.setFill(palette.line());
        for (int c = 0; c < columns.size(); c++) {
            double right = WEEK + (c + 1) * columnWidth - x0 - 1;
            if (right > WEEK && right < w) g.fillRect(right, HEADER, 1, h - HEADER);
        }
        drawHeader(g, w, x0);
    }

    private void drawHeader(GraphicsContext g, double w, double x0) {
        g.setFill(palette.header());
        g.fillRect(0, 0, w, HEADER);
        for (int c = 0; c < columns.size(); c++) {
            double left = WEEK + c * columnWidth - x0;
            if (left + columnWidth < WEEK || left > w) continue;
            headerText(g, columns.get(c).tier(), ReadinessView.columnName(columns.get(c)), left + 10);
        }
        g.setFill(palette.header());
        g.fillRect(0, 0, WEEK, HEADER);
        headerText(g, "Week", "ending", 12); // in one line, "Week ending" ran past the column's 104 px
        g.setFill(palette.line());
        g.fillRect(0, HEADER - 1, w, 1);
        g.fillRect(WEEK - 1, 0, 1, canvas.getHeight());
    }

    /** A header's two lines: the tier (or "Week") in bold, what it holds muted under it. */
    private void headerText(GraphicsContext g, String first, String second, double x) {
        g.setFill(palette.tierText());
        g.setFont(palette.tierFont());
        fit(g, first, x, 6, palette.tierFont());
        g.setFill(palette.datasetText());
        g.setFont(palette.datasetFont());
        fit(g, second, x, 25, palette.datasetFont());
    }

    private void drawCell(GraphicsContext g, GridCell cell, double x, double y, boolean selected, boolean focused) {
        if (selected) {
            g.setFill(palette.selection());
            g.fillRect(x, y, columnWidth, ROW - 1);
        }
        ReadinessStatus status = cell == null ? ReadinessStatus.MISSING : cell.status();
        List<String> lines = CellText.lines(cell, cell != null && vm.changed(cell));
        Font badgeFont = palette.badgeFont();
        double bw = measure.width(lines.get(0), badgeFont) + 12;
        g.setFill(palette.badgeFill(status));
        g.fillRect(x + 8, y + 6, bw, 18);
        Paint edge = palette.badgeEdge(status);
        if (edge != null) {
            g.setFill(edge);
            g.fillRect(x + 8, y + 6, palette.badgeEdgeWidth(status), 18);
        }
        g.setFill(palette.badgeText(status));
        g.setFont(badgeFont);
        g.fillText(lines.get(0), x + 14, y + 8);
        if (lines.size() > 1) {
            g.setFill(palette.countsText());
            g.setFont(palette.countsFont());
            fit(g, lines.get(1), x + 8, y + 28, palette.countsFont());
        }
        drawMarks(g, CellMarks.of(cell, cell != null && vm.changed(cell)), x + 8, y + 46);
        if (focused) {
            g.setStroke(palette.focus());
            g.setLineWidth(2);
            g.strokeRect(x + 1, y + 1, columnWidth - 3, ROW - 3);
        }
    }

    /** Each mark in its own look, side by side; squeezed alike when together they would not fit the column. */
    private void drawMarks(GraphicsContext g, List<CellMarks.Mark> marks, double x, double y) {
        if (marks.isEmpty()) return;
        double gap = measure.width(" ", palette.markFont(CellMarks.Kind.CHANGED));
        double[] widths = new double[marks.size()];
        double total = gap * (marks.size() - 1);
        for (int i = 0; i < marks.size(); i++) {
            widths[i] = measure.width(marks.get(i).text(), palette.markFont(marks.get(i).kind()));
            total += widths[i];
        }
        double scale = Math.min(1, (columnWidth - 14) / total);
        for (int i = 0; i < marks.size(); i++) {
            CellMarks.Mark m = marks.get(i);
            g.setFill(palette.markText(m.kind()));
            g.setFont(palette.markFont(m.kind()));
            if (scale < 1) g.fillText(m.text(), x, y, widths[i] * scale);
            else g.fillText(m.text(), x, y);
            x += (widths[i] + gap) * scale;
        }
    }

    /** Text squeezed into the column only when it would not fit: fillText with a max width costs a layout per call. */
    private void fit(GraphicsContext g, String text, double x, double y, Font font) {
        double room = columnWidth - 14;
        if (measure.width(text, font) <= room) g.fillText(text, x, y);
        else g.fillText(text, x, y, room);
    }

    /** The cells in the selected rectangle, row by row. */
    List<GridCell> selectedCells() {
        List<GridCell> out = new ArrayList<>();
        if (selection.isEmpty()) return out;
        for (int r = selection.top(); r <= selection.bottom(); r++) {
            List<GridCell> cells = vm.visibleCells(rows.get(r));
            for (int c = selection.left(); c <= selection.right(); c++) out.add(cells.get(c));
        }
        return out;
    }

    GridCell focusedCell() {
        int r = selection.focusRow();
        int c = selection.focusCol();
        if (r < 0 || r >= rows.size() || c < 0 || c >= columns.size()) return null;
        return vm.visibleCells(rows.get(r)).get(c);
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        e.consume(); // the TabPane around would take the focus back on the same press
        int[] at = cellAt(e.getX(), e.getY());
        if (at == null) return;
        moveTo(at[0], at[1], e.isShiftDown());
    }

    private void hovered(MouseEvent e) {
        int[] at = cellAt(e.getX(), e.getY());
        String text;
        if (at != null) {
            GridCell c = vm.visibleCells(rows.get(at[0])).get(at[1]);
            text = c == null ? CellText.notAvailable(columns.get(at[1]), rows.get(at[0]).week()) : CellText.tooltip(c, vm.changed(c));
        } else if (e.getY() < HEADER && e.getX() >= WEEK) {
            int c = view().columnAt(e.getX());
            text = c < columns.size() ? columns.get(c).dataset() + " · " + columns.get(c).tier() : null;
        } else {
            text = e.getY() >= HEADER && e.getX() < WEEK ? "Weeks end on Friday; newest first" : null;
        }
        tip.setText(text == null ? "" : text);
        if (text == null) tip.hide();
    }

    /** {row, column} under a point of the canvas, or null outside the cells. */
    private int[] cellAt(double x, double y) {
        return view().cellAt(x, y, rows.size(), columns.size());
    }

    /** The cells as the canvas shows them now: its size, column width and scroll. */
    private GridView view() {
        return new GridView(canvas.getWidth(), canvas.getHeight(), columnWidth, hbar.getValue(), vbar.getValue());
    }

    private void key(KeyEvent e) {
        if (rows.isEmpty() || columns.isEmpty()) return;
        if (e.getCode() == KeyCode.ENTER) {
            onOpen.accept(focusedCell());
            e.consume();
            return;
        }
        int page = Math.max(1, (int) ((canvas.getHeight() - HEADER) / ROW) - 1);
        int[] to = selection.target(e.getCode(), page, rows.size(), columns.size());
        if (to == null) return;
        moveTo(to[0], to[1], e.isShiftDown());
        e.consume();
    }

    private void moveTo(int r, int c, boolean extend) {
        selection.moveTo(r, c, extend);
        reveal(r, c);
        GridCell cell = focusedCell();
        setAccessibleText(cell == null ? rows.get(r).week() + ", " + columns.get(c).dataset() + " " + columns.get(c).tier()
                + ": not available" : rows.get(r).week() + ", " + cell.key().dataset() + " " + cell.key().tier() + ": "
                + String.join(", ", CellText.lines(cell, vm.changed(cell))));
        if (cell != null) onOpen.accept(cell);
        redraw();
    }

    private void reveal(int r, int c) {
        GridView now = view();
        vbar.setValue(now.scrollYFor(r, vbar.getMax()));
        hbar.setValue(now.scrollXFor(c, hbar.getMax()));
    }

    /** Scrolls the cell into view and returns its centre on screen (for tests and "jump to"). */
    public Point2D reveal(GridCell cell) {
        int[] at = find(cell);
        if (at == null) return null;
        reveal(at[0], at[1]);
        layout();
        double x = WEEK + at[1] * columnWidth - Math.round(hbar.getValue()) + columnWidth / 2;
        double y = HEADER + at[0] * ROW - Math.round(vbar.getValue()) + ROW / 2;
        return canvas.localToScreen(x, y);
    }

    /** Whether the whole cell is in view as the grid is scrolled now. */
    public boolean inView(GridCell cell) {
        int[] at = find(cell);
        return at != null && view().shows(at[0], at[1]);
    }

    /** {row, column} of the cell in the rows and columns shown, or null. */
    private int[] find(GridCell cell) {
        for (int r = 0; r < rows.size(); r++) {
            List<GridCell> cells = vm.visibleCells(rows.get(r));
            for (int c = 0; c < cells.size(); c++) {
                if (cells.get(c) != null && cells.get(c).key().equals(cell.key())) return new int[] {r, c};
            }
        }
        return null;
    }

    /** The lines this grid draws for a cell, as the user reads them. */
    public List<String> shownLines(GridCell cell) {
        return CellText.lines(cell, cell != null && vm.changed(cell));
    }

    /** The marks this grid draws under a cell's badge, each with the paint it is drawn in. */
    public List<Map.Entry<String, Paint>> shownMarks(GridCell cell) {
        return CellMarks.of(cell, cell != null && vm.changed(cell)).stream()
                .map(m -> Map.entry(m.text(), palette.markText(m.kind()))).toList();
    }

    public ScrollBar verticalBar() {
        return vbar;
    }
}
