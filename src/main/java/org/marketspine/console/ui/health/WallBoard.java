package org.marketspine.console.ui.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import org.kordamp.ikonli.javafx.FontIcon;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.model.FailureImpact;
import org.marketspine.console.model.FailureItem;
import org.marketspine.console.model.HealthLevel;
import org.marketspine.console.model.HealthReport;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.TierFreshness;
import org.marketspine.console.model.Trends;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.ui.ConnectionText;
import org.marketspine.console.ui.ConsoleSnapshot;
import org.marketspine.console.ui.Icons;
import org.marketspine.console.ui.SecondTick;
import org.marketspine.console.ui.ShortName;
import org.marketspine.console.ui.StatePublisher;
import org.marketspine.console.ui.Styles;
import org.marketspine.console.ui.Times;

/**
 * The health board for a TV nobody touches: no controls, large type, a clock with its zone, and
 * when the feed is lost the whole board dims under a banner that says since when and how stale.
 * It never shows a stale green: the status is dimmed and labelled the moment the feed is not live.
 */
public final class WallBoard extends StackPane {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy");

    private final StatePublisher publisher;
    private final Clock clock;
    private final HealthViewModel vm = HealthViewModel.forWall();
    private final Label platform = new Label();
    private final Label clockLabel = new Label();
    private final Label date = new Label();
    private final HBox status = new HBox();
    private final Label level = new Label();
    private final Label reason = new Label();
    private final Kpi running = new Kpi("RUNNING NOW", "wall-kpi-running");
    private final Kpi failures = new Kpi("UNRESOLVED FAILURES · 24 H", "wall-kpi-failures");
    private final Kpi anomalies = new Kpi("OPEN ANOMALIES", "wall-kpi-anomalies");
    private final VBox freshness = new VBox(10);
    private final VBox recent = new VBox(8);
    private final Label connection = new Label();
    private final VBox content;
    private final VBox lostBanner = new VBox();
    private final Region veil = new Region();
    private final Label lostTitle = new Label("FEED LOST");
    private final Label lostDetail = new Label();
    private final WallTrend failuresTrend = new WallTrend("FAILURES", "wall-trend-failures", "failures-trend");
    private final WallTrend queueTrend = new WallTrend("QUEUE", "wall-trend-queue", "queue-trend");

