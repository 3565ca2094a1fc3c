package org.marketspine.console.ui.health;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;
import org.marketspine.console.model.Anomaly;
import org.marketspine.console.model.FailureItem;
import org.marketspine.console.model.HealthLevel;
import org.marketspine.console.ui.CommandConfirmation;
import org.marketspine.console.ui.DesktopNotifier;
import org.marketspine.console.ui.Icons;
import org.marketspine.console.ui.Styles;
import org.marketspine.console.ui.TimeLabel;
import org.marketspine.console.ui.Times;
import org.marketspine.console.ui.Wrap;

/**
 * The operator's board on a workstation: status and reason first, then what to act on
 * (pinned criticals, recent failures with detail and retry), then freshness and schedules.
 */
public final class HealthView extends StackPane {
    private final HealthViewModel vm;
    private final DesktopNotifier desktop;
    private final HBox banner = new HBox();
    private final FontIcon statusIcon = Icons.of(Icons.health(HealthLevel.GREEN), "status-dot");
    private final Label reason = new Label();
    private final Label staleTag = new Label();
    private final VBox criticalRows = new VBox(6);
    private final ListView<FailureItem> failures = new ListView<>();
    private final Tooltip findingsTip = new Tooltip();
    private ExecutionDetail detail;

    /** Opens Lineage & audit on a capture or run id (the main window's, which owns the workspaces). */
    public void onShowInLineage(Consumer<String> open) {
        detail.onShowInLineage(open);
    }

    public HealthView(HealthViewModel vm) {
        this(vm, DesktopNotifier.NONE);
    }

    /** @param desktop the operating system's notifications, for new criticals while the operator is in another window */
    public HealthView(HealthViewModel vm, DesktopNotifier desktop) {
        this.vm = vm;
        this.desktop = desktop;
        getStyleClass().add("health-view");
        VBox board = new VBox(12, banner(), kpis(), columns());
        board.getStyleClass().add("board");
        board.setPadding(new Insets(14));
        VBox.setVgrow(board.getChildren().get(2), Priority.ALWAYS);
        getChildren().addAll(board, loading());
        vm.reportProperty().addListener((o, a, r) -> renderStatus());
        vm.staleTextProperty().addListener((o, a, b) -> renderStatus());
        vm.criticalAnomalies().addListener((ListChangeListener<Anomaly>) c -> renderCritical());
        vm.staleProperty().addListener((o, a, b) -> renderCritical()); // Acknowledge… is only for a live board
    }

