package org.marketspine.console.ui.lineage;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.marketspine.console.ui.Styles;

/** Compare two instants (or two captures): what was added, superseded, transitioned, opened, closed. */
final class CompareView extends VBox {
    private final LineageViewModel vm;
    private final TextField a = new TextField();
    private final TextField b = new TextField();
    private final TextField capA = new TextField();
    private final TextField capB = new TextField();
    private final Label error = new Label();

    CompareView(LineageViewModel vm) {
        this.vm = vm;
        getStyleClass().add("compare-view");
        a.setId("compare-a");
        b.setId("compare-b");
        a.setPrefColumnCount(20);
        b.setPrefColumnCount(20);
        a.setPromptText("instant A (ISO 8601)");
        b.setPromptText("instant B (ISO 8601)");
        Button useA = new Button("A = timeline");
        useA.setTooltip(new Tooltip("Take the instant the timeline shows"));
        useA.setOnAction(e -> a.setText(timeline().toString()));
        Button useB = new Button("B = timeline");
        useB.setOnAction(e -> b.setText(timeline().toString()));
        Button compare = new Button("Compare instants");
        compare.setId("compare-run");
        compare.setDefaultButton(true);
        compare.setOnAction(e -> compareInstants());
        capA.setPromptText("capture id A");
        capB.setPromptText("capture id B");
        capA.setPrefColumnCount(22);
        capB.setPrefColumnCount(22);
        Button compareCaps = new Button("Compare captures");
        compareCaps.setOnAction(e -> {
            vm.comparison().clear();
            if (capA.getText().isBlank() || capB.getText().isBlank()) error.setText("Give two capture ids.");
            else {
                error.setText("");
                vm.compareCaptures(capA.getText().trim(), capB.getText().trim());
            }
        });
        error.getStyleClass().add("validation");
        error.setId("compare-error");
        HBox instants = new HBox(8, new Label("From"), a, useA, new Label("to"), b, useB, compare);
        instants.setAlignment(Pos.CENTER_LEFT);
        HBox captures = new HBox(8, new Label("or captures"), capA, new Label("→"), capB, compareCaps);
        captures.setAlignment(Pos.CENTER_LEFT);
        ListView<String> result = new ListView<>(vm.comparison());
        result.setId("compare-result");
        Label none = new Label("Pick two instants — e.g. before and after a FINRA revision — and compare.");
        none.getStyleClass().add(Styles.MUTED);
        result.setPlaceholder(none);
        result.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                getStyleClass().remove("compare-section");
                if (!empty && s != null && s.startsWith("▸")) getStyleClass().add("compare-section");
            }
        });
        VBox.setVgrow(result, Priority.ALWAYS);
        getChildren().addAll(instants, captures, error, result);
        Instant last = vm.log().lastAt();
        if (last != null) {
            b.setText(last.toString());
            a.setText(last.minus(Duration.ofDays(7)).toString());
        }
    }

    /** Fills in both instants and compares them. */
    void run(Instant from, Instant to) {
        a.setText(from.toString());
        b.setText(to.toString());
        compareInstants();
    }

    private Instant timeline() {
        Instant t = vm.timeProperty().get();
        return t != null ? t : vm.log().lastAt() != null ? vm.log().lastAt() : Instant.now();
    }

    private void compareInstants() {
        try {
            Instant from = Instant.parse(a.getText().trim());
            Instant to = Instant.parse(b.getText().trim());
            if (!from.isBefore(to)) {
                error.setText("Instant A must be before instant B.");
                return;
            }
            error.setText("");
            vm.compare(from, to);
        } catch (DateTimeParseException ex) {
            error.setText("Both instants must be ISO 8601, e.g. 2026-10-16T14:00:00Z.");
        }
    }
}
