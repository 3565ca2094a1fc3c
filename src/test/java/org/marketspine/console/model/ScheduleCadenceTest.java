package org.marketspine.console.model;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Stage;
import org.marketspine.console.protocol.Trigger;

/** Issue 12 item 6: schedules are judged by their own cadence; a yearly calendar load is never "missing" per week. */
class ScheduleCadenceTest {
    static final String CAL = "reference.exchange_calendar.ingest";
    static final String INGEST = "finra.otc_transparency.ingest_week";
    PlatformState s = PlatformState.EMPTY;

    private void add(Instant at, EventData d) {
        Event e = Event.of(s.seq() + 1, at, d);
        s = StateFold.apply(s, e);
    }

    @Test
    void cronShapesReadAsTheirCadence() {
        assertEquals(Cadence.WEEKLY, Cadence.of(new EventData.Schedule("0 14 * * MON", "UTC", 6)));
        assertEquals(Cadence.WEEKLY, Cadence.of(new EventData.Schedule("30 9 * * 1", "UTC", 6)));
        assertEquals(Cadence.YEARLY, Cadence.of(new EventData.Schedule("0 6 2 1 *", "UTC", 24)));
        assertEquals(Cadence.DAILY, Cadence.of(new EventData.Schedule("0 6 * * *", "UTC", 2)));
        assertEquals(Cadence.MONTHLY, Cadence.of(new EventData.Schedule("0 6 1 * *", "UTC", 2)));
        assertEquals(Cadence.OTHER, Cadence.of(new EventData.Schedule("not a cron", "UTC", 2)));
    }

    @Test
    void aYearlyPipelineIsNotMissingForEveryWeekAndTier() {
        Instant t0 = Instant.parse("2026-01-02T06:00:00Z");
        add(t0, new EventData.PipelineDeclared(CAL, "reference", Stage.INGEST, List.of("xnys.holidays"), List.of("reference.calendar"),
                new EventData.Schedule("0 6 2 1 *", "UTC", 24)));
        add(t0, new EventData.PipelineDeclared(INGEST, "finra", Stage.INGEST, List.of("src"), List.of("raw"),
                new EventData.Schedule("0 14 * * MON", "UTC", 6)));
        LocalDate week = LocalDate.of(2026, 1, 2);
        // The calendar load ran once, with a week-shaped partition, as the demo's does.
        add(t0, new EventData.ExecutionQueued("ex-cal", CAL, Map.of("week_ending", week.toString(), "tier", "XNYS"),
                Trigger.SCHEDULED, "system:scheduler", null));
        add(t0, new EventData.ExecutionStarted("ex-cal", CAL, Map.of("week_ending", week.toString(), "tier", "XNYS"),
                Trigger.SCHEDULED, "system:scheduler", null, 1));
        add(t0.plusSeconds(5), new EventData.ExecutionCompleted("ex-cal", 10, 5000, List.of()));
        for (String tier : FinraCalendar.TIERS) {
            var p = BackfillPlan.params(week, tier);
            String id = "ex-" + tier;
            add(t0, new EventData.ExecutionQueued(id, INGEST, p, Trigger.SCHEDULED, "system:scheduler", null));
            add(t0, new EventData.ExecutionStarted(id, INGEST, p, Trigger.SCHEDULED, "system:scheduler", null, 1));
            add(t0.plusSeconds(5), new EventData.ExecutionCompleted(id, 10, 5000, List.of()));
        }
        List<AuditLog.ScheduledRun> verified = AuditLog.verifyWeek(s, week, Instant.parse("2026-03-01T00:00:00Z"));
        assertTrue(verified.stream().noneMatch(r -> r.pipeline().equals(CAL)), "the yearly load owes no weekly run: " + verified);
        assertTrue(verified.stream().allMatch(AuditLog.ScheduledRun::ran), verified.toString());

        // A missed yearly run is settled by the next successful load, whatever partition it carried.
        add(Instant.parse("2027-01-02T09:00:00Z"), new EventData.ScheduleMissed(CAL, Instant.parse("2027-01-02T06:00:00Z"),
                new EventData.Partition(LocalDate.of(2027, 1, 1), "XNYS")));
        Instant later = Instant.parse("2027-01-02T12:00:00Z");
        assertTrue(ScheduleOutlook.of(s, later).stream().anyMatch(e -> e.pipeline().equals(CAL) && e.overdue()));
        var p = Map.<String, Object>of("year", "2027");
        add(later, new EventData.ExecutionQueued("ex-cal-2027", CAL, p, Trigger.MANUAL, "alice", null));
        add(later, new EventData.ExecutionStarted("ex-cal-2027", CAL, p, Trigger.MANUAL, "alice", null, 1));
        add(later.plusSeconds(5), new EventData.ExecutionCompleted("ex-cal-2027", 10, 5000, List.of()));
        assertTrue(ScheduleOutlook.of(s, later.plusSeconds(60)).stream().noneMatch(e -> e.pipeline().equals(CAL) && e.overdue()),
                "settled by the yearly load");
    }
}