    private Region banner() {
        banner.getStyleClass().addAll("status-banner", Styles.HEALTH_GREEN);
        reason.getStyleClass().add("status-reason");
        reason.setId("health-reason");
        Wrap.decision(reason);
        HBox.setHgrow(reason, Priority.ALWAYS);
        staleTag.getStyleClass().add("stale-tag");
        staleTag.setId("stale-tag");
        staleTag.setMinWidth(Region.USE_PREF_SIZE);
        staleTag.visibleProperty().bind(vm.staleProperty());
        staleTag.managedProperty().bind(staleTag.visibleProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        banner.getChildren().addAll(statusIcon, reason, grow, staleTag);
        Tooltip.install(banner, findingsTip);
        return banner;
    }

    private void renderStatus() {
        var r = vm.reportProperty().get();
        if (r == null) return;
        Styles.switchHealth(banner, r.level());
        statusIcon.setIconCode(Icons.health(r.level()));
        reason.setText(r.reason());
        staleTag.setText(vm.staleTextProperty().get());
        StringBuilder all = new StringBuilder();
        r.findings().forEach(f -> all.append(f.level()).append(" · ").append(f.message()).append('\n'));
        findingsTip.setText(all.isEmpty() ? "No findings" : all.toString().trim());
    }

    private Region kpis() {
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button backfill = new Button("Backfill…", Icons.of(Icons.BACKFILL));
        backfill.setId("backfill");
        // A backfill is decided from current data: not from a cached or stale board (the preview would ask a feed that is not there).
        backfill.disableProperty().bind(vm.hasDataProperty().not().or(vm.staleProperty()));
        backfill.textProperty().bind(Bindings.when(vm.staleProperty().and(vm.hasDataProperty()))
                .then("Backfill… (not live)").otherwise("Backfill…"));
        if (vm.isReview()) {
            // An audit bundle under offline review is read-only: say so on the button, not at Preview.
            ReviewButtons.lock(backfill, "Backfill… (read-only review)");
            backfill.setTooltip(new Tooltip("Backfill disabled: this is an audit bundle under offline review (read-only)."));
        }
        backfill.setOnAction(e -> new BackfillDialog(vm).showAndWait());
        Label boardFeedback = new Label();
        boardFeedback.setId("board-feedback");
        boardFeedback.setWrapText(true);
        boardFeedback.textProperty().bind(vm.boardFeedbackProperty());
        boardFeedback.getStyleClass().add(Styles.FEEDBACK_OK);
        vm.boardFeedbackOkProperty().addListener((o, a, ok) -> Styles.switchClass(boardFeedback,
                ok ? Styles.FEEDBACK_OK : Styles.FEEDBACK_ERROR, Styles.FEEDBACK_OK, Styles.FEEDBACK_ERROR));
        Button runs = new Button("Runs…", Icons.of(Icons.SCHEDULE));
        runs.setId("show-runs");
        runs.setTooltip(new Tooltip("Running and queued runs, recent history, cancel"));
        runs.disableProperty().bind(vm.hasDataProperty().not());
        runs.setOnAction(e -> showRuns());
        VBox actions = new VBox(4, new HBox(8, runs, backfill), boardFeedback);
        actions.setAlignment(Pos.TOP_RIGHT);
        actions.setMaxWidth(420);
        VBox runningKpi = kpi("kpi-running", vm.runningFigureProperty(), vm.runningTextProperty(), vm.levels().runningProperty());
        runningKpi.getStyleClass().add("kpi-link");
        runningKpi.setOnMouseClicked(e -> {
            if (vm.hasDataProperty().get()) showRuns();
        });
        Tooltip.install(runningKpi, new Tooltip("Click to see what runs now, what is queued, and the recent history"));
        return new HBox(12,
                runningKpi,
                kpi("kpi-failures", vm.unresolvedFigureProperty(), Bindings.concat("unresolved failures (24 h)"),
                        vm.levels().failuresProperty()),
                kpi("kpi-anomalies", vm.anomaliesFigureProperty(), Bindings.concat("open anomalies (medium+)"),
                        vm.levels().anomaliesProperty()),
                grow, actions);
    }

    /** One runs window per board, brought to the front when asked again. */
    private Stage runsWindow;

    void showRuns() {
        if (runsWindow == null) {
            runsWindow = new Stage();
            runsWindow.setTitle("Runs — running, queued and recent");
            if (getScene() != null) runsWindow.initOwner(getScene().getWindow());
            Scene scene = new Scene(new RunsView(vm), 1100, 620);
            scene.getStylesheets().addAll(getScene() == null ? List.of(Styles.STYLESHEET) : getScene().getStylesheets());
            runsWindow.setScene(scene);
            runsWindow.setOnHidden(e -> vm.watchRuns(false));
        }
        vm.watchRuns(true);
        runsWindow.show();
        runsWindow.toFront();
    }

    /** A figure and what it counts; amber or red as {@link KpiLevels} judges it (green reads as no colour on the workstation). */
    private VBox kpi(String id, ObservableValue<String> value, ObservableValue<String> label, ObservableValue<HealthLevel> level) {
        Label v = new Label();
        v.textProperty().bind(value);
        v.getStyleClass().add("kpi-value");
        v.setId(id);
        Label l = new Label();
        l.textProperty().bind(label);
        l.getStyleClass().add("kpi-label");
        VBox box = new VBox(v, l);
        box.getStyleClass().add("kpi");
        Runnable style = () -> Styles.switchClass(box, level.getValue() == HealthLevel.RED ? "kpi-bad"
                : level.getValue() == HealthLevel.YELLOW ? "kpi-warn" : null, "kpi-warn", "kpi-bad");
        level.addListener((o, a, b) -> style.run());
        style.run();
        return box;
    }

    private Region columns() {
        failures.setId("failures");
        failures.setItems(vm.failures());
        failures.setCellFactory(l -> new FailureCell(vm::now, vm.clockProperty()));
        Label none = new Label();
        none.textProperty().bind(vm.noFailuresTextProperty());
        none.setWrapText(true);
        none.setId("failures-empty");
        none.getStyleClass().add("empty-state");
        failures.setPlaceholder(none);
        failures.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null) vm.selectedIdProperty().set(item.execution().executionId());
        });
        vm.failures().addListener((ListChangeListener<FailureItem>) c -> {
            reselect();
            notifyNewCriticals();
        });
        VBox.setVgrow(failures, Priority.ALWAYS);
        Label failuresTitle = Wrap.decision(title("Recent failures · 7 days · criticals pinned until acknowledged"));
        criticalRows.setId("critical-anomalies");
        VBox critical = card(title("Critical anomalies"), criticalRows);
        critical.visibleProperty().bind(Bindings.isNotEmpty(vm.criticalAnomalies()));
        critical.managedProperty().bind(critical.visibleProperty());
        VBox left = new VBox(12, critical, card(failuresTitle, hourFilter(), failures));
        VBox.setVgrow(left.getChildren().get(1), Priority.ALWAYS);

        detail = new ExecutionDetail(vm);
        TrendsCard trendsCard = new TrendsCard(vm.trends(), vm.staleProperty());
        VBox.setVgrow(trendsCard, Priority.ALWAYS);
        trendsCard.setMinHeight(Region.USE_PREF_SIZE);
        VBox rightCards = new VBox(12, card(title("Latest week normalized, per tier"), new FreshnessRows(vm)),
                card(title("Scheduled and overdue runs"), new ScheduleRows(vm)), trendsCard);
        // On a tall screen the trends take the height left; on a short one (1280×720) the column scrolls to them.
        ScrollPane right = new ScrollPane(rightCards);
        right.setFitToWidth(true);
        right.setFitToHeight(true);
        right.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        right.getStyleClass().add("edge-to-edge");
        SplitPane split = new SplitPane(left, detail, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.38, 0.73);
        return split;
    }

    /**
     * For each critical failure that appears while the board is open: the desktop's own notification
     * (an operator in another application sees it) and a pop-up over the board.
     */
    private void notifyNewCriticals() {
        boolean showing = getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing();
        for (FailureItem f : vm.takeNewCriticals()) {
            String title = "Critical failure: " + f.execution().pipeline();
            String error = f.execution().error().type() + ": " + f.execution().error().message();
            desktop.notify(title, error);
            if (!showing) continue;
            Notifications.create()
                    .owner(getScene().getWindow())
                    .title(title)
                    .text(error + "\n" + f.recurrence().describe())
                    .hideAfter(Duration.seconds(12))
                    .showError();
        }
    }

    private void reselect() {
        String id = vm.selectedIdProperty().get();
        if (id == null) {
            // Nothing chosen yet: show the most pressing failure (the top, pinned one) right away.
            if (!vm.failures().isEmpty()) failures.getSelectionModel().select(0);
            return;
        }
        for (int i = 0; i < vm.failures().size(); i++) {
            if (vm.failures().get(i).execution().executionId().equals(id)) {
                if (failures.getSelectionModel().getSelectedIndex() != i) failures.getSelectionModel().select(i);
                return;
            }
        }
    }

    private void renderCritical() {
        criticalRows.getChildren().clear();
        for (Anomaly a : vm.criticalAnomalies()) {
            Label text = Wrap.decision(new Label(a.detected().tier() + " · week "
                    + a.detected().weekEnding() + " · " + a.detected().message()));
            TimeLabel when = new TimeLabel();
            when.show(a.detectedAt(), vm.now());
            String blocked = vm.acknowledgeBlocked(a);
            // A disabled button shows no tooltip, so why it is disabled is in its text.
            Button ack = new Button(a.isAcknowledged() ? "Acknowledged by " + a.acknowledgedBy()
                    : blocked == null ? "Acknowledge…" : "Acknowledge… (" + blocked + ")");
            ack.setDisable(blocked != null);
            ack.setOnAction(e -> CommandConfirmation.ask("Acknowledge anomaly",
                    "Acknowledge " + a.anomalyId() + "?", "It stays open (and the week blocked) until resolved; your note is recorded.",
                    "Acknowledge", "confirm-acknowledge").ifPresent(note -> vm.acknowledgeAnomaly(a, note)));
            Label badge = new Label("CRITICAL");
            badge.getStyleClass().addAll(Styles.BADGE, Styles.BADGE_CRITICAL);
            HBox top = new HBox(8, Icons.of(Icons.PIN), badge, when, ack);
            top.setAlignment(Pos.CENTER_LEFT);
            criticalRows.getChildren().add(new VBox(4, top, text));
        }
    }

    private Region loading() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        spinner.visibleProperty().bind(vm.waitingIsProgressProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label text = new Label();
        text.setId("board-waiting");
        text.setWrapText(true);
        text.setMaxWidth(760);
        text.textProperty().bind(vm.waitingTextProperty());
        text.getStyleClass().add(Styles.MUTED);
        vm.waitingIsProgressProperty().addListener((o, a, progress) -> Styles.switchClass(text, progress ? null : "waiting-problem",
                "waiting-problem"));
        VBox box = new VBox(12, spinner, text);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("loading-state");
        // Over the board only while something is on its way; a feed that cannot be reached is said by the board itself.
        box.visibleProperty().bind(vm.hasDataProperty().not().and(vm.waitingIsProgressProperty()));
        return box;
    }

    /** Shown while the list is narrowed to an hour picked on the failures trend: which hour, and the way back to all. */
    private Region hourFilter() {
        Label which = new Label();
        which.setId("failures-hour");
        Wrap.decision(which);
        Button all = new Button("Show all");
        all.setId("failures-show-all");
        all.setOnAction(e -> vm.trends().hourProperty().set(null));
        HBox chip = new HBox(8, which, all);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("hour-filter");
        chip.visibleProperty().bind(vm.trends().hourProperty().isNotNull());
        chip.managedProperty().bind(chip.visibleProperty());
        vm.trends().hourProperty().addListener((o, a, h) -> which.setText(h == null ? ""
                : "Only failures that ended in the hour from " + Times.absolute(h)));
        return chip;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.CARD_TITLE);
        return l;
    }

    private static VBox card(Node... children) {
        VBox box = new VBox(children);
        box.getStyleClass().add(Styles.CARD);
        return box;
    }
}
