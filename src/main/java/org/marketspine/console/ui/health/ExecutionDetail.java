package org.marketspine.console.ui.health;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.marketspine.console.model.Execution;
import org.marketspine.console.ui.Icons;
import org.marketspine.console.ui.Styles;
import org.marketspine.console.ui.Times;

/** The selected execution: context to decide (error, class, recurrence, params, capture), logs on demand, retry. */
final class ExecutionDetail extends VBox {
    private final HealthViewModel vm;
    private final Label title = new Label("Select a failure");
    private final GridPane grid = new GridPane();
    private final Label advice = new Label();
    private final Label blocked = new Label();
    private final Label feedback = new Label();
    private final TextArea logs = new TextArea();
    private final Button retry = new Button("Retry…", Icons.of(Icons.RETRY));
    private final Button showLogs = new Button("Show logs", Icons.of(Icons.LOGS));
    private final Button acknowledge = new Button("Acknowledge", Icons.of(Icons.PIN));
    private final Label empty = new Label("Pick a failure on the left to see its error, parameters, logs and whether a retry is safe.");

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
        HBox actions = new HBox(8, retry, showLogs, acknowledge);

        retry.disableProperty().bind(vm.retryBlockedProperty().isNotNull().or(vm.selectedProperty().isNull()));
        blocked.textProperty().bind(vm.retryBlockedProperty());
        blocked.visibleProperty().bind(vm.retryBlockedProperty().isNotNull());
        blocked.managedProperty().bind(blocked.visibleProperty());
        advice.textProperty().bind(vm.adviceProperty());
        feedback.textProperty().bind(vm.feedbackProperty());
        vm.feedbackOkProperty().addListener((o, a, ok) -> Styles.switchClass(feedback, ok ? Styles.FEEDBACK_OK : Styles.FEEDBACK_ERROR,
                Styles.FEEDBACK_OK, Styles.FEEDBACK_ERROR));
        feedback.getStyleClass().add(Styles.FEEDBACK_OK);
        logs.textProperty().bind(vm.logsProperty());
        showLogs.disableProperty().bind(vm.selectedProperty().isNull());
        acknowledge.disableProperty().bind(vm.selectedProperty().isNull());

        retry.setOnAction(e -> confirmRetry());
        showLogs.setOnAction(e -> vm.fetchLogs());
        acknowledge.setOnAction(e -> {
            Execution x = vm.selectedProperty().get();
            if (x != null) vm.acknowledgeFailure(x.executionId());
        });
        VBox body = new VBox(8, grid, advice, actions, blocked, feedback, logs);
        VBox.setVgrow(body, Priority.ALWAYS);
        body.visibleProperty().bind(vm.selectedProperty().isNotNull());
        body.managedProperty().bind(body.visibleProperty());
        empty.visibleProperty().bind(vm.selectedProperty().isNull());
        empty.managedProperty().bind(empty.visibleProperty());
        getChildren().addAll(title, empty, body);
        vm.selectedProperty().addListener((o, a, x) -> render(x));
        vm.selectedRecurrenceProperty().addListener((o, a, r) -> render(vm.selectedProperty().get()));
        vm.redrawProperty().addListener((o, a, b) -> render(vm.selectedProperty().get()));
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
        if (x.endedAt() != null) row = put(row, "Ended", Times.absolute(x.endedAt()) + " · after " + x.durationMs() / 1000.0 + " s", false);
        if (x.error() != null) {
            row = put(row, "Error", x.error().type() + ": " + x.error().message(), false);
            row = put(row, "Class", x.error().classification().name().toLowerCase(), false);
        }
        if (vm.selectedRecurrenceProperty().get() != null) row = put(row, "Recurrence", vm.selectedRecurrenceProperty().get().describe(), false);
        row = put(row, "Params", x.params().toString(), true);
        put(row, "Capture", x.captureId() == null ? "—" : x.captureId(), true);
        advice.getStyleClass().removeAll(Styles.BADGE_TRANSIENT, Styles.BADGE_SYSTEMIC);
        if (x.error() != null) {
            advice.getStyleClass().add(x.error().classification().name().equals("TRANSIENT") ? Styles.BADGE_TRANSIENT : Styles.BADGE_SYSTEMIC);
        }
    }

    private int put(int row, String key, String value, boolean copyable) {
        Label k = new Label(key);
        k.getStyleClass().add("key");
        k.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.Node v;
        if (copyable) {
            TextField f = new TextField(value);
            f.setEditable(false);
            f.getStyleClass().addAll(Styles.MONO, "copyable");
            f.setId("detail-" + key.toLowerCase());
            v = f;
        } else {
            Label l = new Label(value);
            l.setWrapText(true);
            l.getStyleClass().add("value");
            v = l;
        }
        GridPane.setHgrow(v, Priority.ALWAYS);
        grid.addRow(row, k, v);
        return row + 1;
    }
}
