package org.marketspine.console.ui.readiness;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marketspine.console.model.FinraCalendar;
import org.marketspine.console.model.GridCell;
import org.marketspine.console.model.LatestSafe;
import org.marketspine.console.model.ReadinessGrid;
import org.marketspine.console.model.ReadinessSummary;
import org.marketspine.console.ui.Styles;

/** The quant's workspace: is this week safe to use, what is the latest, what changed since I looked. */
public final class ReadinessView extends VBox {
    private final ReadinessViewModel vm;
    private final GridCanvas grid;
    private final HBox summaries = new HBox(12);

    public ReadinessView(ReadinessViewModel vm) {
        this.vm = vm;
        this.grid = new GridCanvas(vm);
        getStyleClass().add("readiness-view");
        setSpacing(12);
        setPadding(new Insets(14));
        summaries.setId("tier-summaries");
        grid.setId("readiness-grid");
        grid.setOnOpen(this::open);
        grid.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (KeyCombination.keyCombination("Shortcut+C").match(e)) copySelection();
        });
        // Esc closes the detail from the grid or from inside the detail (after Copy, say); an open
        // drop-down or date picker takes its own Esc first.
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && vm.selectedProperty().get() != null) {
                vm.select(null);
                grid.requestFocus();
                e.consume();
            }
        });
        VBox.setVgrow(grid, Priority.ALWAYS);
        CellDetail detail = new CellDetail(vm);
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setId("readiness-detail");
        detailScroll.setFitToWidth(true);
        detailScroll.setMinWidth(360);
        detailScroll.setPrefWidth(440);
        // Not a SplitPane: its clip sends every scrolled frame of the grid through the software
        // renderer's slow masked path (≈20 ms a frame at 1800×1000). A plain divider costs nothing.
        Region divider = divider(detailScroll);
        HBox body = new HBox(grid, divider, detailScroll);
        // Until a week is selected the grid has the whole width (at 1280×720 a panel holding only
        // a hint hid the WoW columns); the hint is a line above the grid instead. Esc closes the panel.
        for (Region r : List.of(detailScroll, divider)) {
            r.visibleProperty().bind(vm.selectedProperty().isNotNull());
            r.managedProperty().bind(r.visibleProperty());
        }
        // Always one line (the grid does not jump when a week is selected): what to do next, either way.
        Label hint = new Label();
        hint.textProperty().bind(Bindings.when(vm.selectedProperty().isNull())
                .then("Select a week for its capture, certification, anomalies, inputs and revisions · arrow keys move · "
                        + "Ctrl+C copies the selected cells as CSV")
                .otherwise("Esc closes the detail · arrow keys move · Shift+arrows select a range · Ctrl+C copies the selected cells as CSV"));
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.setId("readiness-hint");
        hint.getStyleClass().addAll(Styles.MUTED, "readiness-hint");
        HBox.setHgrow(grid, Priority.ALWAYS);
        VBox.setVgrow(body, Priority.ALWAYS);
        // At 1280×720 the grid gives up height, not the cards or the filters: their text must stay whole.
        summaries.setMinHeight(Region.USE_PREF_SIZE);
        HBox filters = filters();
        filters.setMinHeight(Region.USE_PREF_SIZE);
        body.setMinHeight(0);
        getChildren().addAll(summaries, filters, hint, body);
        vm.columnsProperty().addListener((o, a, cols) -> refill());
        vm.rows().addListener((ListChangeListener<ReadinessGrid.Row>) c -> refill());
        vm.tierFilterProperty().addListener((o, a, b) -> refill());
        vm.selectedProperty().addListener((o, a, b) -> grid.redraw());
        vm.seenRevisionProperty().addListener((o, a, b) -> grid.redraw());
        vm.summaries().addListener((ListChangeListener<ReadinessSummary>) c -> renderSummaries());
        vm.currentProperty().addListener((o, a, b) -> renderSummaries());
        vm.latestSafe().addListener((ListChangeListener<LatestSafe>) c -> renderSummaries());
        refill();
        renderSummaries();
    }

    private HBox filters() {
        ComboBox<String> tier = new ComboBox<>(FXCollections.observableArrayList());
        tier.getItems().add("All tiers");
        tier.getItems().addAll(FinraCalendar.TIERS);
        tier.valueProperty().bindBidirectional(vm.tierFilterProperty());
        tier.setId("filter-tier");
        ComboBox<String> status = new ComboBox<>(FXCollections.observableArrayList(ReadinessViewModel.STATUSES));
        status.valueProperty().bindBidirectional(vm.statusFilterProperty());
        status.setId("filter-status");
        CheckBox safe = new CheckBox("Only weeks safe to use");
        safe.selectedProperty().bindBidirectional(vm.safeOnlyProperty());
        safe.setId("filter-safe");
        safe.setTooltip(new Tooltip("Every shown dataset CERTIFIED, current (not stale), "
                + "≥ 98% of expected symbols (where the feed gives an expected count), no open critical or high anomaly"));
        DatePicker from = new DatePicker();
        from.valueProperty().bindBidirectional(vm.fromProperty());
        from.setPromptText("from week");
        from.setPrefWidth(130);
        DatePicker to = new DatePicker();
        to.valueProperty().bindBidirectional(vm.toProperty());
        to.setPromptText("to week");
        to.setPrefWidth(130);
        Button copy = new Button("Copy rows as CSV");
        copy.setId("copy-csv");
        copy.setOnAction(e -> copyRows());
        Button symbols = new Button("Check symbols…");
        symbols.setId("check-symbols");
        symbols.setOnAction(e -> new SymbolCheckDialog(vm).showAndWait());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(10, tier, status, safe, hiddenCount(), new Label("Weeks"), from, new Label("–"), to, grow, symbols, copy);
        for (var n : bar.getChildren()) if (n instanceof Region r && r != grow) r.setMinWidth(Region.USE_PREF_SIZE);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** How many weeks "only weeks safe to use" hides right now: a filter never hides weeks silently. */
    private Label hiddenCount() {
        Label hidden = new Label();
        hidden.setId("safe-hidden");
        hidden.getStyleClass().add("filter-count");
        hidden.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = vm.hiddenUnsafeProperty().get();
            return n == 1 ? "1 week hidden" : n + " weeks hidden";
        }, vm.hiddenUnsafeProperty()));
        hidden.visibleProperty().bind(vm.safeOnlyProperty());
        hidden.managedProperty().bind(hidden.visibleProperty());
        hidden.setTooltip(new Tooltip("Weeks within the other filters that are not safe to use; "
                + "clear \"Only weeks safe to use\" to see them"));
        return hidden;
    }

    /** A handle that resizes the detail panel; the grid takes what is left. */
    private static Region divider(Region detail) {
        Region handle = new Region();
        handle.getStyleClass().add("panel-divider");
        handle.setCursor(Cursor.H_RESIZE);
        double[] start = new double[2];
        handle.setOnMousePressed(e -> {
            start[0] = e.getScreenX();
            start[1] = detail.getWidth();
        });
        handle.setOnMouseDragged(e -> detail.setPrefWidth(Math.max(detail.getMinWidth(),
                Math.min(900, start[1] - (e.getScreenX() - start[0])))));
        return handle;
    }

    private void refill() {
        grid.show(vm.rows(), vm.columnsProperty().get().stream().filter(vm::shows).toList(), vm.noReadinessText());
    }

    /** The cell the user moved to or opened: the detail shows it, and its CHANGED mark goes. */
    private void open(GridCell cell) {
        if (cell != null) vm.select(cell);
    }

    private void renderSummaries() {
        summaries.getChildren().clear();
        for (ReadinessSummary s : vm.summaries()) {
            LatestSafe latest = vm.latestSafe().stream().filter(l -> l.tier().equals(s.tier())).findFirst().orElse(null);
            VBox card = TierCard.of(s, latest, vm.currentProperty().get());
            HBox.setHgrow(card, Priority.ALWAYS);
            summaries.getChildren().add(card);
        }
    }

    private void copySelection() {
        StringBuilder csv = new StringBuilder(CsvRows.HEADER).append('\n');
        for (GridCell c : grid.selectedCells()) if (c != null) csv.append(CsvRows.line(c)).append('\n');
        put(csv.toString());
    }

    private void copyRows() {
        StringBuilder csv = new StringBuilder(CsvRows.HEADER).append('\n');
        for (ReadinessGrid.Row row : vm.rows()) {
            for (GridCell c : vm.visibleCells(row)) if (c != null) csv.append(CsvRows.line(c)).append('\n');
        }
        put(csv.toString());
    }

    /** Puts the text on the system clipboard. */
    static void put(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** What a column holds, as its header and the tier cards name it: "normalized", "6-wk avg", "WoW change". */
    static String columnName(ReadinessGrid.Column c) {
        return c.derived() ? derivedName(c.dataset()) : "normalized";
    }

    /** "analytics.volume_avg_6w" reads "6-wk avg"; other datasets keep their last name part. */
    private static String derivedName(String dataset) {
        String last = dataset.substring(dataset.lastIndexOf('.') + 1);
        return switch (last) {
            case "volume_avg_6w" -> "6-wk avg";
            case "volume_wow_change" -> "WoW change";
            default -> last.replace('_', ' ');
        };
    }

    public GridCanvas grid() {
        return grid;
    }
}
