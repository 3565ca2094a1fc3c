package org.marketspine.console.ui.lineage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.stage.FileChooser;
import org.marketspine.console.model.AuditLog;
import org.marketspine.console.ui.StyleProbes;
import org.marketspine.console.ui.Styles;
import org.marketspine.console.ui.TextMeasure;
import org.marketspine.console.ui.Times;

/**
 * Every execution and every command, read-only: who, when, trigger, params, outcome. Manual
 * overrides are bold, rejections red. Filters, CSV export, and "did every scheduled run execute?".
 */
final class AuditLogView extends VBox {
    private static final String ANY = "Any ";
    private final LineageViewModel vm;
    private final TableView<AuditLog.Entry> table = new TableView<>();
    private final ComboBox<String> trigger = choice("audit-trigger", "trigger or role");
    private final ComboBox<String> what = choice("audit-what", "pipeline or command");
    private final ComboBox<String> who = choice("audit-who", "user");
    private final ComboBox<String> outcome = choice("audit-outcome", "outcome");

    /** A filter's "no filter" choice reads what it filters: "Any trigger or role". */
    private static String any(ComboBox<String> c) {
        return (String) c.getProperties().get(ANY);
    }
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Label count = new Label();
    private final Label message = new Label();
    private final ComboBox<LocalDate> verifyWeek = new ComboBox<>();
    private final ListView<String> verifyResult = new ListView<>();
    private final TableColumn<AuditLog.Entry, String> atColumn;
    /** Columns of a few words each, kept as wide as their widest value: the whole word or nothing is useful. */
    private final Map<TableColumn<AuditLog.Entry, String>, Function<AuditLog.Entry, String>> wordColumns = new LinkedHashMap<>();
    private final AuditRowDetail detail = new AuditRowDetail();
    /** The table cells' font and padding, to size the time column to its widest text. */
    private final StyleProbes probes = new StyleProbes();
    private final Label cellProbe = probes.label("table-cell");
    private final TextMeasure measure = new TextMeasure();

