package org.marketspine.console.ui.health;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marketspine.console.model.Execution;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.ui.CommandConfirmation;
import org.marketspine.console.ui.Icons;
import org.marketspine.console.ui.Styles;
import org.marketspine.console.ui.Times;
import org.marketspine.console.ui.Wrap;

/** The selected execution: context to decide (error, class, recurrence, params, capture), logs on demand, retry. */
final class ExecutionDetail extends VBox {
    private final HealthViewModel vm;
    private final Label title = new Label("Select a failure");
    private final GridPane grid = new GridPane();
    private final Label advice = new Label();
    /** What this failure holds up downstream (issue 18): the first few partitions, all of them on hover. */
    private final Label impact = new Label();
    private final Label blocked = new Label();
    private final Label feedback = new Label();
    private final TextArea logs = new TextArea();
    private final Button retry = new Button("Retry…", Icons.of(Icons.RETRY));
    private final Button showLogs = new Button("Show logs", Icons.of(Icons.LOGS));
    private final Button acknowledge = new Button("Acknowledge", Icons.of(Icons.PIN));
    private final Button showInLineage = new Button("Show in lineage", Icons.of(Icons.LINEAGE));
    private Consumer<String> lineage = id -> {};
    private final Label empty = new Label("Pick a failure on the left to see its error, parameters, logs and whether a retry is safe.");

    /** Where "Show in lineage" goes: the main window opens Lineage & audit on that capture or run (a workspace knows no other). */
    void onShowInLineage(Consumer<String> open) {
        this.lineage = open;
    }

    ExecutionDetail(HealthViewModel vm) {
        this.vm = vm;
        getStyleClass().add(Styles.CARD);
        title.getStyleClass().add(Styles.CARD_TITLE);
        grid.getStyleClass().add("detail-grid");
        grid.setHgap(12);
        grid.setVgap(5);
        advice.getStyleClass().add("advice");
        advice.setMaxWidth(Double.MAX_VALUE);
        blocked.getStyleClass().add("retry-blocked");
        blocked.setId("retry-blocked");
        feedback.setId("command-feedback");
        feedback.setWrapText(true);
        retry.setId("retry");
        showLogs.setId("show-logs");
        acknowledge.setId("acknowledge-failure");
        logs.getStyleClass().add("logs");
        logs.setEditable(false);
        logs.setWrapText(true); // an ERROR line is read whole, not cut at the pane's edge
        logs.setId("logs");
        logs.setPromptText("Logs are fetched from the feed on demand.");
        VBox.setVgrow(logs, Priority.ALWAYS);
        empty.getStyleClass().addAll("empty-state");
        empty.setWrapText(true);

        retry.disableProperty().bind(vm.retryBlockedProperty().isNotNull().or(vm.selectedProperty().isNull()));
        blocked.textProperty().bind(vm.retryBlockedProperty());
        // A resolved failure's advice already says no retry is needed; the red "blocked" line is for real obstacles.
        blocked.visibleProperty().bind(vm.retryBlockedProperty().isNotNull().and(vm.selectedResolvedProperty().not()));
        feedback.visibleProperty().bind(feedback.textProperty().isNotEmpty());
        feedback.managedProperty().bind(feedback.visibleProperty());
        blocked.managedProperty().bind(blocked.visibleProperty());
        advice.textProperty().bind(vm.adviceProperty());
        impact.setId("failure-impact");
        impact.getStyleClass().add("impact");
        impact.textProperty().bind(vm.impact().lineProperty());
        impact.visibleProperty().bind(vm.impact().lineProperty().isNotEmpty());
        impact.managedProperty().bind(impact.visibleProperty());
        Tooltip impactAll = new Tooltip();
        impactAll.textProperty().bind(vm.impact().allProperty());
        impact.setTooltip(impactAll);
        showInLineage.setId("show-in-lineage");
        showInLineage.visibleProperty().bind(vm.impact().lineProperty().isNotEmpty());
        showInLineage.managedProperty().bind(showInLineage.visibleProperty());
        showInLineage.setOnAction(e -> {
            String node = vm.impact().node();
            if (node != null) lineage.accept(node);
        });
        feedback.textProperty().bind(vm.feedbackProperty());
        vm.feedbackOkProperty().addListener((o, a, ok) -> Styles.switchClass(feedback, ok ? Styles.FEEDBACK_OK : Styles.FEEDBACK_ERROR,
                Styles.FEEDBACK_OK, Styles.FEEDBACK_ERROR));
        feedback.getStyleClass().add(Styles.FEEDBACK_OK);
        logs.textProperty().bind(vm.logsProperty());
        if (vm.isReview()) {
            // Offline review: logs live with the feed, which is not contacted, and a bundle's evidence is not marked up.
            ReviewButtons.lock(showLogs, "Show logs (not in the bundle)");
            ReviewButtons.lock(acknowledge, "Acknowledge (read-only review)");
        } else {
            showLogs.disableProperty().bind(vm.selectedProperty().isNull());
            acknowledge.disableProperty().bind(vm.selectedProperty().isNull());
        }

        retry.setOnAction(e -> confirmRetry());
        showLogs.setOnAction(e -> vm.fetchLogs());
        acknowledge.setOnAction(e -> {
            Execution x = vm.selectedProperty().get();
            if (x != null) vm.acknowledgeFailure(x.executionId());
        });
        Wrap.decisions(title, advice, impact, blocked, feedback, empty);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        values.setFillWidth(true);
        grid.getColumnConstraints().setAll(keys, values);
        FlowPane wrappingActions = new FlowPane(8, 6, retry, showLogs, acknowledge, showInLineage);
        // The decision first (is a retry safe, can I send it), then the facts; on a short screen the
        // facts scroll rather than push the logs (and the board) out of shape.
        VBox decision = new VBox(8, advice, impact, wrappingActions, blocked, feedback);
        ScrollPane factsScroll = new ScrollPane(grid);
        factsScroll.setFitToWidth(true);
        factsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        factsScroll.getStyleClass().add("detail-scroll");
        factsScroll.setMinHeight(120);
        logs.setMinHeight(80);
        logs.setPrefHeight(160);
        // The facts take the height they need (the logs get the rest); on a short screen they shrink and scroll.
        factsScroll.prefViewportHeightProperty().bind(grid.heightProperty());
        VBox body = new VBox(8, decision, factsScroll, logs);
        VBox.setVgrow(factsScroll, Priority.NEVER);
        VBox.setVgrow(body, Priority.ALWAYS);
        setMinHeight(0);
        body.visibleProperty().bind(vm.selectedProperty().isNotNull());
        body.managedProperty().bind(body.visibleProperty());
        empty.visibleProperty().bind(vm.selectedProperty().isNull());
        empty.managedProperty().bind(empty.visibleProperty());
        getChildren().addAll(title, empty, body);
        vm.selectedProperty().addListener((o, a, x) -> render(x));
        vm.selectedRecurrenceProperty().addListener((o, a, r) -> render(vm.selectedProperty().get()));
        vm.redrawProperty().addListener((o, a, b) -> render(vm.selectedProperty().get()));
        vm.selectedResolvedProperty().addListener((o, a, b) -> render(vm.selectedProperty().get()));
    }