    public WallBoard(StatePublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
        getStyleClass().add("wall");
        Label title = new Label("MARKET SPINE");
        title.getStyleClass().add("wall-title");
        platform.getStyleClass().add("wall-platform");
        clockLabel.getStyleClass().add("wall-clock");
        clockLabel.setId("wall-clock");
        date.getStyleClass().add("wall-date");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        VBox clockBox = new VBox(clockLabel, date);
        clockBox.setAlignment(Pos.CENTER_RIGHT);
        HBox top = new HBox(20, new VBox(title, platform), grow, clockBox);

        status.getStyleClass().addAll("wall-status", Styles.HEALTH_GREEN);
        level.getStyleClass().add("wall-level");
        level.setId("wall-level");
        reason.getStyleClass().add("wall-reason");
        reason.setId("wall-reason");
        reason.setWrapText(true);
        reason.setMinHeight(Region.USE_PREF_SIZE);
        status.getChildren().addAll(Icons.of(Icons.health(HealthLevel.GREEN)), new VBox(4, level, reason));

        HBox tiles = new HBox(24, running, failures, anomalies);
        for (Kpi k : new Kpi[] {running, failures, anomalies}) HBox.setHgrow(k, Priority.ALWAYS);

        // Is it getting worse? Two trends across the bottom, their titles and figures in wall-sized type. They
        // take the height left: with many rows needing attention they shrink (clipped), never the line below them.
        HBox band = new HBox(24, failuresTrend, queueTrend);
        band.setId("wall-trends");
        HBox.setHgrow(failuresTrend, Priority.ALWAYS);
        HBox.setHgrow(queueTrend, Priority.ALWAYS);
        band.setMinHeight(0);
        Rectangle bandClip = new Rectangle();
        bandClip.widthProperty().bind(band.widthProperty());
        bandClip.heightProperty().bind(band.heightProperty());
        band.setClip(bandClip);
        VBox freshCol = new VBox(12, section("LATEST WEEK NORMALIZED"), freshness);
        VBox failCol = new VBox(12, section("NEEDS ATTENTION"), recent);
        // The freshness rows take what they need; the rows needing attention, whose lines are long, the rest (a fixed
        // 820 px for three short rows wrapped or cut them at 1920: "· 1 h 3…").
        freshCol.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(failCol, Priority.ALWAYS);
        failCol.setMinWidth(0);
        HBox lower = new HBox(40, freshCol, failCol);
        connection.getStyleClass().add("wall-connection");
        connection.setId("wall-connection");
        connection.setWrapText(true);
        connection.setMinHeight(Region.USE_PREF_SIZE);
        // What the feed said is dimmed when it is not current; the line saying so never is.
        content = new VBox(26, top, status, tiles, lower, band);
        VBox.setVgrow(band, Priority.ALWAYS);
        content.getStyleClass().add("wall-board-part");
        // Dimmed under a veil of the background colour, not with opacity: the same pixels, but opacity
        // on a group first renders it into an offscreen image — with software rendering (a wall PC
        // without a GPU) a full-screen buffer, 14 MB of heap kept from the first loss of the feed on (P10).
        veil.getStyleClass().add("wall-veil");
        veil.setId("wall-veil");
        veil.setMouseTransparent(true);
        veil.setVisible(false);
        StackPane dimmable = new StackPane(content, veil);
        VBox.setVgrow(dimmable, Priority.ALWAYS);
        VBox page = new VBox(dimmable, connection);
        page.getStyleClass().add("wall-content");

        lostTitle.getStyleClass().add("lost-title");
        lostDetail.getStyleClass().add("lost-detail");
        lostDetail.setId("wall-lost-detail");
        lostTitle.setId("wall-lost-title");
        lostDetail.setWrapText(true);
        lostDetail.setMinHeight(Region.USE_PREF_SIZE); // two lines when it must, never "…"
        lostBanner.getStyleClass().add("wall-lost-banner");
        lostBanner.setId("wall-lost-banner");
        lostBanner.getChildren().addAll(lostTitle, lostDetail);
        lostBanner.setVisible(false);
        getChildren().add(scaledToFit(new StackPane(page, lostBanner)));
        setFocusTraversable(false);

        publisher.snapshotProperty().addListener((o, a, s) -> refresh());
        SecondTick.whileShowing(this, this::refresh);
        refresh();
    }

    /** The size the wall is laid out for; a smaller screen (1280×720) shows the same board, scaled, never cut. */
    static final double DESIGN_WIDTH = 1920;
    static final double DESIGN_HEIGHT = 1080;

    private Group scaledToFit(StackPane board) {
        board.setMinSize(DESIGN_WIDTH, DESIGN_HEIGHT);
        board.setPrefSize(DESIGN_WIDTH, DESIGN_HEIGHT);
        board.setMaxSize(DESIGN_WIDTH, DESIGN_HEIGHT);
        Scale scale = new Scale(1, 1, 0, 0);
        board.getTransforms().add(scale);
        Runnable fit = () -> {
            double k = Math.min(getWidth() / DESIGN_WIDTH, getHeight() / DESIGN_HEIGHT);
            if (k > 0) {
                scale.setX(k);
                scale.setY(k);
            }
        };
        widthProperty().addListener((o, a, b) -> fit.run());
        heightProperty().addListener((o, a, b) -> fit.run());
        return new Group(board);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("wall-section");
        return l;
    }