    AuditLogView(LineageViewModel vm) {
        this.vm = vm;
        getStyleClass().add("audit-view");
        table.setId("audit-table");
        // The theme's dense rows: at 1280×720 the log showed six rows under its filters and the timeline.
        table.getStyleClass().addAll("audit-table", Styles.DENSE);
        table.setItems(vm.audit());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Cells give the time with its offset; the zone's id is named once, in the header, so no cell cuts it off.
        atColumn = column("At", e -> InstantText.offset(e.at()), 200);
        atColumn.setCellFactory(col -> new WholeTextCell<>(e -> Times.absolute(e.at())));
        // Kind, who, trigger and outcome are a few words each ("execution", "system:scheduler", "rejected"): cut, they said
        // nothing ("exe…" at 1280×720), so they keep their widest value; what, params and reason give up the width.
        table.getColumns().addAll(List.of(
                atColumn, wordColumn("Kind", AuditLog.Entry::kind, 90), wordColumn("Who", AuditLog.Entry::who, 150),
                column("What", AuditLog.Entry::what, 280), wordColumn("Trigger / role", AuditLog.Entry::trigger, 100),
                column("Params", AuditLog.Entry::params, 240), wordColumn("Outcome", AuditLog.Entry::outcome, 90),
                column("Reason", AuditLog.Entry::reason, 300)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditLog.Entry e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().removeAll("override", "rejected");
                if (empty || e == null) return;
                if (e.isOverride()) getStyleClass().add("override");
                if (e.outcome().equals("rejected") || e.outcome().equals("failed")) getStyleClass().add("rejected");
            }
        });
        Label none = new Label("No executions or commands match these filters.");
        none.getStyleClass().add("empty-state");
        table.setPlaceholder(none);
        VBox.setVgrow(table, Priority.ALWAYS);
        from.setId("audit-from");
        to.setId("audit-to");
        from.setPromptText("from day (UTC)");
        to.setPromptText("to day (UTC)");
        from.getEditor().setPrefColumnCount(from.getPromptText().length());
        to.getEditor().setPrefColumnCount(to.getPromptText().length());
        for (var c : List.of(trigger, what, who, outcome)) c.valueProperty().addListener((o, a, b) -> applyFilter());
        from.valueProperty().addListener((o, a, b) -> applyFilter());
        to.valueProperty().addListener((o, a, b) -> applyFilter());
        Button export = new Button("Export CSV…");
        export.setId("audit-export");
        export.setTooltip(new Tooltip("The rows shown, with ISO 8601 UTC times"));
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("spine-audit-log.csv");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) export(f.toPath());
        });
        count.getStyleClass().add(Styles.MUTED);
        count.setId("audit-count");
        message.setId("audit-message");
        // At 1280×720 the filters wrap to a second line rather than cut their choices and the count.
        for (Control c : List.of(from, to, trigger, what, who, outcome, count, export)) c.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane filters = new FlowPane(8, 6, from, new Label("–"), to, trigger, what, who, outcome, count, export);
        filters.setAlignment(Pos.CENTER_LEFT);
        verifyWeek.setId("verify-week");
        verifyWeek.setPromptText("week ending");
        verifyWeek.setItems(vm.weeks());
        Button verify = new Button("Verify scheduled runs");
        verify.setId("verify-runs");
        verify.setTooltip(new Tooltip("Expected (every scheduled weekly pipeline × every tier due) vs what actually ran"));
        verify.setOnAction(e -> verify());
        verifyResult.setId("verify-result");
        verifyResult.setPrefHeight(130);
        // Only once asked: at 1280×720 every line of height goes to the table's rows.
        verifyResult.managedProperty().bind(verifyResult.visibleProperty());
        verifyResult.visibleProperty().bind(Bindings.isNotEmpty(verifyResult.getItems()));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> detail.show(e));
        HBox verifyRow = new HBox(8, new Label("Did every scheduled run execute for"), verifyWeek, verify, message);
        verifyRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(probes.group(), filters, table, detail, verifyRow, verifyResult);
        vm.audit().addListener((ListChangeListener<AuditLog.Entry>) c -> refreshChoices());
        refreshChoices();
    }

    private static ComboBox<String> choice(String id, String what) {
        ComboBox<String> c = new ComboBox<>(FXCollections.observableArrayList(ANY + what));
        c.getProperties().put(ANY, ANY + what);
        c.setValue(ANY + what);
        c.setId(id);
        c.setTooltip(new Tooltip("Filter by " + what));
        return c;
    }

    /** A column kept at least as wide as its widest value (see {@link #refreshChoices}). */
    private TableColumn<AuditLog.Entry, String> wordColumn(String title, Function<AuditLog.Entry, String> value, double width) {
        TableColumn<AuditLog.Entry, String> c = column(title, value, width);
        wordColumns.put(c, value);
        return c;
    }

    private static TableColumn<AuditLog.Entry, String> column(String title, Function<AuditLog.Entry, String> value, double width) {
        TableColumn<AuditLog.Entry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new WholeTextCell<>(value));
        return c;
    }

    private void applyFilter() {
        Instant f = from.getValue() == null ? null : from.getValue().atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant t = to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1);
        vm.auditFilterProperty().set(new AuditLog.Filter(f, t, pick(trigger), pick(what), pick(who), pick(outcome)));
    }

    private static String pick(ComboBox<String> c) {
        return c.getValue() == null || c.getValue().equals(any(c)) ? null : c.getValue();
    }

    /** Choices come from the whole log at the instant shown, so a filter never hides its own options. */
    private void refreshChoices() {
        List<AuditLog.Entry> all = vm.auditUnfiltered();
        fill(trigger, all, AuditLog.Entry::trigger);
        fill(what, all, AuditLog.Entry::what);
        fill(who, all, AuditLog.Entry::who);
        fill(outcome, all, AuditLog.Entry::outcome);
        count.setText(vm.audit().size() + " of " + all.size() + " entries");
        atColumn.setText("At (" + Times.shortZone(Times.zone()) + ")");
        // Measured bold: a manual override's row is bold, and its time was the one cut ("2026-12-04T15:42…").
        double widest = 0;
        for (AuditLog.Entry e : vm.audit()) widest = Math.max(widest, measure.width(InstantText.offset(e.at()), bold()));
        atColumn.setMinWidth(Math.max(headerWidth(atColumn.getText()), widest + spare()));
        // Cells carry their whole text in a tooltip, a header cannot: each column is at least as wide as its title
        // ("Trigger / role" was cut to "Trigger …" at 1280×720).
        for (TableColumn<AuditLog.Entry, ?> c : table.getColumns()) if (c != atColumn) c.setMinWidth(headerWidth(c.getText()));
        wordColumns.forEach((c, value) -> {
            double widestWord = 0;
            for (String word : all.stream().map(value).distinct().toList()) widestWord = Math.max(widestWord, measure.width(word, bold()));
            c.setMinWidth(Math.max(c.getMinWidth(), widestWord + spare()));
        });
    }

    /**
     * Padding plus two em spare: the header's sort arrow, the grid lines, and the theme's cell padding,
     * which the probe (a label outside any table) does not get (one em was not enough: "Outco…").
     */
    private double spare() {
        return cellProbe.getInsets().getLeft() + cellProbe.getInsets().getRight() + 2 * cellProbe.getFont().getSize();
    }

    private Font bold() {
        Font f = cellProbe.getFont();
        return Font.font(f.getFamily(), FontWeight.BOLD, f.getSize());
    }

    /** A column title's width in the cells' font, measured bold (headers may be, and bold is the wider). */
    private double headerWidth(String title) {
        return measure.width(title, bold()) + spare();
    }

    private static void fill(ComboBox<String> c, List<AuditLog.Entry> all, Function<AuditLog.Entry, String> f) {
        TreeSet<String> values = new TreeSet<>();
        for (AuditLog.Entry e : all) values.add(f.apply(e));
        List<String> items = new ArrayList<>(List.of(any(c)));
        items.addAll(values);
        if (!c.getItems().equals(items)) {
            String keep = c.getValue();
            c.getItems().setAll(items);
            c.setValue(items.contains(keep) ? keep : any(c));
        }
    }

    /** Writes the rows shown; the button's file chooser calls this. */
    void export(Path file) {
        try {
            vm.exportCsv(file);
            message.setText("Exported " + vm.audit().size() + " rows to " + file);
            message.getStyleClass().setAll("label", "feedback-ok");
        } catch (IOException ex) {
            message.setText("Could not write " + file + ": " + ex.getMessage());
            message.getStyleClass().setAll("label", "feedback-error");
        }
    }

    private void verify() {
        LocalDate w = verifyWeek.getValue();
        if (w == null) {
            verifyResult.getItems().setAll("Choose a week ending first.");
            return;
        }
        List<AuditLog.ScheduledRun> runs = vm.verifyWeek(w);
        long missing = runs.stream().filter(r -> !r.ran()).count();
        List<String> lines = new ArrayList<>();
        lines.add(runs.isEmpty() ? "Nothing was due for the week ending " + w + " at the instant shown."
                : missing == 0 ? "All " + runs.size() + " expected runs for the week ending " + w + " succeeded."
                : missing + " of " + runs.size() + " expected runs for the week ending " + w + " did NOT succeed:");
        for (AuditLog.ScheduledRun r : runs) lines.add((r.ran() ? "✓ " : "✗ ") + r.pipeline() + " · " + r.tier() + " — " + r.how());
        verifyResult.getItems().setAll(lines);
    }

    TableView<AuditLog.Entry> table() {
        return table;
    }
}
