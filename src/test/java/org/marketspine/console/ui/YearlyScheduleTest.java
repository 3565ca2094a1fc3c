package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.feed.client.ConnectionState.Phase;
import org.marketspine.console.model.BackfillPlan;
import org.marketspine.console.model.FinraCalendar;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.protocol.Stage;
import org.marketspine.console.protocol.Trigger;
import org.marketspine.console.testing.MutableClock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12 item 6, on the real board and audit log over a scripted feed: a yearly
 * exchange-calendar load is judged by its own cadence. Its missed run is overdue until the next
 * yearly load, whatever partition that load carries — not "OVERDUE" for a weekly partition it
 * never owed — and "Verify scheduled runs" does not count it as missing for each week and tier.
 */
@ExtendWith(ApplicationExtension.class)
class YearlyScheduleTest {
    static final String CAL = "reference.exchange_calendar.ingest";
    static final Instant NOW = Instant.parse("2026-11-30T13:00:00Z");
    /** A week whose three FINRA files were all due weeks ago, and all ingested. */
    static final LocalDate WEEK = FinraCalendar.expectedLatestWeek(FinraCalendar.OTC, NOW).minusWeeks(3);
    final MutableClock clock = new MutableClock(NOW);
    ScriptedFeed feed;
    MainWindow window;

    @Start
    void start(javafx.stage.Stage stage) throws Exception {
        feed = new ScriptedFeed(clock);
        Instant start = NOW.minus(Duration.ofDays(60));
        feed.append(start, new EventData.PipelineDeclared(CAL, "reference", Stage.INGEST, List.of("xnys.holidays"),
                        List.of("reference.calendar"), new EventData.Schedule("0 6 2 1 *", "UTC", 24)),
                new EventData.PipelineDeclared(HealthBoardTest.INGEST, "finra", Stage.INGEST, List.of("src"), List.of("raw"),
                        new EventData.Schedule("0 14 * * MON", "UTC", 6)));
        // The calendar load ran once, with a week-shaped partition, as the demo's does.
        run("ex-cal", CAL, Map.of("week_ending", WEEK.toString(), "tier", "XNYS"), start, Trigger.SCHEDULED);
        for (String tier : FinraCalendar.TIERS) {
            run("ex-" + tier, HealthBoardTest.INGEST, BackfillPlan.params(WEEK, tier), FinraCalendar.dueAt(tier, WEEK), Trigger.SCHEDULED);
        }
        // The scheduler skipped a calendar load two hours ago; the feed reports it with the week it happened in.
        feed.append(NOW.minus(Duration.ofHours(1)), new EventData.ScheduleMissed(CAL, NOW.minus(Duration.ofHours(2)),
                new EventData.Partition(FinraCalendar.weekEndingOf(NOW.atZone(ZoneOffset.UTC).toLocalDate()), "XNYS")));
        feed.connection(Phase.LIVE, SourceState.CURRENT);
        window = feed.show(stage, 1280, 720);
    }

    private void run(String id, String pipeline, Map<String, Object> params, Instant at, Trigger trigger) {
        String by = trigger == Trigger.SCHEDULED ? "system:scheduler" : "alice";
        feed.append(at, new EventData.ExecutionQueued(id, pipeline, params, trigger, by, null),
                new EventData.ExecutionStarted(id, pipeline, params, trigger, by, null, 1));
        feed.append(at.plusSeconds(5), new EventData.ExecutionCompleted(id, 10, 5000, List.of()));
    }

    private static List<String> scheduleRows(FxRobot robot) {
        return robot.lookup("#schedule .schedule-row").queryAll().stream()
                .map(row -> String.join(" | ", row.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList()))
                .toList();
    }

    @Test
    void theYearlyLoadIsOverdueOnlyUntilItRuns_andIsNotMissingPerWeekAndTier(FxRobot robot) throws Exception {
        // A missed yearly run is a true alarm until the next load.
        HealthBoardTest.await("the missed calendar load on the schedule card", 5,
                () -> scheduleRows(robot).stream().anyMatch(r -> r.contains(CAL) && r.startsWith("OVERDUE")));

        // An operator loads the year's calendar; its partition is the year, not the week of the miss.
        robot.interact(() -> run("ex-cal-2027", CAL, Map.of("year", "2027"), NOW.minus(Duration.ofMinutes(30)), Trigger.MANUAL));
        HealthBoardTest.await("no calendar row once the yearly load succeeded", 5, () -> !scheduleRows(robot).isEmpty()
                && scheduleRows(robot).stream().noneMatch(r -> r.contains(CAL)));
        assertTrue(scheduleRows(robot).stream().noneMatch(r -> r.contains("XNYS")), scheduleRows(robot).toString());

        Workstation.click(robot, "Lineage & audit");
        Workstation.clickComplianceTab(robot, 2);
        @SuppressWarnings("unchecked")
        ComboBox<LocalDate> week = robot.lookup("#verify-week").queryAs(ComboBox.class);
        robot.interact(() -> week.setValue(WEEK));
        Workstation.click(robot, "#verify-runs");
        ListView<?> result = robot.lookup("#verify-result").queryAs(ListView.class);
        HealthBoardTest.await("the verification", 5, () -> !result.getItems().isEmpty());
        List<String> lines = result.getItems().stream().map(String::valueOf).toList();
        assertEquals("All 3 expected runs for the week ending " + WEEK + " succeeded.", lines.getFirst(), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains(CAL)), "the yearly load owes no weekly run: " + lines);
        assertEquals(4, lines.size(), lines.toString());
    }
}
