package org.marketspine.console.ui.health;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.marketspine.console.model.BackfillPlan;
import org.marketspine.console.model.FinraCalendar;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.ui.Styles;

/**
 * Backfill: pipeline, tier, week range; checked as you type (from ≤ to, Fridays, nothing FINRA
 * has not published, at most 52 weeks), then a preview of the exact partitions from the feed.
 * "Send" stays disabled until the preview for exactly these values came back clean.
 */
final class BackfillDialog extends Dialog<ButtonType> {
    static final ButtonType SEND = new ButtonType("Send backfill", ButtonBar.ButtonData.OK_DONE);

    private final HealthViewModel vm;
    private final ComboBox<String> pipeline = new ComboBox<>();
    private final ComboBox<String> tier = new ComboBox<>(FXCollections.observableArrayList(FinraCalendar.TIERS));
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Label validation = new Label();
    private final Label warnings = new Label();
    private final ListView<String> preview = new ListView<>();
    private final Button previewButton = new Button("Preview partitions");
    private BackfillPlan previewed;

    BackfillDialog(HealthViewModel vm) {
        this.vm = vm;
        setTitle("Backfill");
        setHeaderText("Run a pipeline again for a range of weeks. You will see the partitions before anything is sent.");
        PlatformState s = vm.snapshot().state();
        pipeline.setItems(FXCollections.observableArrayList(s.pipelines().keySet().stream().sorted().toList()));
        pipeline.getSelectionModel().select("finra.otc_transparency.normalize_week");
        tier.getSelectionModel().select(FinraCalendar.OTC);
        LocalDate latest = FinraCalendar.expectedLatestWeek(FinraCalendar.OTC, vm.now());
        from.setValue(latest.minusWeeks(3));
        to.setValue(latest);
        pipeline.setId("backfill-pipeline");
        tier.setId("backfill-tier");
        from.setId("backfill-from");
        to.setId("backfill-to");
        validation.setId("backfill-validation");
        validation.getStyleClass().add("validation");
        warnings.getStyleClass().add("warning-text");
        preview.setId("backfill-preview");
        preview.getStyleClass().add("preview-list");
        preview.setPlaceholder(new Label("Preview the partitions before sending."));
        previewButton.setId("backfill-preview-button");

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Pipeline"), pipeline);
        form.addRow(1, new Label("Tier"), tier);
        form.addRow(2, new Label("From week (Friday)"), from);
        form.addRow(3, new Label("To week (Friday)"), to);
        VBox content = new VBox(10, form, validation, previewButton, preview, warnings);
        content.setPrefWidth(560);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(SEND, ButtonType.CANCEL);
        getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        Button send = (Button) getDialogPane().lookupButton(SEND);
        send.setId("backfill-send");
        send.setDisable(true);

        Runnable changed = () -> {
            previewed = null;
            preview.getItems().clear();
            warnings.setText("");
            send.setDisable(true);
            BackfillPlan local = plan();
            validation.setText(local.isValid() ? "" : String.join("\n", local.errors()));
            previewButton.setDisable(!local.isValid());
        };
        pipeline.valueProperty().addListener((o, a, b) -> changed.run());
        tier.valueProperty().addListener((o, a, b) -> changed.run());
        from.valueProperty().addListener((o, a, b) -> changed.run());
        to.valueProperty().addListener((o, a, b) -> changed.run());
        changed.run();
        previewButton.setOnAction(e -> requestPreview(send));
        setResultConverter(button -> {
            if (button == SEND && previewed != null) vm.backfill(previewed);
            return button;
        });
    }

    private BackfillPlan plan() {
        return BackfillPlan.of(vm.snapshot().state(), pipeline.getValue(), tier.getValue(), from.getValue(), to.getValue(), vm.now());
    }

    private void requestPreview(Button send) {
        BackfillPlan asked = plan();
        preview.getItems().setAll("Asking the feed…");
        Message.Request request = new Message.Request(vm.runtime().nextId("preview-"), "backfill_preview", null,
                asked.pipeline(), asked.tier(), asked.fromWeek(), asked.toWeek(), null, null, null);
        vm.runtime().request(request).whenComplete((response, error) -> vm.runtime().publisher().deliver(() -> {
            if (!asked.equals(plan())) return; // the form changed meanwhile
            if (error != null) {
                preview.getItems().setAll("The feed did not answer: " + HealthViewModel.rootMessage(error));
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
            warnings.setText(warns.isEmpty() ? "" : "⚠ " + String.join("\n⚠ ", warns));
            previewed = errors.isEmpty() && !rows.isEmpty() ? asked : null;
            send.setDisable(previewed == null);
            send.setText(previewed == null ? "Send backfill" : "Send backfill (" + rows.size() + " partitions)");
        }));
    }

    /** For tests: the instant the dialog judges "the future" against. */
    Instant now() {
        return vm.now();
    }
}
