package org.marketspine.console.ui.lineage;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marketspine.console.ui.Styles;

/**
 * Compare two instants (or two captures): a summary line, then what was added, superseded,
 * transitioned, opened, closed and run, each a section of groups. Instants are typed and shown in
 * the display zone, ISO 8601 with the zone's id.
 */
final class CompareView extends VBox {
    /** A group this small opens by itself; larger ones stay a heading with a count until asked. */
    private static final int OPEN_GROUP = 8;
    private final LineageViewModel vm;
    private final TextField a = new TextField();
    private final TextField b = new TextField();
    private final TextField capA = new TextField();
    private final TextField capB = new TextField();
    private final Label error = new Label();
    private final Label summary = new Label();
    private final TreeView<String> result = new TreeView<>(new TreeItem<>());
    private final TreeItem<String> deltas = new TreeItem<>("Row and symbol deltas of each revision (from the feed)");

    CompareView(LineageViewModel vm) {
        this.vm = vm;
        getStyleClass().add("compare-view");
        a.setId("compare-a");
        b.setId("compare-b");
        a.setPrefColumnCount(30);
        b.setPrefColumnCount(30);
        String example = InstantText.format(Instant.parse("2026-10-16T14:00:00Z"));
        a.setPromptText("instant A, e.g. " + example);
        b.setPromptText("instant B");
        Button useA = new Button("A = timeline");
        useA.setTooltip(new Tooltip("Take the instant the timeline shows"));
        useA.setOnAction(e -> a.setText(InstantText.format(timeline())));
        Button useB = new Button("B = timeline");
        useB.setOnAction(e -> b.setText(InstantText.format(timeline())));
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
                vm.comparison().compareCaptures(capA.getText().trim(), capB.getText().trim());
            }
        });
        error.getStyleClass().add("validation");
        error.setId("compare-error");
        // Rows wrap at 1280×720 rather than cutting the fields.
        FlowPane instants = new FlowPane(8, 6, new Label("From"), a, useA, new Label("to"), b, useB, compare);
        instants.setAlignment(Pos.CENTER_LEFT);
        FlowPane captures = new FlowPane(8, 6, new Label("or captures"), capA, new Label("→"), capB, compareCaps);
        captures.setAlignment(Pos.CENTER_LEFT);
        summary.setId("compare-summary");
        summary.getStyleClass().add("compare-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE); // wraps whole; the tree below gives way
        summary.managedProperty().bind(summary.visibleProperty());
        result.setId("compare-result");
        result.setShowRoot(false);
        result.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                // A line may be wider than the view: its tooltip has it whole.
                setTooltip(empty || s == null ? null : new Tooltip(s));
                getStyleClass().remove("compare-section");
                if (!empty && getTreeItem() != null && getTreeItem().getParent() == result.getRoot()) getStyleClass().add("compare-section");
            }
        });
        VBox.setVgrow(result, Priority.ALWAYS);
        Label none = new Label("Pick two instants — e.g. before and after a FINRA revision — and compare.");
        none.getStyleClass().add(Styles.MUTED);
        none.setId("compare-none");
        none.visibleProperty().bind(summary.visibleProperty().not());
        none.managedProperty().bind(none.visibleProperty());
        getChildren().addAll(instants, captures, error, none, summary, result);
        vm.comparison().resultProperty().addListener((o, x, r) -> render(r));
        vm.comparison().deltas().addListener((ListChangeListener<String>) c -> renderDeltas());
        render(vm.comparison().resultProperty().get());
        Instant last = vm.history().lastAt();
        if (last != null) {
            b.setText(InstantText.format(last));
            a.setText(InstantText.format(last.minus(Duration.ofDays(7))));
        }
    }

    private void render(CompareText.Result r) {
        summary.setText(r.summary());
        summary.setVisible(!r.summary().isEmpty() || !vm.comparison().deltas().isEmpty());
        result.getRoot().getChildren().clear();
        for (CompareText.Section s : r.sections()) {
            TreeItem<String> section = new TreeItem<>(s.title() + ": " + s.count());
            for (CompareText.Group g : s.groups()) {
                TreeItem<String> group = new TreeItem<>(g.title());
                for (String line : g.lines()) group.getChildren().add(new TreeItem<>(line));
                group.setExpanded(g.lines().size() <= OPEN_GROUP);
                section.getChildren().add(group);
            }
            section.setExpanded(true);
            result.getRoot().getChildren().add(section);
        }
        renderDeltas();
    }

    private void renderDeltas() {
        deltas.getChildren().setAll(vm.comparison().deltas().stream().map(TreeItem::new).toList());
        deltas.setExpanded(true);
        boolean shown = result.getRoot().getChildren().contains(deltas);
        if (!vm.comparison().deltas().isEmpty() && !shown) result.getRoot().getChildren().add(deltas);
        if (vm.comparison().deltas().isEmpty() && shown) result.getRoot().getChildren().remove(deltas);
        summary.setVisible(!summary.getText().isEmpty() || !vm.comparison().deltas().isEmpty());
    }

    /** Fills in both instants and compares them. */
    void run(Instant from, Instant to) {
        a.setText(InstantText.format(from));
        b.setText(InstantText.format(to));
        compareInstants();
    }

    private Instant timeline() {
        Instant t = vm.timeProperty().get();
        return t != null ? t : vm.history().lastAt() != null ? vm.history().lastAt() : vm.shownAt();
    }

    private void compareInstants() {
        try {
            Instant from = InstantText.parse(a.getText());
            Instant to = InstantText.parse(b.getText());
            if (!from.isBefore(to)) {
                error.setText("Instant A must be before instant B.");
                return;
            }
            error.setText("");
            vm.comparison().compare(from, to);
        } catch (DateTimeParseException ex) {
            error.setText("Both instants must be ISO 8601, e.g. " + InstantText.format(Instant.parse("2026-10-16T14:00:00Z")) + ".");
        }
    }
}
