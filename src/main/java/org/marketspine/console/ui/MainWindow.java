package org.marketspine.console.ui;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.marketspine.console.audit.BundleVerifier;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.model.HealthLevel;
import org.marketspine.console.ui.health.HealthView;
import org.marketspine.console.ui.health.HealthViewModel;
import org.marketspine.console.ui.lineage.ComplianceView;
import org.marketspine.console.ui.lineage.LineageViewModel;
import org.marketspine.console.ui.readiness.ReadinessView;
import org.marketspine.console.ui.readiness.ReadinessViewModel;

/** The workstation window: header with overall health, the three workspaces, and the connection bar. */
public final class MainWindow extends BorderPane {
    private static final PseudoClass STALE = PseudoClass.getPseudoClass(Styles.STALE);

    private final StatePublisher publisher;
    private final Clock clock;
    private final HealthViewModel health;
    private final ReadinessViewModel readinessVm;
    private final LineageViewModel lineageVm;
    private final ConnectionBar connection = new ConnectionBar();
    private final Label platform = new Label();
    private final Label chip = new Label();
    private final Label notice = new Label();
    private final Label integrity = new Label();
    private final TabPane tabs = new TabPane();
    private final FontIcon healthIcon = Icons.of(Icons.health(HealthLevel.GREEN));

    private final ConsoleRuntime runtime;
    private URI securityShownFor;
    private AboutFeedDialog about;

    public MainWindow(ConsoleRuntime runtime, StatePublisher publisher, Clock clock) {
        this.runtime = runtime;
        this.publisher = publisher;
        this.clock = clock;
        this.health = HealthViewModel.of(runtime);
        this.readinessVm = ReadinessViewModel.of(runtime);
        this.lineageVm = new LineageViewModel(runtime, runtime.publisher()::deliver, runtime::clockNow, runtime.review());
        getStyleClass().add("main-window");

        Label title = new Label("Spine Console");
        title.getStyleClass().add("app-title");
        platform.getStyleClass().add("platform");
        platform.setId("platform-name");
        chip.getStyleClass().add("health-chip");
        chip.setId("health-chip");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // Every region zone, once, searchable by typing (Etc/UTC and UTC are one choice).
        SearchableComboBox<String> zone = new SearchableComboBox<>(
                FXCollections.observableArrayList(ZoneChoices.all()));
        zone.setValue(ZoneChoices.canonical(Times.zone()));
        zone.setPrefWidth(220);
        zone.setId("display-zone");
        zone.setTooltip(new Tooltip("Time zone for displayed times (data stays in UTC)"));
        zone.valueProperty().addListener((o, a, z) -> {
            if (z == null) return; // the search field was cleared: keep the zone in use
            Times.setZone(ZoneId.of(z));
            health.invalidate();
            refresh();
        });
        Label zoneLabel = new Label("Times in");
        zoneLabel.getStyleClass().add(Styles.MUTED);
        Button openBundle = new Button("Open bundle…", Icons.of(Icons.OPEN));
        openBundle.setId("open-bundle");
        openBundle.setTooltip(new Tooltip("Review a signed audit bundle offline: it is verified first, then opened read-only in its own window"));
        openBundle.setOnAction(e -> openBundle(runtime));
        HBox header = new HBox(title, platform, grow, openBundle, zoneLabel, zone, chip);
        header.getStyleClass().add("header");
        notice.getStyleClass().add("notice");
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setWrapText(true);
        notice.setId("notice");
        notice.managedProperty().bind(notice.visibleProperty());
        // Loud and apart from any other notice: the feed's history disagrees with what it signed.
        integrity.getStyleClass().addAll("notice", Styles.INTEGRITY_NOTICE);
        integrity.setId("integrity-notice");
        integrity.setGraphic(Icons.of(Icons.INTEGRITY));
        integrity.setMaxWidth(Double.MAX_VALUE);
        Wrap.decision(integrity);
        integrity.managedProperty().bind(integrity.visibleProperty());
        integrity.setVisible(false);
        setTop(new VBox(header, integrity, new FoldedNotice(notice)));
        connection.onAbout(this::showAbout);

        HealthView healthView = new HealthView(health, DesktopNotifier.forThisDesktop());
        healthView.onShowInLineage(this::showInLineage);
        Tab healthTab = new Tab("Health", healthView);
        healthTab.setGraphic(healthIcon);
        // Built on first view and updated only while shown: the health board paints first.
        Tab readiness = new Tab("Data readiness");
        readiness.selectedProperty().addListener((o, was, selected) -> {
            if (!selected) return;
            if (readiness.getContent() == null) readiness.setContent(new ReadinessView(readinessVm));
            readinessVm.update(publisher.current());
        });
        readiness.setGraphic(Icons.of(Icons.READINESS));
        Tab lineage = new Tab("Lineage & audit");
        lineage.selectedProperty().addListener((o, was, selected) -> {
            if (!selected) return;
            if (lineage.getContent() == null) lineage.setContent(new ComplianceView(lineageVm, runtime));
            lineageVm.update(publisher.current());
        });
        lineage.setGraphic(Icons.of(Icons.LINEAGE));
        tabs.getTabs().addAll(healthTab, readiness, lineage);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("workspace");
        setCenter(tabs);
        setBottom(connection);

        publisher.snapshotProperty().addListener((o, a, s) -> {
            refresh();
            if (tabs.getSelectionModel().getSelectedIndex() == 1) readinessVm.update(s);
            if (tabs.getSelectionModel().getSelectedIndex() == 2) lineageVm.update(s);
        });
        SecondTick.whileShowing(this, this::refresh);
        refresh();
    }