    private void confirmRetry() {
        Execution x = vm.selectedProperty().get();
        if (x == null) return;
        CommandConfirmation.ask("Retry execution", "Retry " + x.pipeline() + (x.tier() == null ? "" : " for " + x.tier()
                        + " week " + x.params().get("week_ending")) + "?",
                vm.adviceProperty().get() + "\nA new run of the same pipeline and parameters is queued on the platform.",
                "Send retry", "confirm-retry").ifPresent(vm::retry);
    }

    private void render(Execution x) {
        grid.getChildren().clear();
        if (x == null) {
            title.setText("Select a failure");
            return;
        }
        title.setText(x.pipeline());
        int row = 0;
        row = put(row, "Execution", x.executionId(), true);
        row = put(row, "Status", x.status().name().toLowerCase() + (x.attempt() > 0 ? " · attempt " + x.attempt() : ""), false);
        if (x.tier() != null) row = put(row, "Partition", x.tier() + " · week ending " + x.params().get("week_ending"), false);
        row = put(row, "Trigger", x.trigger().name().toLowerCase() + " by " + x.triggeredBy()
                + (x.retryOf() == null ? "" : " (retry of " + x.retryOf() + ")"), false);
        row = put(row, "Queued", Times.absolute(x.queuedAt()), false);
        if (x.endedAt() != null) row = put(row, "Ended", Times.absolute(x.endedAt()) + " · ran " + x.durationMs() / 1000.0 + " s", false);
        if (x.error() != null) {
            row = put(row, "Error", x.error().type() + ": " + x.error().message(), false);
            row = put(row, "Class", x.error().classification().name().toLowerCase()
                    + (x.error().retriesStopped() ? " · dead-lettered (no automatic retry)" : ""), false);
        }
        if (vm.selectedRecurrenceProperty().get() != null) row = put(row, "Recurrence", vm.selectedRecurrenceProperty().get().describe(), false);
        row = put(row, "Params", x.params().toString(), true);
        put(row, "Capture", x.captureId() == null ? "—" : x.captureId(), true);
        advice.getStyleClass().removeAll(Styles.BADGE_TRANSIENT, Styles.BADGE_SYSTEMIC, "advice-resolved");
        if (x.error() != null) {
            advice.getStyleClass().add(vm.selectedResolvedProperty().get() ? "advice-resolved"
                    : x.error().classification() == Classification.TRANSIENT
                    ? Styles.BADGE_TRANSIENT : Styles.BADGE_SYSTEMIC);
        }
    }

    private int put(int row, String key, String value, boolean copyable) {
        Label k = new Label(key);
        k.getStyleClass().add("key");
        k.setMinWidth(Region.USE_PREF_SIZE);
        Node v;
        if (copyable) {
            TextField f = new TextField(value);
            f.setEditable(false);
            f.setMinWidth(0);
            // An id wider than the field scrolls inside it; the tooltip carries it whole.
            f.setTooltip(new Tooltip(value));
            f.getStyleClass().addAll(Styles.MONO, "copyable");
            f.setId("detail-" + key.toLowerCase());
            v = f;
        } else {
            Label l = Wrap.decision(new Label(value));
            l.getStyleClass().add("value");
            v = l;
        }
        GridPane.setHgrow(v, Priority.ALWAYS);
        grid.addRow(row, k, v);
        return row + 1;
    }
}
