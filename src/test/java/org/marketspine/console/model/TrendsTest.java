package org.marketspine.console.model;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Severity;
import org.marketspine.console.protocol.Stage;
import org.marketspine.console.protocol.Trigger;

/** Issue 18 item 1: every trend series on a hand-built platform, exact per hour and per day, on the test's clock. */
class TrendsTest {
    static final Instant NOW = Instant.parse("2026-11-30T13:30:00Z");
    static final int LAST = Trends.HOURS - 1; // the hour from 13:00

    private PlatformState s = PlatformState.EMPTY;

    private void at(String instant, EventData d) {
        s = StateFold.apply(s, Event.of(s.seq() + 1, Instant.parse(instant), d));
    }

    private void queued(String id, String instant, int week) {
        at(instant, new EventData.ExecutionQueued(id, "ingest", BackfillPlan.params(LocalDate.of(2026, 1, 2).plusWeeks(week), "OTC"),
                Trigger.SCHEDULED, "system:scheduler", null));
    }

    private void failed(String id, String instant, Classification c) {
        at(instant, new EventData.ExecutionFailed(id, 10, new EventData.ErrorDetail("E", "m", c)));
    }

    @Test
    void failuresExecutionsAndQueueDepthPerHour() {
        queued("a", "2026-11-30T12:00:00Z", 1);
        at("2026-11-30T12:05:00Z", new EventData.ExecutionStarted("a", "ingest", BackfillPlan.params(LocalDate.of(2026, 1, 9), "OTC"),
                Trigger.SCHEDULED, "system:scheduler", null, 1));
        failed("a", "2026-11-30T12:10:00Z", Classification.TRANSIENT);
        queued("b", "2026-11-30T13:01:00Z", 2);
        failed("b", "2026-11-30T13:05:00Z", Classification.SYSTEMIC);
        queued("c", "2026-11-30T13:10:00Z", 3);
        failed("c", "2026-11-30T13:20:00Z", Classification.UNKNOWN);
        queued("q", "2026-11-30T11:30:00Z", 4);
        at("2026-11-30T12:40:00Z", new EventData.ExecutionStarted("q", "ingest", BackfillPlan.params(LocalDate.of(2026, 1, 30), "OTC"),
                Trigger.SCHEDULED, "system:scheduler", null, 1));
        queued("r", "2026-11-30T12:50:00Z", 5); // still queued
        queued("old", "2026-11-20T12:50:00Z", 6); // before the 7 days
        failed("old", "2026-11-20T12:55:00Z", Classification.SYSTEMIC);

        Trends t = Trends.of(s, NOW);
        assertEquals(Instant.parse("2026-11-23T14:00:00Z"), t.hoursFrom(), "167 hours before the current hour");
        assertEquals(Instant.parse("2026-11-30T13:00:00Z"), t.hour(LAST));
        assertEquals(1, t.transientFailures()[LAST - 1], "a, in the hour from 12:00");
        assertEquals(2, t.systemicFailures()[LAST], "b and the unclassified c, in the hour from 13:00");
        assertEquals(0, t.transientFailures()[LAST]);
        assertEquals(3, t.failuresLast24h());
        assertEquals(0, t.failuresPrevious24h());
        int all = 0;
        for (int i = 0; i < Trends.HOURS; i++) all += t.failures(i);
        assertEquals(3, all, "the failure 10 days ago is outside the window");
        assertEquals(3, t.executions()[LAST - 1], "a (started 12:05), q (started 12:40), r (queued 12:50)");
        assertEquals(2, t.executions()[LAST], "b and c, never started: counted when queued");
        assertEquals(0, t.executions()[LAST - 2], "q was queued at 11:30 but began (started) at 12:40");
        assertEquals(2, t.queueDepth()[LAST - 2], "at 12:00 q waits, and a, queued at 12:00 sharp");
        assertEquals(1, t.queueDepth()[LAST - 1], "at 13:00 q has started; r waits");
        assertEquals(1, t.queueDepth()[LAST], "r still waits; b and c came and went within the hour");
    }

    @Test
    void openAnomaliesAtEachDaysEndAndFreshnessLagPerTier() {
        at("2026-11-20T10:00:00Z", new EventData.AnomalyDetected("an-1", Severity.HIGH, "volume", Freshness.NORMALIZED, "OTC",
                LocalDate.of(2026, 11, 13), null, "m", List.of()));
        at("2026-11-25T09:00:00Z", new EventData.AnomalyResolved("an-1", "steward", "fixed"));
        at("2026-11-28T09:00:00Z", new EventData.AnomalyDetected("an-2", Severity.LOW, "volume", Freshness.NORMALIZED, "OTC",
                LocalDate.of(2026, 11, 13), null, "m", List.of()));
        LocalDate expected = FinraCalendar.expectedLatestWeek("OTC", Instant.parse("2026-11-26T00:00:00Z"));
        at("2026-11-26T12:00:00Z", new EventData.CaptureRecorded("n-1", Freshness.NORMALIZED, "OTC", expected, Stage.NORMALIZE,
                10, 10, "ex-n", List.of(), null, null));

        Trends t = Trends.of(s, NOW);
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), t.daysFrom());
        int[] open = t.openAnomalies();
        int day20 = 19; // the day 2026-11-20, ending at midnight of the 21st
        assertEquals(0, open[day20 - 1]);
        for (int d = day20; d <= day20 + 4; d++) assertEquals(1, open[d], "an-1 open at the end of day " + d);
        assertEquals(0, open[day20 + 5], "resolved on the 25th, before that day's end");
        assertEquals(1, open[Trends.DAYS - 1], "an-2 still open");

        double[] otc = t.freshnessLagDays().get("OTC");
        int day26 = 25;
        assertTrue(otc[day26 - 1] > 0, "no OTC week at all before the 26th: overdue");
        Instant end26 = t.daysFrom().plus(Duration.ofDays(day26 + 1));
        assertEquals(Freshness.overdue("OTC", expected, end26).toMinutes() / 1440.0, otc[day26], 1e-9, "from the capture of the 26th on");
        assertEquals(0.0, otc[day26], 1e-9, "the expected week arrived that day");
        assertEquals(List.of("NMS_TIER_1", "NMS_TIER_2", "OTC"), List.copyOf(t.freshnessLagDays().keySet()));
    }
}