    /** The header before any welcome: which feed, and whether a first attempt is still under way (never "connecting…" beside FEED LOST). */
    private String notConnected(ConsoleSnapshot s) {
        URI url = runtime.feedUrl();
        String where = url == null ? "the feed" : url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
        return ConnectionText.beforeWelcome(s, where);
    }

    private void refresh() {
        ConsoleSnapshot s = publisher.current();
        Instant now = clock.instant();
        health.update(s, now);
        connection.show(s, now);
        URI url = runtime.feedUrl();
        if (url != null && !url.equals(securityShownFor)) {
            securityShownFor = url;
            connection.transport(url);
        }
        var report = health.reportProperty().get();
        chip.setText(ConnectionText.healthChip(report.level(), s));
        Styles.switchHealth(chip, report.level());
        healthIcon.setIconCode(Icons.health(report.level()));
        platform.setText(s.welcome() == null ? notConnected(s) : s.welcome().platform() + " platform · "
                + s.welcome().user() + " (" + s.welcome().role().wire() + ")" + " · " + s.welcome().server());
        if (!Objects.equals(notice.getText(), s.notice() == null ? "" : s.notice())) notice.setText(s.notice() == null ? "" : s.notice());
        notice.setVisible(s.notice() != null);
        Styles.switchClass(notice, s.isUntrustedBundle() ? Styles.BUNDLE_UNTRUSTED_NOTICE : s.isBundle() ? Styles.BUNDLE_NOTICE
                : Styles.FEED_NOTICE, Styles.BUNDLE_NOTICE, Styles.FEED_NOTICE, Styles.BUNDLE_UNTRUSTED_NOTICE);
        String loud = ConnectionText.integrityBanner(s);
        if (loud != null && !loud.equals(integrity.getText())) integrity.setText(loud);
        integrity.setVisible(loud != null);
        // Dimmed whenever the data is not current: lost, reconnecting, or live on a feed whose source is loading or failing.
        tabs.pseudoClassStateChanged(STALE, s.isStale() && s.state().seq() > 0
                && s.connection().phase() != ConnectionState.Phase.CATCHING_UP);
    }

    /** File → Open bundle: choose, verify off the FX thread, then a new window (or the refusal). */
    private void openBundle(ConsoleRuntime runtime) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open audit bundle");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Spine audit bundle", "*.spinebundle", "*.zip"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(getScene().getWindow());
        if (f == null) return;
        Path file = f.toPath();
        Thread.ofVirtual().name("bundle-verify").start(() -> {
            var verdict = BundleOpener.verify(file);
            publisher.deliver(() -> showBundle(file, verdict, runtime.dataDir()));
        });
    }

    private void showBundle(Path file, BundleVerifier.Verdict verdict, Path dataDir) {
        Stage stage = new Stage();
        try {
            BundleOpener.Opened opened = BundleOpener.show(file, verdict, dataDir);
            Scene scene = new Scene(opened.root(), 1600, 1000);
            scene.getStylesheets().add(Styles.STYLESHEET);
            stage.setScene(scene);
            stage.setTitle(BundleOpener.title(file, verdict));
            if (opened.runtime() != null) stage.setOnHidden(e -> opened.runtime().close());
            stage.show();
        } catch (IOException | RuntimeException e) {
            notice.setText("Cannot open " + file + ": " + e.getMessage());
            notice.setVisible(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** "About this feed" (connection bar, Alt+A): the feed's identity, key and integrity, kept current while open. */
    public AboutFeedDialog showAbout() {
        if (about != null && about.isShowing()) {
            ((Stage) about.getDialogPane().getScene().getWindow()).toFront();
            return about;
        }
        about = new AboutFeedDialog(publisher, this::feedAddress);
        if (getScene() != null) {
            about.initOwner(getScene().getWindow());
            about.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
        }
        about.show();
        // Some window systems (no window manager, or no owner window) open it at a default size: never narrower than its content.
        var pane = about.getDialogPane();
        double w = pane.prefWidth(-1);
        double h = pane.prefHeight(w);
        if (about.getWidth() < w && h > 0) {
            about.setHeight(Math.max(about.getHeight(), h));
            about.setWidth(w);
        }
        return about;
    }

    private String feedAddress() {
        if (runtime.review() != null) return runtime.review().url();
        return runtime.feedUrl() == null ? null : runtime.feedUrl().toString();
    }

    public HealthViewModel health() {
        return health;
    }

    /** From a failure's impact: Lineage & audit, its graph, on that capture or run. */
    private void showInLineage(String id) {
        showWorkspace(2);
        complianceView().showTab(0);
        lineageVm.search(id);
    }

    public int selectedWorkspace() {
        return tabs.getSelectionModel().getSelectedIndex();
    }

    public void showWorkspace(int index) {
        tabs.getSelectionModel().select(index);
    }

    public ReadinessViewModel readiness() {
        return readinessVm;
    }

    /** The readiness workspace's view, built the first time its tab is shown. */
    public ReadinessView readinessView() {
        return (ReadinessView) tabs.getTabs().get(1).getContent();
    }

    /** Nothing of the shown workspace is still being computed off the FX thread (snapshots wait for this). */
    public boolean isSettled() {
        return tabs.getSelectionModel().getSelectedIndex() != 2 || lineageVm.phaseProperty().get().isSettled();
    }

    public LineageViewModel lineage() {
        return lineageVm;
    }

    /** The compliance workspace's view, built the first time its tab is shown. */
    public ComplianceView complianceView() {
        return (ComplianceView) tabs.getTabs().get(2).getContent();
    }

    public ConnectionBar connectionBar() {
        return connection;
    }
}
