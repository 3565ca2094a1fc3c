package org.marketspine.console.ui.health;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marketspine.console.model.BackfillPlan;
import org.marketspine.console.model.FinraCalendar;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.ui.CommandConfirmation;
import org.marketspine.console.ui.Styles;

/**
 * Backfill: pipeline, tier, week range (ISO dates); checked as you type (from ≤ to, Fridays,
 * nothing FINRA has not published, at most 52 weeks), then a preview of the exact partitions from
 * the feed. "Send" stays disabled until the preview for exactly these values came back clean, and
 * sending asks for confirmation and a reason, as every command that changes the platform does.
 */
final class BackfillDialog extends Dialog<ButtonType> {
    static final ButtonType SEND = new ButtonType("Send backfill…", ButtonBar.ButtonData.OK_DONE);

    private final HealthViewModel vm;
    private final ComboBox<String> pipeline = new ComboBox<>();
    private final ComboBox<String> tier = new ComboBox<>(FXCollections.observableArrayList(FinraCalendar.TIERS));
    private final DatePicker from = IsoDatePicker.create("backfill-from");
    private final DatePicker to = IsoDatePicker.create("backfill-to");
    private final Label validation = new Label();
    private final Label recertify = new Label();
    private final Hyperlink showWarnings = new Hyperlink("show");
    private final ListView<String> warningList = new ListView<>();
    private final ListView<String> preview = new ListView<>();
    private final Button previewButton = new Button("Preview partitions");
    private BackfillPlan previewed;

    BackfillDialog(HealthViewModel vm) {
        this.vm = vm;
        setTitle("Backfill");
        setHeaderText("Run a pipeline again for a range of weeks. You will see the partitions before anything is sent.");
        setResizable(true);
        PlatformState s = vm.snapshot().state();
        pipeline.setItems(FXCollections.observableArrayList(s.pipelines().keySet().stream().sorted().toList()));
        pipeline.getSelectionModel().select("finra.otc_transparency.normalize_week");
        tier.getSelectionModel().select(FinraCalendar.OTC);
        LocalDate latest = FinraCalendar.expectedLatestWeek(FinraCalendar.OTC, vm.now());
        from.setValue(latest.minusWeeks(3));
        to.setValue(latest);
        pipeline.setId("backfill-pipeline");
        tier.setId("backfill-tier");
        validation.setId("backfill-validation");
        validation.getStyleClass().add("validation");
        validation.setWrapText(true);
        validation.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip validationTip = new Tooltip();
        validationTip.textProperty().bind(validation.textProperty());
        validation.setTooltip(validationTip);
        recertify.setId("backfill-recertify");
        recertify.getStyleClass().add("warning-text");
        recertify.setWrapText(true);
        showWarnings.setId("backfill-show-warnings");
        warningList.setId("backfill-warnings");
        warningList.setPrefHeight(120);
        warningList.setVisible(false);
        warningList.managedProperty().bind(warningList.visibleProperty());
        showWarnings.setOnAction(e -> {
            warningList.setVisible(!warningList.isVisible());
            showWarnings.setText(warningList.isVisible() ? "hide" : "show");
        });
        HBox warnRow = new HBox(6, recertify, showWarnings);
        warnRow.setAlignment(Pos.BASELINE_LEFT);
        warnRow.visibleProperty().bind(recertify.textProperty().isNotEmpty());
        warnRow.managedProperty().bind(warnRow.visibleProperty());
        preview.setId("backfill-preview");
        preview.getStyleClass().add("preview-list");
        preview.setPlaceholder(new Label("Preview the partitions before sending."));
        preview.setPrefHeight(200);
        preview.setMinHeight(120);
        VBox.setVgrow(preview, Priority.ALWAYS);
        previewButton.setId("backfill-preview-button");

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Pipeline"), pipeline);
        form.addRow(1, new Label("Tier"), tier);
        form.addRow(2, new Label("From week (Friday, yyyy-mm-dd)"), from);
        form.addRow(3, new Label("To week (Friday, yyyy-mm-dd)"), to);
        VBox content = new VBox(10, form, validation, previewButton, preview, warnRow, warningList);
        content.setPrefWidth(620);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(SEND, ButtonType.CANCEL);
        getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        Button send = (Button) getDialogPane().lookupButton(SEND);
        send.setId("backfill-send");
        send.setDisable(true);
        send.setDefaultButton(false);
        send.setMinWidth(Region.USE_PREF_SIZE);
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);

