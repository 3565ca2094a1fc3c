package org.marketspine.console.ui.health;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.RunsList;
import org.marketspine.console.ui.Icons;
import org.marketspine.console.ui.Styles;
import org.marketspine.console.ui.Times;

/**
 * Where "N running — deploy with care" leads: running and queued runs, then recent history, per
 * pipeline and partition, with queue time, duration, trigger and who; cancel for operators.
 */
final class RunsView extends VBox {
    private final HealthViewModel vm;
    private final TableView<Execution> table = new TableView<>();
    private final TextField filter = new TextField();
    private final Button cancel = new Button("Cancel run…", Icons.of(Icons.PAUSE));
    private final Label cancelWhy = new Label();
    private final Label summary = new Label();

    RunsView(HealthViewModel vm) {
        super(8);
        this.vm = vm;
        getStyleClass().add("runs-view");
        setPadding(new javafx.geometry.Insets(12));
        filter.setId("runs-filter");
        filter.setPromptText("Filter: pipeline, tier, week, status, trigger, who…");
        HBox.setHgrow(filter, Priority.ALWAYS);
        summary.setId("runs-summary");
        cancel.setId("runs-cancel");
        cancelWhy.setId("runs-cancel-why");
        cancelWhy.getStyleClass().add(Styles.MUTED);
        cancelWhy.setWrapText(true);
        FilteredList<Execution> shown = new FilteredList<>(vm.runs());
        filter.textProperty().addListener((o, a, q) -> shown.setPredicate(x -> RunsList.matches(x, q)));
        table.setId("runs-table");
        table.setItems(shown);
        table.setPlaceholder(new Label("No runs recorded by this feed yet."));
        table.getColumns().setAll(java.util.List.of(
                column("Status", 110, x -> x.status().name().toLowerCase() + (x.attempt() > 1 ? " · attempt " + x.attempt() : "")),
                column("Pipeline", 300, Execution::pipeline),
                column("Partition", 170, x -> x.tier() == null ? String.valueOf(x.params()) : x.tier() + " · " + x.params().get("week_ending")),
                timeColumn(),
                column("Duration", 90, RunsView::duration),
                column("Trigger", 90, x -> x.trigger().name().toLowerCase()),
                column("Who", 170, Execution::triggeredBy),
                column("Execution", 150, Execution::executionId)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, x) -> refreshCancel());
        vm.runs().addListener((javafx.collections.ListChangeListener<Execution>) c -> {
            refreshSummary();
            refreshCancel();
        });
        cancel.setOnAction(e -> {
            Execution x = table.getSelectionModel().getSelectedItem();
            if (x == null || vm.cancelBlocked(x) != null) return;
            org.marketspine.console.ui.CommandConfirmation.ask("Cancel run", "Cancel " + x.executionId() + "?", x.pipeline() + " · "
                    + (x.tier() == null ? "" : x.tier() + " week " + x.params().get("week_ending") + " · ")
                    + x.status().name().toLowerCase() + ". The platform stops it; its partition stays as it was.",
                    "Cancel run", "confirm-cancel-run").ifPresent(reason -> vm.cancel(x, reason));
        });
        Label feedback = new Label();
        feedback.textProperty().bind(vm.boardFeedbackProperty());
        feedback.setWrapText(true);
        getChildren().addAll(new HBox(8, filter, summary), table, new HBox(8, cancel, cancelWhy), feedback);
        refreshSummary();
        refreshCancel();
    }

    private void refreshSummary() {
        long running = vm.runs().stream().filter(x -> x.status() == org.marketspine.console.model.ExecutionStatus.RUNNING).count();
        long queued = vm.runs().stream().filter(x -> x.status() == org.marketspine.console.model.ExecutionStatus.QUEUED).count();
        summary.setText(running + " running · " + queued + " queued · " + (vm.runs().size() - running - queued) + " recent");
    }

    private void refreshCancel() {
        String why = vm.cancelBlocked(table.getSelectionModel().getSelectedItem());
        cancel.setDisable(why != null);
        cancelWhy.setText(why == null ? "" : why);
    }

    private static String duration(Execution x) {
        if (x.startedAt() == null) return "—";
        java.time.Instant end = x.endedAt() != null ? x.endedAt() : null;
        if (end == null) return "running";
        String span = Times.span(java.time.Duration.between(x.startedAt(), end));
        return span == null ? "< 2 s" : span;
    }

    private static TableColumn<Execution, String> column(String title, double width, java.util.function.Function<Execution, String> value) {
        TableColumn<Execution, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new Tooltip(item)); // the whole text, when the column is narrow
            }
        });
        return c;
    }

    private TableColumn<Execution, String> timeColumn() {
        TableColumn<Execution, String> c = new TableColumn<>("Queued");
        c.setPrefWidth(120);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(Times.relative(d.getValue().queuedAt(), vm.now())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                Execution x = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : item);
                setTooltip(x == null ? null : new Tooltip("Queued " + Times.absolute(x.queuedAt())
                        + (x.startedAt() == null ? "" : "\nStarted " + Times.absolute(x.startedAt()))
                        + (x.endedAt() == null ? "" : "\nEnded " + Times.absolute(x.endedAt()))));
            }
        });
        return c;
    }
}
