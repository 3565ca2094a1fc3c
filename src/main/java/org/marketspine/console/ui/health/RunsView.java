package org.marketspine.console.ui.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
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
import org.marketspine.console.model.ExecutionStatus;
import org.marketspine.console.model.RunsList;
import org.marketspine.console.ui.CommandConfirmation;
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
        setPadding(new Insets(12));
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
        table.getColumns().setAll(List.of(
                column("Status", 110, x -> x.status().name().toLowerCase() + (x.attempt() > 1 ? " · attempt " + x.attempt() : "")),
                column("Pipeline", 300, Execution::pipeline),
                column("Partition", 170, x -> x.tier() == null ? String.valueOf(x.params()) : x.tier() + " · " + x.params().get("week_ending")),
                queuedColumn(),
                durationColumn(),
                column("Trigger", 90, x -> x.trigger().name().toLowerCase()),
                column("Who", 170, Execution::triggeredBy),
                column("Execution", 150, Execution::executionId)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, x) -> refreshCancel());
        vm.runs().addListener((ListChangeListener<Execution>) c -> {
            refreshSummary();
            refreshCancel();
        });
        cancel.setOnAction(e -> {
            Execution x = table.getSelectionModel().getSelectedItem();
            if (x == null || vm.cancelBlocked(x) != null) return;
            CommandConfirmation.ask("Cancel run", "Cancel " + x.executionId() + "?", x.pipeline() + " · "
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
        long running = vm.runs().stream().filter(x -> x.status() == ExecutionStatus.RUNNING).count();
        long queued = vm.runs().stream().filter(x -> x.status() == ExecutionStatus.QUEUED).count();
        summary.setText(running + " running · " + queued + " queued · " + (vm.runs().size() - running - queued) + " recent");
    }

    private void refreshCancel() {
        String why = vm.cancelBlocked(table.getSelectionModel().getSelectedItem());
        cancel.setDisable(why != null);
        cancelWhy.setText(why == null ? "" : why);
    }

    /** How long a run took, or has been running so far by the board's clock; "—" while it waits in the queue. */
    static String duration(Execution x, Instant now) {
        if (x.startedAt() == null) return "—";
        boolean running = x.endedAt() == null;
        String span = Times.span(Duration.between(x.startedAt(), running ? now : x.endedAt()));
        return (running ? "running " : "") + (span == null ? "< 2 s" : span);
    }

    private static TableColumn<Execution, String> column(String title, double width, Function<Execution, String> value) {
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

    /** When the run was queued, relative to the board's clock and re-read on every tick. */
    private TableColumn<Execution, Execution> queuedColumn() {
        TableColumn<Execution, Execution> c = ticking("Queued", 120, (x, now) -> Times.relative(x.queuedAt(), now));
        c.setComparator(Comparator.comparing(Execution::queuedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return c;
    }

    /** How long each run took; a running run's duration grows with the board's clock. */
    private TableColumn<Execution, Execution> durationColumn() {
        TableColumn<Execution, Execution> c = ticking("Duration", 110, RunsView::duration);
        c.setComparator(Comparator.comparing(Execution::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return c;
    }

    private TableColumn<Execution, Execution> ticking(String title, double width,
                                                      BiFunction<Execution, Instant, String> text) {
        TableColumn<Execution, Execution> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(col -> new TickingCell(vm.clockProperty(), text, (x, shown) -> shown
                + "\nQueued " + Times.absolute(x.queuedAt())
                + (x.startedAt() == null ? "" : "\nStarted " + Times.absolute(x.startedAt()))
                + (x.endedAt() == null ? "" : "\nEnded " + Times.absolute(x.endedAt()))));
        return c;
    }
}
