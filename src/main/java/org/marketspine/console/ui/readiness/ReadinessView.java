package org.marketspine.console.ui.readiness;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marketspine.console.model.FinraCalendar;
import org.marketspine.console.model.GridCell;
import org.marketspine.console.model.ReadinessGrid;
import org.marketspine.console.model.ReadinessSummary;
import org.marketspine.console.ui.Styles;

/** The quant's workspace: is this week safe to use, what is the latest, what changed since I looked. */
public final class ReadinessView extends VBox {
    private final ReadinessViewModel vm;
    private final TableView<ReadinessGrid.Row> table = new TableView<>();
    private final HBox summaries = new HBox(12);

    public ReadinessView(ReadinessViewModel vm) {
        this.vm = vm;
        getStyleClass().add("readiness-view");
        setSpacing(12);
        setPadding(new javafx.geometry.Insets(14));
        summaries.setId("tier-summaries");
        table.setId("readiness-grid");
        table.setItems(vm.rows());
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        table.setFixedCellSize(66);
        Label none = new Label("No weeks match these filters.");
        none.getStyleClass().add("empty-state");
        table.setPlaceholder(none);
        table.getFocusModel().focusedCellProperty().addListener((o, a, pos) -> selectAt(pos));
        table.setOnKeyPressed(e -> {
            if (KeyCombination.keyCombination("Shortcut+C").match(e)) copySelection();
            if (e.getCode() == KeyCode.ENTER) selectAt(table.getFocusModel().getFocusedCell());
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        CellDetail detail = new CellDetail(vm);
        javafx.scene.control.ScrollPane detailScroll = new javafx.scene.control.ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.setMinWidth(400);
        SplitPane split = new SplitPane(table, detailScroll);
        split.setDividerPositions(0.75);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(summaries, filters(), split);
        vm.columnsProperty().addListener((o, a, cols) -> rebuildColumns(cols));
        vm.summaries().addListener((javafx.collections.ListChangeListener<ReadinessSummary>) c -> renderSummaries());
        vm.tierFilterProperty().addListener((o, a, b) -> rebuildColumns(vm.columnsProperty().get()));
        rebuildColumns(vm.columnsProperty().get());
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
        safe.setTooltip(new javafx.scene.control.Tooltip("Every shown dataset CERTIFIED, current (not stale), "
                + "≥ 98% of expected symbols, no open critical or high anomaly"));
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
        HBox bar = new HBox(10, tier, status, safe, new Label("Weeks"), from, new Label("–"), to, grow, symbols, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private void rebuildColumns(List<ReadinessGrid.Column> cols) {
        table.getColumns().clear();
        TableColumn<ReadinessGrid.Row, String> week = new TableColumn<>("Week");
        week.setCellValueFactory(r -> new javafx.beans.property.ReadOnlyStringWrapper(r.getValue().week().toString()));
        week.setPrefWidth(96);
        week.setSortable(false);
        table.getColumns().add(week);
        for (int i = 0; i < cols.size(); i++) {
            ReadinessGrid.Column c = cols.get(i);
            if (!vm.shows(c)) continue;
            int index = i;
            TableColumn<ReadinessGrid.Row, GridCell> col = new TableColumn<>();
            Label what = new Label(c.derived() ? ReadinessView.derivedName(c.dataset()) : "normalized");
            what.getStyleClass().add(Styles.MUTED);
            Label tierName = new Label(c.tier());
            tierName.getStyleClass().add("column-tier");
            VBox header = new VBox(0, tierName, what);
            header.setAlignment(Pos.CENTER_LEFT);
            col.setGraphic(header);
            col.setText(null);
            javafx.scene.control.Tooltip.install(header, new javafx.scene.control.Tooltip(c.dataset() + " · " + c.tier()));
            col.setCellValueFactory(r -> new javafx.beans.property.ReadOnlyObjectWrapper<>(r.getValue().cells().get(index)));
            col.setCellFactory(x -> new GridCellView(vm));
            col.setPrefWidth(c.derived() ? 128 : 136);
            col.setSortable(false);
            col.setUserData(c);
            table.getColumns().add(col);
        }
    }

    private void selectAt(TablePosition<ReadinessGrid.Row, ?> pos) {
        if (pos == null || pos.getRow() < 0 || pos.getTableColumn() == null) return;
        Object v = pos.getTableColumn().getCellData(pos.getRow());
        if (v instanceof GridCell cell) {
            vm.select(cell);
            table.refresh(); // the CHANGED mark of the opened cell goes away
        }
    }

    private void renderSummaries() {
        summaries.getChildren().clear();
        for (ReadinessSummary s : vm.summaries()) {
            Label tier = new Label(s.tier());
            tier.getStyleClass().add(Styles.CARD_TITLE);
            Label latest = new Label(s.latestWeek() == null ? "no data" : "latest " + s.latestWeek());
            Label status = new Label(s.latestStatus().name());
            status.getStyleClass().addAll("status-badge", "badge-" + s.latestStatus().name().toLowerCase());
            Label coverage = new Label(s.weeksAvailable() + " weeks · " + (s.gaps().isEmpty() ? "no gaps" : s.gaps().size() + " gaps"));
            coverage.getStyleClass().add(Styles.MUTED);
            if (!s.gaps().isEmpty()) coverage.setTooltip(new javafx.scene.control.Tooltip("Missing weeks: " + s.gaps()));
            VBox card = new VBox(4, tier, new HBox(8, latest, status), coverage);
            card.getStyleClass().addAll(Styles.CARD, "tier-summary");
            card.setId("summary-" + s.tier());
            summaries.getChildren().add(card);
        }
    }

    private void copySelection() {
        StringBuilder csv = new StringBuilder(CsvRows.HEADER).append('\n');
        for (TablePosition<?, ?> p : table.getSelectionModel().getSelectedCells()) {
            Object v = p.getTableColumn() == null ? null : p.getTableColumn().getCellData(p.getRow());
            if (v instanceof GridCell c) csv.append(CsvRows.line(c)).append('\n');
        }
        put(csv.toString());
    }

    private void copyRows() {
        StringBuilder csv = new StringBuilder(CsvRows.HEADER).append('\n');
        for (ReadinessGrid.Row row : vm.rows()) {
            for (GridCell c : vm.visibleCells(row)) if (c != null) csv.append(CsvRows.line(c)).append('\n');
        }
        put(csv.toString());
    }

    private static void put(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** "analytics.volume_avg_6w" reads "6-wk avg"; other datasets keep their last name part. */
    static String derivedName(String dataset) {
        String last = dataset.substring(dataset.lastIndexOf('.') + 1);
        return switch (last) {
            case "volume_avg_6w" -> "6-wk avg";
            case "volume_wow_change" -> "WoW change";
            default -> last.replace('_', ' ');
        };
    }

    public TableView<ReadinessGrid.Row> table() {
        return table;
    }
}