    private void refresh() {
        ConsoleSnapshot s = publisher.current();
        Instant now = clock.instant();
        vm.update(s, now);
        clockLabel.setText(CLOCK.format(now.atZone(Times.zone())) + " " + Times.shortZone(Times.zone()));
        date.setText(DATE.format(now.atZone(Times.zone())));
        platform.setText(s.welcome() != null ? s.welcome().platform() + " platform"
                : ConnectionText.beforeWelcome(s, "the feed"));
        var report = vm.reportProperty().get();
        boolean live = s.connection().isLive();
        Styles.switchHealth(status, report.level());
        ((FontIcon) status.getChildren().get(0)).setIconCode(Icons.health(report.level()));
        // Never heard from: no level at all, not a yellow "warning" about data that does not exist.
        boolean never = s.state().seq() == 0;
        level.setText((never ? "HEALTH UNKNOWN" : switch (report.level()) {
            case GREEN -> "ALL SYSTEMS HEALTHY";
            case YELLOW -> "WARNING";
            case RED -> "CRITICAL";
        }) + (s.isCurrent() ? "" : live ? " · NOT CURRENT" : " · NOT LIVE"));
        reason.setText(reasonText(report, s.isCurrent()));
        int run = vm.runningProperty().get();
        int unresolvedNow = vm.unresolvedProperty().get();
        int open = vm.openAnomaliesProperty().get();
        // Figures keep their colours only on current data: a lost feed's "0 failures" is not a green.
        boolean current = s.isCurrent();
        String stale = never ? NO_DATA : "when last heard";
        KpiLevels levels = vm.levels();
        running.show(vm.runningFigureProperty().get(), current ? levels.runningProperty().get() : null,
                current ? (run > 0 ? "deploy with care" : "safe to deploy") : never ? NO_DATA : "when last heard — not current");
        failures.show(vm.unresolvedFigureProperty().get(), current ? levels.failuresProperty().get() : null,
                !current ? stale : unresolvedNow == 0 ? "all clear" : "retry or escalate");
        boolean critical = !vm.criticalAnomalies().isEmpty();
        anomalies.show(vm.anomaliesFigureProperty().get(), current ? levels.anomaliesProperty().get() : null,
                !current ? stale : open == 0 ? "quality checks pass" : critical ? "a critical one among them" : "medium or worse, to review");
        renderFreshness(current, never);
        renderTrends(current, never);
        renderRecent(now, current, never);
        connection.setText(ConnectionText.of(s, now).text());
        Styles.switchClass(connection, current ? null : "wall-connection-problem", "wall-connection-problem");

        boolean lost = s.connection().phase() == ConnectionState.Phase.LOST || s.connection().phase() == ConnectionState.Phase.REFUSED
                || s.connection().phase() == ConnectionState.Phase.CLOSED;
        boolean dim = lost || (s.fromCache() && !live);
        veil.setVisible(dim);
        lostBanner.setVisible(dim);
        if (dim) {
            Instant since = s.connection().lostSince() != null ? s.connection().lostSince() : s.lastHeard();
            String age = since == null ? null : Times.span(Duration.between(since, now));
            lostTitle.setText(!lost ? "NOT LIVE YET" : s.connection().lostSince() == null ? "CANNOT REACH THE FEED" : "FEED LOST");
            lostDetail.setText((since == null ? (s.fromCache() ? "Not reached since this screen started · showing the copy cached before"
                    : "No contact with the feed yet") : "since " + Times.clock(since) + " · data is "
                    + (age == null ? "a moment" : age) + " old") + " · reconnecting automatically");
        }
    }

