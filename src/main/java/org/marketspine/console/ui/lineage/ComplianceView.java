package org.marketspine.console.ui.lineage;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.marketspine.console.model.Capture;
import org.marketspine.console.ui.ConsoleRuntime;
import org.marketspine.console.ui.Icons;
import org.marketspine.console.ui.Times;

/**
 * The compliance workspace: lineage graph, compare, audit log, retention and licensing — all of
 * them as of the instant on the timeline below, with a banner whenever that instant is the past.
 */
public final class ComplianceView extends BorderPane {
    private final LineageView lineage;
    private final AuditLogView audit;
    private final TabPane tabs = new TabPane();
    private final CompareView compare;
    private final LineageViewModel vm;

    public ComplianceView(LineageViewModel vm) {
        this(vm, null);
    }

    /** With a runtime, the workspace can export signed audit bundles. */
    public ComplianceView(LineageViewModel vm, ConsoleRuntime runtime) {
        getStyleClass().add("compliance-view");
        this.vm = vm;
        lineage = new LineageView(vm);
        compare = new CompareView(vm);
        audit = new AuditLogView(vm);
        Tab auditTab = new Tab("Audit log", audit);
        Tab retentionTab = new Tab("Retention & licensing", new RetentionView(vm));
        tabs.getTabs().addAll(new Tab("Lineage graph", lineage), new Tab("Compare", compare), auditTab, retentionTab);
        vm.auditShownProperty().bind(auditTab.selectedProperty());
        vm.retentionShownProperty().bind(retentionTab.selectedProperty());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("compliance-tabs");
        Label text = new Label();
        text.setId("past-banner-text");
        Button live = new Button("Return to live");
        live.setId("past-banner-live");
        live.setOnAction(e -> vm.goLive());
        HBox banner = new HBox(12, Icons.of(Icons.PAST), text, live);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("past-banner");
        banner.setId("past-banner");
        banner.managedProperty().bind(banner.visibleProperty());
        Runnable show = () -> {
            var t = vm.timeProperty().get();
            banner.setVisible(t != null);
            text.setText(t == null ? "" : "You are looking at the past: the platform as the journal knew it at " + Times.absolute(t)
                    + ". Nothing here is live.");
        };
        vm.timeProperty().addListener((o, a, b) -> show.run());
        show.run();
        Button export = new Button("Export bundle…", Icons.of(Icons.EXPORT));
        export.setId("export-bundle");
        export.setTooltip(new Tooltip("A signed, verifiable file of the journal for a time range, with a report"));
        export.setOnAction(e -> new ExportBundleDialog(runtime, vm).show());
        export.setVisible(runtime != null && runtime.review() == null);
        export.setManaged(export.isVisible());
        // Over the tab strip's right end, so the tabs below keep the whole width.
        StackPane centre = new StackPane(tabs, export);
        StackPane.setAlignment(export, Pos.TOP_RIGHT);
        StackPane.setMargin(export, new Insets(2, 8, 0, 0));
        export.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setCenter(centre);
        // The banner sits on the timeline that set it: when it appears only the view above shrinks; no control moves.
        setBottom(new VBox(banner, new TimelineBar(vm)));
    }

    public void showTab(int index) {
        tabs.getSelectionModel().select(index);
    }

    /**
     * Opens a named view, for snapshots and the user guide: graph, past (the week of the latest
     * revision, an hour after it, with the banner), compare (the last fourteen days), audit, retention.
     */
    public void show(String view) {
        Instant last = vm.history().lastAt();
        switch (view) {
            case "graph" -> showTab(0);
            case "past" -> {
                // The week of the latest FINRA revision, an hour after it: the original faded, the revision beside it.
                showTab(0);
                var revision = vm.head().captures().values().stream().filter(c -> c.recorded().supersedes() != null)
                        .max(Comparator.comparing(Capture::seq));
                revision.ifPresent(c -> {
                    vm.tierProperty().set(c.recorded().tier());
                    vm.weekProperty().set(c.recorded().weekEnding());
                });
                if (revision.isPresent()) vm.scrubTo(revision.get().recordedAt().plus(Duration.ofHours(1)));
                else if (last != null) vm.scrubTo(last.minus(Duration.ofDays(10)));
            }
            case "compare" -> {
                showTab(1);
                if (last != null) compare.run(last.minus(Duration.ofDays(14)), last);
            }
            case "audit" -> showTab(2);
            case "retention" -> showTab(3);
            default -> throw new IllegalArgumentException("no lineage view '" + view + "' (graph, past, compare, audit, retention)");
        }
    }

    public LineageCanvas canvas() {
        return lineage.canvas();
    }

    public void exportAudit(Path file) {
        audit.export(file);
    }
}
