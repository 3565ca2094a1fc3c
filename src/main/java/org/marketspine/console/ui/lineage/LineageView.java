package org.marketspine.console.ui.lineage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.marketspine.console.model.FinraCalendar;
import org.marketspine.console.model.LineageGraph;
import org.marketspine.console.ui.Icons;
import org.marketspine.console.ui.Styles;

/** The lineage graph tab: scope (tier, week), search, focus, the drawn graph and the selected node. */
final class LineageView extends BorderPane {
    static final String ALL_WEEKS = "All weeks";
    private final LineageViewModel vm;
    private final LineageCanvas canvas = new LineageCanvas();
    private final Label status = new Label();
    private final Label found = new Label();

    LineageView(LineageViewModel vm) {
        this.vm = vm;
        getStyleClass().add("lineage-view");
        canvas.setId("lineage-canvas");
        canvas.setOnSelect(vm::select);
        status.getStyleClass().add("empty-state");
        // The layout's progress first; else why nothing is drawn at the instant shown.
        status.textProperty().bind(Bindings.when(vm.statusProperty().isNotEmpty())
                .then(vm.statusProperty()).otherwise(vm.emptyProperty()));
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.setWrapText(true);
        status.setId("lineage-status");
        status.setMouseTransparent(true);
        // Until a node is selected the graph has the whole width (at 1280×720 a detail panel of
        // hints would take a third of it); the hint is a line over the canvas instead.
        Label hint = new Label("Click a node to see where it came from: its exact inputs, the run that made it, who triggered it. "
                + "Drag to pan, wheel to zoom, F to fit.");
        hint.setId("lineage-hint");
        hint.getStyleClass().addAll(Styles.MUTED, "lineage-hint");
        hint.setWrapText(true);
        hint.setMouseTransparent(true);
        hint.visibleProperty().bind(vm.selectedProperty().isNull());
        StackPane.setAlignment(hint, Pos.BOTTOM_LEFT);
        StackPane centre = new StackPane(canvas, status, hint);
        ScrollPane detail = new ScrollPane(new NodeDetail(vm));
        detail.setId("lineage-detail");
        detail.setFitToWidth(true);
        detail.setPrefWidth(380);
        detail.setMinWidth(320);
        detail.visibleProperty().bind(vm.selectedProperty().isNotNull());
        detail.managedProperty().bind(detail.visibleProperty());
        setTop(toolbar());
        setCenter(centre);
        setRight(detail);
        vm.layoutProperty().addListener((o, a, r) -> canvas.show(r, vm.atProperty().get(), vm::labels, vm.anchor()));
        vm.atProperty().addListener((o, a, at) -> canvas.restyle(at, vm::labels));
        vm.selectedProperty().addListener((o, a, id) -> {
            canvas.select(id);
            if (id != null && vm.layoutProperty().get().boxes().containsKey(id)) canvas.centre(id);
        });
        canvas.show(vm.layoutProperty().get(), vm.atProperty().get(), vm::labels, vm.anchor());
    }

    private HBox toolbar() {
        ComboBox<String> tier = new ComboBox<>(FXCollections.observableArrayList(LineageViewModel.ALL_TIERS));
        tier.getItems().addAll(FinraCalendar.TIERS);
        tier.valueProperty().bindBidirectional(vm.tierProperty());
        tier.setId("lineage-tier");
        ComboBox<String> week = new ComboBox<>();
        week.setId("lineage-week");
        week.setTooltip(new Tooltip("The default view is one week: the whole journal at once is unreadable"));
        Runnable fillWeeks = () -> {
            List<String> items = new ArrayList<>(List.of(ALL_WEEKS));
            for (LocalDate d : vm.weeks()) items.add(d.toString());
            week.getItems().setAll(items);
            week.setValue(vm.weekProperty().get() == null ? ALL_WEEKS : vm.weekProperty().get().toString());
        };
        vm.weeks().addListener((ListChangeListener<LocalDate>) c -> fillWeeks.run());
        vm.weekProperty().addListener((o, a, b) -> week.setValue(b == null ? ALL_WEEKS : b.toString()));
        week.valueProperty().addListener((o, a, b) -> {
            if (b == null) return;
            LocalDate chosen = b.equals(ALL_WEEKS) ? null : LocalDate.parse(b);
            if (!Objects.equals(chosen, vm.weekProperty().get())) vm.weekProperty().set(chosen);
        });
        fillWeeks.run();
        TextField search = new TextField();
        search.setId("lineage-search");
        search.setPromptText("capture id, execution id, dataset or week");
        search.setPrefColumnCount(24);
        Button find = new Button("Find");
        find.setId("lineage-find");
        Runnable go = () -> {
            List<LineageGraph.Node> hits = vm.search(search.getText());
            found.setText(search.getText().isBlank() ? "" : hits.isEmpty() ? "No match." : hits.size() == 1 ? "1 match." : hits.size() + " matches; showing the first.");
        };
        find.setOnAction(e -> go.run());
        search.setOnAction(e -> go.run());
        found.getStyleClass().add(Styles.MUTED);
        found.setId("lineage-found");
        ToggleButton focus = new ToggleButton("Focus on selection");
        focus.setId("lineage-focus");
        focus.setTooltip(new Tooltip("Only what the selected node came from and what was made from it"));
        focus.selectedProperty().bindBidirectional(vm.focusProperty());
        Button fit = new Button("Fit", Icons.of(Icons.FIT));
        fit.setTooltip(new Tooltip("Fit the graph to the view (F)"));
        fit.setOnAction(e -> canvas.fit());
        HBox bar = new HBox(8, tier, week, search, find, found, focus, fit);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar-row");
        return bar;
    }

    LineageCanvas canvas() {
        return canvas;
    }
}
