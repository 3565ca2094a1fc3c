package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.bench.ScratchDirs;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.GridCell;
import org.marketspine.console.model.PartitionKey;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.protocol.Severity;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The quant's grid against the embedded demo feed, driven through the real views. */
@ExtendWith(ApplicationExtension.class)
class ReadinessGridTest {
    static final String NORMALIZED = "finra.otc_transparency.normalized";
    Stage stage;
    Path dir;
    ConsoleRuntime runtime;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = ScratchDirs.temporary("spine-grid");
        open();
    }

    private void open() throws Exception {
        runtime = new ConsoleRuntime(new LaunchOptions(null, null, false, 55, 1, dir), Clock.systemUTC());
        StatePublisher publisher = runtime.start();
        window = new MainWindow(runtime, publisher, Clock.systemUTC());
        Workstation.present(stage, window, 1800, 1000, Styles.STYLESHEET);
        window.showWorkspace(1);
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private void awaitLive() {
        awaitLive(runtime, window);
    }

    static void awaitLive(ConsoleRuntime runtime, MainWindow window) {
        HealthBoardTest.await("live with history", 30, () -> runtime.client().state().isLive() && runtime.log().headSeq() > 1000);
        HealthBoardTest.await("the grid", 5, () -> !window.readiness().rows().isEmpty());
    }

    private void inject(EventData... facts) throws Exception {
        var sink = runtime.embeddedServer().sink();
        sink.platformThread().submit(() -> {
            for (EventData d : facts) sink.emit(Instant.now(), d);
        }).get(10, TimeUnit.SECONDS);
    }

    static GridCell find(MainWindow window, Predicate<GridCell> p) {
        for (var row : window.readiness().rows()) for (GridCell c : row.cells()) if (c != null && p.test(c)) return c;
        return null;
    }

    /** Scrolls the grid to the cell and returns where it is drawn on screen. */
    static Point2D cellAt(FxRobot robot, MainWindow window, GridCell c) {
        Point2D[] at = new Point2D[1];
        robot.interact(() -> at[0] = window.readinessView().grid().reveal(c));
        assertNotNull(at[0], "no cell in the grid for " + c.key());
        return at[0];
    }

    /** What a row of labels (an id flow) shows, joined. */
    static String shownText(Parent p) {
        StringBuilder b = new StringBuilder();
        for (Node n : p.getChildrenUnmodifiable()) if (n instanceof Labeled l) b.append(l.getText());
        return b.toString();
    }

    /** The lines the grid draws for this cell, as the user reads them. */
    private List<String> shown(FxRobot robot, GridCell c) {
        List<List<String>> lines = new ArrayList<>();
        robot.interact(() -> lines.add(window.readinessView().grid().shownLines(c)));
        return lines.get(0);
    }

    @Test
    void aPreliminaryCellSaysPreliminaryInWords(FxRobot robot) throws Exception {
        awaitLive();
        GridCell preliminary = find(window, c -> c.status() == ReadinessStatus.PRELIMINARY);
        assertNotNull(preliminary, "the demo has a PRELIMINARY week");
        Point2D at = cellAt(robot, window, preliminary);
        assertEquals("PRELIMINARY", shown(robot, preliminary).get(0));
        robot.clickOn(at);
        assertEquals("PRELIMINARY", robot.lookup("#detail-badge").queryAs(Label.class).getText());
    }

    @Test
    void arrowKeysWalkTheGrid(FxRobot robot) throws Exception {
        awaitLive();
        var rows = window.readiness().rows();
        int r = 0;
        while (rows.get(r).cells().get(0) == null || rows.get(r + 1).cells().get(0) == null || rows.get(r + 1).cells().get(1) == null) r++;
        robot.clickOn(cellAt(robot, window, rows.get(r).cells().get(0)));
        String start = robot.lookup("#detail-title").queryAs(Label.class).getText();
        assertTrue(start.endsWith("week ending " + rows.get(r).week()), start);
        robot.type(KeyCode.DOWN);
        LocalDate older = rows.get(r + 1).week();
        HealthBoardTest.await("the week before", 5, () -> robot.lookup("#detail-title").queryAs(Label.class).getText().endsWith("week ending " + older));
        robot.type(KeyCode.RIGHT);
        GridCell next = rows.get(r + 1).cells().get(1);
        String expected = next.key().dataset() + " · " + next.key().tier() + " · week ending " + older;
        HealthBoardTest.await("the next dataset", 5, () -> robot.lookup("#detail-title").queryAs(Label.class).getText().equals(expected));
    }

    @Test
    void aRevisionMarksTheCellChangedAndItsDerivedCellsStale_andTheMarkSurvivesARestart(FxRobot robot) throws Exception {
        awaitLive();
        PlatformState s = runtime.log().head();
        // A certified normalized week that derived analytics consumed.
        GridCell target = find(window, c -> !c.derived() && c.status() == ReadinessStatus.CERTIFIED && !c.revised()
                && s.captures().values().stream().anyMatch(d -> d.recorded().inputs().contains(c.captureId())));
        assertNotNull(target);
        Capture old = s.capture(target.captureId());
        String revised = old.captureId() + "-rev";
        inject(new EventData.CaptureRecorded(revised, NORMALIZED, target.key().tier(), target.key().weekEnding(), org.marketspine.console.protocol.Stage.NORMALIZE,
                old.recorded().rows() + 120, old.recorded().symbols() + 4, old.recorded().executionId(), old.recorded().inputs(),
                old.captureId(), null));
        HealthBoardTest.await("the revision in the grid", 10, () -> {
            GridCell now = window.readiness().find(NORMALIZED, target.key().tier(), target.key().weekEnding());
            return now != null && revised.equals(now.captureId());
        });
        GridCell now = window.readiness().find(NORMALIZED, target.key().tier(), target.key().weekEnding());
        assertTrue(window.readiness().changed(now), "changed since last looked");
        String marks = shown(robot, now).get(2);
        assertTrue(marks.contains("CHANGED"), marks);
        GridCell derived = find(window, c -> c.derived() && c.key().tier().equals(target.key().tier()) && c.stale()
                && runtime.log().head().capture(c.captureId()).recorded().inputs().contains(old.captureId()));
        assertNotNull(derived, "a derived cell computed from the superseded capture is stale");
        String derivedMarks = shown(robot, derived).get(2);
        assertTrue(derivedMarks.contains("STALE"), derivedMarks);

        // Restart: the mark is remembered until the cell is opened.
        runtime.close();
        robot.interact(() -> {
            try {
                open();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitLive();
        GridCell after = window.readiness().find(NORMALIZED, target.key().tier(), target.key().weekEnding());
        assertTrue(window.readiness().changed(after), "CHANGED survives a restart");
        assertTrue(shown(robot, after).get(2).contains("CHANGED"), "the mark is drawn after the restart");
        robot.clickOn(cellAt(robot, window, after));
        assertFalse(window.readiness().changed(window.readiness().find(NORMALIZED, target.key().tier(), target.key().weekEnding())),
                "opening the cell clears the mark");
    }

    @Test
    void theSymbolCheckFindsASymbolMissingFromAWeek(FxRobot robot) throws Exception {
        awaitLive();
        PlatformState s = runtime.log().head();
        List<Capture> otc = s.currentCaptures().entrySet().stream()
                .filter(e -> e.getKey().dataset().equals(NORMALIZED) && e.getKey().tier().equals("OTC"))
                .sorted(Map.Entry.comparingByKey()).map(e -> s.capture(e.getValue())).toList();
        String missing = null;
        for (int i = 0; i + 1 < otc.size() && missing == null; i++) {
            var r = runtime.request(new Message.Request("t" + i, "capture_diff", null, null, null, null, null,
                    otc.get(i + 1).captureId(), otc.get(i).captureId(), null)).get(10, TimeUnit.SECONDS);
            if (r.data().path("symbols_removed").size() > 0) missing = r.data().path("symbols_removed").get(0).asText();
        }
        assertNotNull(missing, "some symbol drops out of some week");
        String symbol = missing;
        Workstation.click(robot, "#check-symbols");
        Workstation.click(robot, "#symbols-input").write(missing + ", NOSUCH", 0);
        Workstation.click(robot, "#symbols-check");
        @SuppressWarnings("unchecked")
        ListView<String> results = robot.lookup("#symbols-results").queryAs(ListView.class);
        HealthBoardTest.await("coverage results", 10, () -> results.getItems().size() == 2 && results.getItems().get(0).contains(" — "));
        String line = results.getItems().stream().filter(l -> l.startsWith(symbol)).findFirst().orElseThrow();
        assertTrue(line.contains("OTC") && line.contains("MISSING from"), line);
        assertTrue(results.getItems().stream().anyMatch(l -> l.startsWith("NOSUCH — not in any tier")));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void certifyIsRefusedWhileACriticalAnomalyIsOpenWithTheServersReason(FxRobot robot) throws Exception {
        awaitLive();
        GridCell week = find(window, c -> !c.derived() && c.status() == ReadinessStatus.CERTIFIED);
        inject(new EventData.ReadinessChanged(NORMALIZED, week.key().tier(), week.key().weekEnding(), ReadinessStatus.PRELIMINARY,
                        "re-checking", "test", week.captureId(), week.symbols(), week.expectedSymbols()),
                new EventData.AnomalyDetected("an-test-critical", Severity.CRITICAL, "completeness", NORMALIZED, week.key().tier(),
                        week.key().weekEnding(), week.captureId(), "test: rows vanished", List.of()));
        HealthBoardTest.await("the anomaly in the grid", 10, () -> {
            GridCell c = window.readiness().find(NORMALIZED, week.key().tier(), week.key().weekEnding());
            return c != null && c.openBySeverity()[0] == 1;
        });
        robot.clickOn(cellAt(robot, window, window.readiness().find(NORMALIZED, week.key().tier(), week.key().weekEnding())));
        assertTrue(robot.lookup(".check-fail").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().contains("No open critical anomaly")));
        Workstation.click(robot, "#certify");
        HealthBoardTest.await("the confirmation", 5, () -> !robot.lookup("#confirm-certify").queryAll().isEmpty());
        assertTrue(robot.lookup("#confirm-certify").queryButton().isDisabled(), "no reason, no certification");
        Workstation.click(robot, "#confirm-reason").write("checked against FINRA's totals", 0);
        Workstation.click(robot, "#confirm-certify");
        Label feedback = robot.lookup("#readiness-feedback").queryAs(Label.class);
        HealthBoardTest.await("the server's answer", 10, () -> feedback.getText().contains("refused"));
        assertTrue(feedback.getText().contains("critical_anomalies_open"), feedback.getText());
        assertTrue(feedback.getText().contains("test: rows vanished"), feedback.getText());
    }

    /** R6 on the quant's screen: once the feed is gone no card says CERTIFIED in green; it says "when last heard". */
    @Test
    void tierCardsStopClaimingSafetyWhenTheFeedIsLost(FxRobot robot) throws Exception {
        awaitLive();
        HealthBoardTest.await("a certified latest week", 5, () -> robot.lookup(".badge-certified").queryAll().stream()
                .anyMatch(n -> n.getParent() != null && n.getParent().getStyleClass().contains("latest-safe")));
        runtime.embeddedServer().close();
        HealthBoardTest.await("the cards to say not current", 10, () -> robot.lookup(".latest-safe-week").queryAllAs(Label.class).stream()
                .allMatch(l -> l.getText().startsWith("Latest safe to use when last heard")));
        assertTrue(robot.lookup(".latest-safe .badge-certified").queryAll().isEmpty(), "no green CERTIFIED on data that is not current");
    }

    @Test
    void filtersKeepOnlyWeeksSafeToUse(FxRobot robot) throws Exception {
        awaitLive();
        int all = window.readiness().rows().size();
        Workstation.click(robot, "#filter-safe");
        HealthBoardTest.await("filtered", 5, () -> window.readiness().rows().size() < all);
        for (var row : window.readiness().rows()) {
            for (GridCell c : row.cells()) assertTrue(c != null && c.safeToUse(), "unsafe cell shown: " + c);
        }
        assertFalse(window.readiness().rows().isEmpty(), "some weeks are safe");
        LocalDate any = window.readiness().rows().get(0).week();
        assertNotNull(any);
        assertNotNull(new PartitionKey(NORMALIZED, "OTC", any));
    }

    /** Issue 12, item 11: CHANGED, REVISED, STALE and "⚠ 1 critical" were the same small purple text. */
    @Test
    void aCriticalAnomalyLooksCriticalAndEachMarkIsDistinct(FxRobot robot) throws Exception {
        awaitLive();
        PlatformState s = runtime.log().head();
        GridCell target = find(window, c -> !c.derived() && c.status() == ReadinessStatus.CERTIFIED && c.openAnomalies() == 0
                && s.captures().values().stream().anyMatch(d -> d.recorded().inputs().contains(c.captureId())));
        assertNotNull(target);
        Capture old = s.capture(target.captureId());
        String revised = old.captureId() + "-rev";
        inject(new EventData.CaptureRecorded(revised, NORMALIZED, target.key().tier(), target.key().weekEnding(),
                        org.marketspine.console.protocol.Stage.NORMALIZE, old.recorded().rows() + 120, old.recorded().symbols() + 4,
                        old.recorded().executionId(), old.recorded().inputs(), old.captureId(), null),
                new EventData.AnomalyDetected("an-test-marks", Severity.CRITICAL, "completeness", NORMALIZED, target.key().tier(),
                        target.key().weekEnding(), revised, "test: rows vanished", List.of()));
        HealthBoardTest.await("the revision and the anomaly in the grid", 10, () -> {
            GridCell now = window.readiness().find(NORMALIZED, target.key().tier(), target.key().weekEnding());
            return now != null && revised.equals(now.captureId()) && now.openBySeverity()[0] == 1;
        });
        GridCell now = window.readiness().find(NORMALIZED, target.key().tier(), target.key().weekEnding());
        GridCell stale = find(window, c -> c.derived() && c.stale() && c.key().tier().equals(target.key().tier())
                && c.key().weekEnding().equals(target.key().weekEnding()));
        assertNotNull(stale, "a derived cell of that week went stale");
        Map<String, Paint> paints = new HashMap<>();
        robot.interact(() -> {
            for (GridCell c : List.of(now, stale)) {
                for (var m : window.readinessView().grid().shownMarks(c)) paints.put(m.getKey().split(" ")[m.getKey().startsWith("⚠") ? 2 : 0], m.getValue());
            }
        });
        assertEquals(Set.of("CHANGED", "REVISED", "STALE", "critical"), paints.keySet(), "the marks drawn: " + paints);
        assertEquals(4, new HashSet<>(paints.values()).size(), "each mark in its own colour: " + paints);
        Color critical = (Color) paints.get("critical");
        assertTrue(critical.getRed() > 0.7 && critical.getGreen() < 0.3 && critical.getBlue() < 0.3, "critical is red: " + critical);

        robot.clickOn(cellAt(robot, window, now));
        HealthBoardTest.await("the detail's marks", 5, () -> robot.lookup("#detail-marks .cell-mark-critical").tryQuery().isPresent());
        Label inDetail = robot.lookup("#detail-marks .cell-mark-critical").queryAs(Label.class);
        assertEquals(critical, inDetail.getTextFill(), "the detail draws critical as the grid does");
        assertNotEquals(inDetail.getTextFill(), robot.lookup("#detail-marks .cell-mark-changed").queryAs(Label.class).getTextFill());
    }

    /**
     * Issue 12, item 10: a derived cell said "computed from PRELIMINARY inputs" while the inputs it
     * listed said CERTIFIED — the list showed each partition's readiness, which after a revision is
     * about another capture than the one used — and "✓ Not blocked" repeated that reason.
     */
    @Test
    void aDerivedCellsInputsAreTheExactCapturesWithTheirOwnStatus(FxRobot robot) throws Exception {
        awaitLive();
        PlatformState s = runtime.log().head();
        GridCell derived = find(window, c -> c.derived() && c.stale() && s.capture(c.captureId()) != null);
        assertNotNull(derived, "the demo has a derived week computed from a since-revised input");
        Capture used = s.capture(derived.captureId()).recorded().inputs().stream().map(s::capture)
                .filter(c -> c != null && c.isSuperseded()).findFirst().orElseThrow();
        robot.clickOn(cellAt(robot, window, derived));
        HealthBoardTest.await("the inputs", 5, () -> !robot.lookup(".detail-input").queryAll().isEmpty());
        List<String> lines = robot.lookup(".detail-input").queryAllAs(Pane.class).stream()
                .map(ReadinessGridTest::shownText).toList();
        String line = lines.stream().filter(l -> l.startsWith(used.captureId() + " ")).findFirst().orElseThrow();
        assertEquals(used.captureId() + " — SUPERSEDED by " + used.supersededBy(), line, "the revision's CERTIFIED is not this capture's");
        String summary = robot.lookup("#detail-inputs").queryAs(Label.class).getText();
        for (String state : List.of("CERTIFIED", "PRELIMINARY", "BLOCKED", "SUPERSEDED")) {
            long listed = lines.stream().filter(l -> l.contains(" — " + state)).count();
            if (listed > 0) assertTrue(summary.contains(listed + " " + state) || summary.contains(listed + " of " + listed + " " + state),
                    summary + " vs " + lines);
        }
        String reason = robot.lookup("#detail-reason").queryAs(Label.class).getText();
        if (lines.stream().noneMatch(l -> l.contains("PRELIMINARY"))) assertFalse(reason.contains("PRELIMINARY inputs"), reason);
        Label notBlocked = robot.lookup(".check-pass").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().contains("Not blocked")).findFirst().orElseThrow();
        assertEquals("✓ Not blocked — status " + derived.badge(), notBlocked.getText());
        assertTrue(robot.lookup(".check-fail").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().startsWith("✗ Inputs certified")),
                "a superseded input keeps the inputs from counting as certified");
    }

    /** Issue 12, item 9: "latest 2026-11-13 CERTIFIED" was shown for a week that was STALE and outside the safe set. */
    @Test
    void theTierCardSaysTheLatestWeekSafeToUseAndWhatIsNewerButNot(FxRobot robot) throws Exception {
        awaitLive();
        String tier = "NMS_TIER_1";
        PlatformState s = runtime.log().head();
        // The newest derived week of the tier, and the normalized week before it that it was computed from.
        GridCell derived = find(window, c -> c.derived() && c.key().tier().equals(tier) && s.capture(c.captureId()) != null
                && s.capture(c.captureId()).recorded().inputs().contains(
                        s.currentCaptures().get(new PartitionKey(NORMALIZED, tier, c.key().weekEnding().minusWeeks(1)))));
        assertNotNull(derived);
        LocalDate week = derived.key().weekEnding();
        LocalDate before = week.minusWeeks(1);
        Capture old = s.currentCapture(new PartitionKey(NORMALIZED, tier, before));
        String revised = old.captureId() + "-rev";
        inject(new EventData.CaptureRecorded(revised, NORMALIZED, tier, before, org.marketspine.console.protocol.Stage.NORMALIZE,
                        old.recorded().rows() + 10, old.recorded().symbols(), old.recorded().executionId(), old.recorded().inputs(),
                        old.captureId(), null),
                new EventData.ReadinessChanged(NORMALIZED, tier, before, ReadinessStatus.PRELIMINARY, "FINRA revised this week",
                        "test", revised, old.recorded().symbols(), old.recorded().symbols()));
        HealthBoardTest.await("the stale week", 10, () -> {
            GridCell c = window.readiness().find(derived.key().dataset(), tier, week);
            return c != null && c.stale();
        });
        robot.interact(() -> {
            window.readiness().tierFilterProperty().set(tier);
            window.readiness().safeOnlyProperty().set(true);
        });
        // The grid may take the revision in a later publication than the one the stale mark came with: wait for the filter's answer.
        LocalDate[] first = new LocalDate[1];
        HealthBoardTest.await("the filter keeping the revised weeks out", 10, () -> {
            first[0] = window.readiness().rows().isEmpty() ? null : window.readiness().rows().get(0).week();
            return first[0] == null || first[0].isBefore(before);
        });
        LocalDate safe = first[0];
        if (safe == null) {
            assertEquals(1, robot.lookup("#summary-" + tier + " .unsafe-text").queryAll().size());
        } else {
            assertEquals("Latest safe to use: " + safe, robot.lookup("#summary-" + tier + " .latest-safe-week").queryAs(Label.class).getText());
        }
        Label newer = robot.lookup("#summary-" + tier + " .newer-unsafe").queryAs(Label.class);
        List<String> all = newer.getTooltip().getText().lines().toList();
        String weekLine = all.stream().filter(l -> l.startsWith(week + " — ")).findFirst().orElseThrow(() -> new AssertionError(all));
        assertTrue(weekLine.contains("STALE"), weekLine);
        String beforeLine = all.stream().filter(l -> l.startsWith(before + " — ")).findFirst().orElseThrow(() -> new AssertionError(all));
        assertTrue(beforeLine.contains("normalized PRELIMINARY"), beforeLine);
        assertTrue(newer.getText().startsWith("Newer, not safe: " + all.get(1)), newer.getText());
    }

    /**
     * Issue 12, item 13, at 1280×720 and 1920×1080: capture ids were clipped, upstream ids wrapped mid-token, and
     * the safe-only filter hid weeks without saying how many.
     */
}