        Runnable changed = () -> {
            previewed = null;
            preview.getItems().clear();
            recertify.setText("");
            warningList.getItems().clear();
            send.setDisable(true);
            send.setText(SEND.getText());
            BackfillPlan local = plan();
            String typed = IsoDatePicker.problem(from, "From week") + IsoDatePicker.problem(to, "To week");
            validation.setText(typed.isEmpty() ? local.isValid() ? "" : String.join("\n", local.errors()) : typed.strip());
            previewButton.setDisable(!local.isValid() || !typed.isEmpty());
        };
        pipeline.valueProperty().addListener((o, a, b) -> changed.run());
        tier.valueProperty().addListener((o, a, b) -> changed.run());
        from.valueProperty().addListener((o, a, b) -> changed.run());
        to.valueProperty().addListener((o, a, b) -> changed.run());
        IsoDatePicker.onProblem(from, changed);
        IsoDatePicker.onProblem(to, changed);
        changed.run();
        previewButton.setOnAction(e -> requestPreview(send));
        // Sending is confirmed first, with a reason; cancelling the confirmation keeps this dialog open.
        send.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            BackfillPlan plan = previewed;
            if (plan == null) return;
            CommandConfirmation.ask("Confirm backfill", "Send a backfill of " + plan.weeks().size() + " partitions?",
                    plan.pipeline() + " · " + plan.tier() + " · weeks " + plan.fromWeek() + " … " + plan.toWeek()
                            + (plan.recertify().isEmpty() ? "" : "\n" + recertifySummary(plan.recertify().size())),
                    "Send backfill", "confirm-backfill").ifPresent(reason -> {
                        vm.backfill(plan, reason);
                        setResult(SEND);
                        close();
                    });
        });
    }

    static String recertifySummary(int n) {
        return "⚠ " + n + " certified capture" + (n == 1 ? "" : "s") + " will need re-certification";
    }

    private BackfillPlan plan() {
        return BackfillPlan.of(vm.snapshot().state(), pipeline.getValue(), tier.getValue(), from.getValue(), to.getValue(), vm.now());
    }

    private void requestPreview(Button send) {
        BackfillPlan asked = plan();
        preview.getItems().setAll("Asking the feed…");
        vm.previewBackfill(asked, (response, error) -> {
            if (!asked.equals(plan())) return; // the form changed meanwhile
            if (error != null) {
                preview.getItems().setAll("The feed did not answer: " + CommandFeedback.rootMessage(error));
                return;
            }
            if (!response.ok()) {
                preview.getItems().setAll(response.error().code().equals("unsupported")
                        ? "This feed does not offer backfill previews." : "Preview refused: " + response.error().message());
                return;
            }
            var data = response.data();
            List<String> rows = new ArrayList<>();
            for (var w : data.path("weeks")) rows.add(asked.pipeline() + " · " + asked.tier() + " · week ending " + w.asText());
            List<String> errors = new ArrayList<>();
            data.path("errors").forEach(n -> errors.add(n.asText()));
            List<String> warns = new ArrayList<>();
            data.path("warnings").forEach(n -> warns.add(n.asText()));
            preview.getItems().setAll(rows.isEmpty() ? List.of("No partitions.") : rows);
            validation.setText(String.join("\n", errors));
            // One line for the many near-identical warnings; each one behind "show".
            int recert = data.path("recertify").isArray() ? data.path("recertify").size() : asked.recertify().size();
            int other = Math.max(0, warns.size() - recert);
            recertify.setText(warns.isEmpty() ? "" : (recert > 0 ? recertifySummary(recert) : "")
                    + (other > 0 ? (recert > 0 ? " · " : "⚠ ") + other + " other warning" + (other == 1 ? "" : "s") : ""));
            warningList.getItems().setAll(warns);
            previewed = errors.isEmpty() && !rows.isEmpty() ? asked : null;
            send.setDisable(previewed == null);
            send.setText(previewed == null ? SEND.getText() : "Send backfill (" + rows.size() + " partitions)…");
        });
    }

    /** For tests: the instant the dialog judges "the future" against. */
    Instant now() {
        return vm.now();
    }
}