    /** The wall's one reason line. On data that is not current the honest reason stands alone: its findings may be empty (it was green). */
    static String reasonText(HealthReport report, boolean current) {
        if (report.level() == HealthLevel.GREEN) return "No failures, fresh data, schedules on track.";
        if (!current || report.findings().isEmpty()) return report.reason();
        return capitalize(report.findings().get(0).message())
                + (report.findings().size() > 1 ? "  (+" + (report.findings().size() - 1) + " more)" : "");
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final String NO_DATA = "no data from the feed yet";

    /** Per tier; on data that is not current no tick is green: the row greys out and says "when last heard" (or "unknown"). */
    private void renderFreshness(boolean current, boolean never) {
        freshness.getChildren().clear();
        for (TierFreshness f : vm.freshness()) {
            Label tier = new Label(f.tier().replace('_', ' '));
            tier.getStyleClass().add("tier");
            Label week = new Label(f.hasData() ? f.latestWeek().toString() : "no data");
            String judged = f.level() == HealthLevel.GREEN ? "current" : "overdue " + Times.span(f.overdue());
            Label state = new Label(never ? "unknown" : current ? judged : judged + " when last heard");
            for (Label l : new Label[] {tier, week, state}) l.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(current ? Icons.of(Icons.health(f.level())) : Icons.of(Icons.UNKNOWN), tier, week, state);
            row.getStyleClass().addAll("wall-row", current ? Styles.health(f.level()) : "wall-row-unknown");
            row.setId("wall-fresh-" + f.tier());
            freshness.getChildren().add(row);
        }
    }

    /** The two trends; with no data they claim nothing ("—"), on data that is not current they say so. */
    private void renderTrends(boolean current, boolean never) {
        Trends t = vm.trends().trendsProperty().get();
        if (never || t == null) {
            failuresTrend.show("—", NO_DATA);
            queueTrend.show("—", NO_DATA);
            return;
        }
        String asOf = current ? "" : " · when last heard";
        failuresTrend.show(t.failuresLast24h() + " in 24 h", "per hour over 7 days · " + t.failuresPrevious24h() + " the day before" + asOf);
        failuresTrend.chart.bars(t.transientFailures(), t.systemicFailures(), i -> "");
        queueTrend.show(t.queueDepth()[Trends.HOURS - 1] + " queued", "at each hour's end, 7 days" + asOf);
        queueTrend.chart.bars(t.queueDepth(), null, i -> "");
    }

    static final int ATTENTION_ROWS = 5;

    /** Critical anomalies, then unresolved failures with tier and week; what does not fit is counted, never dropped silently. */
    private void renderRecent(Instant now, boolean current, boolean never) {
        recent.getChildren().clear();
        List<Node> rows = new ArrayList<>();
        for (var a : vm.criticalAnomalies()) {
            rows.add(line(HealthLevel.RED, "Critical anomaly · " + a.detected().tier() + " " + a.detected().weekEnding(),
                    a.detected().message()));
        }
        PlatformState state = publisher.current().state();
        for (FailureItem f : vm.failures()) {
            if (f.resolved()) continue;
            var x = f.execution();
            String impact = rows.size() < ATTENTION_ROWS ? FailureImpact.brief(FailureImpact.of(state, x)) : null;
            rows.add(line(f.critical() ? HealthLevel.RED : HealthLevel.YELLOW,
                    // Read from across the room, with no pointer to hover: short names, and no "unknown" class, so that the age
                    // and the recurrence are not the words cut off (at 1920 a spine-core failure's line ended "· 1 h 3…").
                    ShortName.of(x.pipeline()) + (x.tier() == null ? "" : " · " + x.tier() + " " + x.weekEnding()) + " · "
                            + Times.relative(x.endedAt(), now),
                    (x.error().classification() == Classification.UNKNOWN ? "" : x.error().classification().name().toLowerCase() + " · ")
                            + x.error().type() + " · " + f.recurrence().describe()
                            + (impact == null ? "" : " · " + impact)));
        }
        int fit = rows.size() > ATTENTION_ROWS ? ATTENTION_ROWS - 1 : rows.size();
        recent.getChildren().addAll(rows.subList(0, fit));
        if (rows.size() > fit) {
            Label more = new Label("+" + (rows.size() - fit) + " more need attention — see the console");
            more.getStyleClass().add("wall-more");
            more.setId("wall-more");
            recent.getChildren().add(more);
        }
        if (recent.getChildren().isEmpty()) {
            Node none = never ? line(null, "Unknown", "failures and anomalies are unknown until the feed answers")
                    : line(HealthLevel.GREEN, current ? "Nothing needs attention" : "Nothing needed attention when last heard",
                    current ? "no unresolved failures, no critical anomalies" : "not current: this may have changed");
            if (!current) Styles.switchClass(none, "wall-row-unknown", Styles.HEALTH_GREEN, "wall-row-unknown");
            recent.getChildren().add(none);
        }
    }

    /** A row of "needs attention"; a null level is "unknown" (no data to judge by). */
    private static Node line(HealthLevel level, String head, String detail) {
        // Wrapped where the board has height to spare, cut otherwise: five rows that all wrapped pushed the clock and
        // the connection line off a 1280×720 wall.
        Label h = new Label(head);
        Label d = new Label(detail);
        d.getStyleClass().add("wall-muted");
        d.setWrapText(true);
        h.setWrapText(true);
        HBox row = new HBox(14, Icons.of(level == null ? Icons.UNKNOWN : Icons.health(level)), new VBox(2, h, d));
        row.getStyleClass().addAll("wall-row", "wall-failure", level == null ? "wall-row-unknown" : Styles.health(level));
        return row;
    }

    /** A key figure in wall-sized type: value, what it counts, and what it means now. */
    private static final class Kpi extends VBox {
        private final Label value = new Label("0");
        private final Label hint = new Label();

        Kpi(String title, String id) {
            Label t = new Label(title);
            t.getStyleClass().add("wall-kpi-title");
            value.getStyleClass().add("wall-kpi-value");
            value.setId(id);
            hint.getStyleClass().add("wall-kpi-hint");
            getChildren().addAll(t, value, hint);
            getStyleClass().add("wall-kpi");
            setPrefWidth(0);
            setMaxWidth(Double.MAX_VALUE);
        }

        void show(String figure, HealthLevel level, String meaning) {
            value.setText(figure);
            hint.setText(meaning);
            Styles.switchHealth(this, level);
        }
    }
}
