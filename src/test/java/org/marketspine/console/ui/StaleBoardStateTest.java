package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.feed.client.ConnectionState.Phase;
import org.marketspine.console.model.BackfillPlan;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.protocol.Trigger;
import org.marketspine.console.testing.MutableClock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12 item 5, on the real board over a scripted feed and a clock the test moves: failures of
 * the same second read the same age in list order and keep ticking together; Retry is enabled as
 * soon as the feed is live and current again, with no new event; an open detail follows a change
 * of the display zone made in the header's picker.
 */
@ExtendWith(ApplicationExtension.class)
class StaleBoardStateTest {
    static final Instant T0 = Instant.parse("2026-11-30T13:00:00Z");
    private static final Preferences PREFS = Preferences.userNodeForPackage(Times.class);
    private final String zoneBefore = PREFS.get("display.zone", null);
    final MutableClock clock = new MutableClock(T0);
    ScriptedFeed feed;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Times.setZone(ZoneId.of("UTC"));
        feed = new ScriptedFeed(clock);
        // Two failures of the same second (13:00:00.100 and .400), on two partitions.
        fail("ex-a", "OTC", T0.plusMillis(100));
        fail("ex-b", "NMS_TIER_1", T0.plusMillis(400));
        window = feed.show(stage, 1280, 720);
    }

    @AfterEach
    void restoreZone() {
        // The display zone is a user preference: leave it as it was found.
        if (zoneBefore == null) PREFS.remove("display.zone");
        else PREFS.put("display.zone", zoneBefore);
    }

    private void fail(String id, String tier, Instant at) {
        var p = BackfillPlan.params(LocalDate.of(2026, 11, 20), tier);
        feed.append(at.minusSeconds(30), new EventData.ExecutionQueued(id, HealthBoardTest.INGEST, p, Trigger.SCHEDULED, "system:scheduler", null),
                new EventData.ExecutionStarted(id, HealthBoardTest.INGEST, p, Trigger.SCHEDULED, "system:scheduler", null, 1));
        feed.append(at, new EventData.ExecutionFailed(id, 30_000, new EventData.ErrorDetail("HTTPError", "HTTP 503 (" + id + ")",
                Classification.TRANSIENT)));
    }

    /** The failure list as drawn, top to bottom: "execution id: age". */
    private List<String> drawnAges(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            ListView<?> list = robot.lookup("#failures").queryAs(ListView.class);
            return list.lookupAll(".list-cell").stream()
                    .filter(n -> n.getId() != null && n.getId().startsWith("failure-") && n.isVisible())
                    .sorted(Comparator.comparingDouble(n -> n.localToScene(0, 0).getY()))
                    .map(n -> n.getId().substring("failure-".length()) + ": " + ((Label) n.lookup(".time-label")).getText())
                    .toList();
        }).get(5, TimeUnit.SECONDS);
    }

    private List<String> drawnAgesUnchecked(FxRobot robot) {
        try {
            return drawnAges(robot);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the failure list", e);
        }
    }

    @Test
    void failuresOfTheSameSecondReadTheSameAgeInOrderAndTickTogether(FxRobot robot) throws Exception {
        robot.interact(() -> feed.connection(Phase.LIVE, SourceState.CURRENT));
        clock.advance(Duration.ofMillis(26_500));
        // The newest first, both read off the same tick: never "26 s ago" above "2 s ago".
        HealthBoardTest.await("both failures at the same age", 5,
                () -> drawnAgesUnchecked(robot).equals(List.of("ex-b: 26 s ago", "ex-a: 26 s ago")));
        clock.advance(Duration.ofSeconds(9));
        HealthBoardTest.await("both re-read on the next tick, with no event", 5,
                () -> drawnAgesUnchecked(robot).equals(List.of("ex-b: 35 s ago", "ex-a: 35 s ago")));
    }

    @Test
    void retryIsEnabledOnceTheFeedIsLiveAndCurrentAgainWithNoNewEvent(FxRobot robot) throws Exception {
        robot.interact(() -> feed.connection(Phase.RECONNECTING, SourceState.CURRENT));
        HealthBoardTest.showFailure(robot, "ex-a", 5);
        Workstation.click(robot, "#failure-ex-a");
        Button retry = robot.lookup("#retry").queryButton();
        Label blocked = robot.lookup("#retry-blocked").queryAs(Label.class);
        HealthBoardTest.await("retry blocked while not live", 5, () -> retry.isDisabled()
                && "Retry disabled: the feed is not live.".equals(blocked.getText()));
        Button backfill = robot.lookup("#backfill").queryButton();
        assertTrue(backfill.isDisabled(), "no backfill decided from a board that is not current");
        assertEquals("Backfill… (not live)", backfill.getText());
        assertEquals("Failures per hour · 7 days: 2 in the last 24 h (up from 0 the day before) — when last heard, not current",
                robot.lookup("#trend-failures-summary").queryAs(Label.class).getText());
        Label lagSummary = robot.lookup("#trend-lag-summary").queryAs(Label.class);
        assertTrue(lagSummary.getText().contains("when last heard — not current"), "the lag legend's figures are not today's: "
                + lagSummary.getText());

        // The connection comes back; the state is the very same (no event), and the board's clock does not move.
        robot.interact(() -> feed.connection(Phase.LIVE, SourceState.CURRENT));
        HealthBoardTest.await("retry enabled as soon as the bar says Live", 5, () -> !retry.isDisabled() && !blocked.isVisible());
        assertFalse(backfill.isDisabled());
        assertEquals("Backfill…", backfill.getText());
        HealthBoardTest.await("the lag legend current again", 5, () -> lagSummary.getText().endsWith("(days overdue, now):"));
        assertTrue(robot.lookup("#connection-text").queryAs(Label.class).getText().startsWith("Live"),
                robot.lookup("#connection-text").queryAs(Label.class).getText());
        assertNull(blocked.getText());
    }

    @Test
    void anOpenDetailFollowsTheZoneChosenInTheHeader(FxRobot robot) throws Exception {
        robot.interact(() -> feed.connection(Phase.LIVE, SourceState.CURRENT));
        HealthBoardTest.showFailure(robot, "ex-a", 5);
        Workstation.click(robot, "#failure-ex-a");
        HealthBoardTest.await("the detail in UTC", 5, () -> detailTimes(robot).contains("2026-11-30T13:00:00Z (UTC) · ran 30.0 s"));

        @SuppressWarnings("unchecked")
        var zone = (SearchableComboBox<String>) robot.lookup("#display-zone").query();
        robot.interact(() -> zone.setValue("Asia/Tokyo"));
        HealthBoardTest.await("the open detail in the new zone", 5,
                () -> detailTimes(robot).contains("2026-11-30T22:00:00+09:00 (Asia/Tokyo) · ran 30.0 s"));
        assertFalse(detailTimes(robot).stream().anyMatch(t -> t.contains("(UTC)")), detailTimes(robot).toString());
    }

    private static List<String> detailTimes(FxRobot robot) {
        return robot.lookup(".detail-grid .value").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
