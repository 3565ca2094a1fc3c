package org.marketspine.console.model;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Severity;
import org.marketspine.console.protocol.Stage;
import org.marketspine.console.protocol.Trigger;

class HealthRulesTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    final List<Event> events = new ArrayList<>();

    private void add(Instant at, EventData d) {
        events.add(Event.of(events.size() + 1, at, d));
    }

    private PlatformState state() {
        return StateFold.applyAll(PlatformState.EMPTY, events);
    }

    /** Every tier current: normalized captures for the expected latest week. */
    private void freshData() {
        for (String tier : FinraCalendar.TIERS) {
            LocalDate w = FinraCalendar.expectedLatestWeek(tier, NOW);
            add(NOW.minus(Duration.ofDays(1)), new EventData.CaptureRecorded("n-" + tier, Freshness.NORMALIZED, tier, w,
                    Stage.NORMALIZE, 10, 10, "ex-n", List.of(), null, null));
        }
    }

    private void run(String id, String pipeline, Instant at, boolean fail) {
        var params = BackfillPlan.params(LocalDate.of(2026, 10, 16), "OTC");
        add(at, new EventData.ExecutionQueued(id, pipeline, params, Trigger.SCHEDULED, "s", null));
        if (fail) {
            add(at.plusSeconds(5), new EventData.ExecutionFailed(id, 5000, new EventData.ErrorDetail("HTTPError",
                    "HTTP 503 at attempt " + id, Classification.TRANSIENT)));
        } else {
            add(at.plusSeconds(5), new EventData.ExecutionCompleted(id, 1, 5000, List.of()));
        }
    }

    @Test
    void greenWhenNothingNeedsAttention() {
        freshData();
        HealthReport r = HealthRules.evaluate(state(), NOW);
        assertEquals(HealthLevel.GREEN, r.level(), r.findings().toString());
        assertEquals("All systems healthy", r.reason());
    }

    @Test
    void oneUnresolvedFailureIsYellowAndASuccessSinceClearsIt() {
        freshData();
        run("ex-1", "p.ingest", NOW.minus(Duration.ofHours(2)), true);
        assertEquals(HealthLevel.YELLOW, HealthRules.evaluate(state(), NOW).level());
        run("ex-2", "p.ingest", NOW.minus(Duration.ofHours(1)), false);
        assertEquals(HealthLevel.GREEN, HealthRules.evaluate(state(), NOW).level());
    }

    @Test
    void aDeadLetteredFailureStaysYellowPastTheWindow_untilTheSameWorkSucceeds() {
        freshData();
        var params = BackfillPlan.params(LocalDate.of(2026, 10, 16), "OTC");
        Instant at = NOW.minus(Duration.ofDays(3));
        add(at, new EventData.ExecutionQueued("dl", "p.normalize", params, Trigger.SCHEDULED, "s", null));
        add(at.plusSeconds(5), new EventData.ExecutionFailed("dl", 5000, new EventData.ErrorDetail("SchemaError", "column missing",
                Classification.SYSTEMIC, true)));
        HealthReport r = HealthRules.evaluate(state(), NOW);
        assertEquals(HealthLevel.YELLOW, r.level(), r.findings().toString());
        assertTrue(r.reason().contains("dead-lettered"), r.reason());
        add(NOW.minus(Duration.ofHours(30)), new EventData.ExecutionQueued("ok", "p.normalize", params, Trigger.RETRY, "j.ortiz", "dl"));
        add(NOW.minus(Duration.ofHours(30)).plusSeconds(9), new EventData.ExecutionCompleted("ok", 1, 9000, List.of()));
        assertEquals(HealthLevel.GREEN, HealthRules.evaluate(state(), NOW).level());
    }

    @Test
    void theSamePipelineFailingRepeatedlyIsRedWithRecurrence() {
        freshData();
        run("ex-1", "p.ingest", NOW.minus(Duration.ofHours(5)), true);
        run("ex-2", "p.ingest", NOW.minus(Duration.ofHours(3)), true);
        run("ex-3", "p.ingest", NOW.minus(Duration.ofHours(1)), true);
        PlatformState s = state();
        HealthReport r = HealthRules.evaluate(s, NOW);
        assertEquals(HealthLevel.RED, r.level());
        assertTrue(r.reason().contains("failing repeatedly"), r.reason());
        Recurrence rec = Recurrence.of(s, s.execution("ex-3"));
        assertEquals(3, rec.pipelineFailures());
        assertEquals(3, rec.sameErrorFailures(), "messages differing only in numbers are one signature");
        assertEquals("3rd failure of this pipeline in 24 h (same error 3×)", rec.describe());
    }

    @Test
    void anOpenCriticalAnomalyIsRedUntilResolved() {
        freshData();
        add(NOW.minusSeconds(60), new EventData.AnomalyDetected("an-1", Severity.CRITICAL, "completeness",
                Freshness.NORMALIZED, "OTC", LocalDate.of(2026, 10, 16), null, "file truncated", List.of()));
        HealthReport r = HealthRules.evaluate(state(), NOW);
        assertEquals(HealthLevel.RED, r.level());
        assertTrue(r.reason().startsWith("Critical: critical anomaly open on OTC"), r.reason());
        add(NOW.minusSeconds(30), new EventData.AnomalyResolved("an-1", "maria", "republished"));
        assertEquals(HealthLevel.GREEN, HealthRules.evaluate(state(), NOW).level());
    }

    @Test
    void staleTiersTurnYellowThenRed() {
        freshData();
        assertEquals(HealthLevel.GREEN, Freshness.of(state(), "OTC", NOW).level());
        LocalDate expected = FinraCalendar.expectedLatestWeek("OTC", NOW);
        Instant due = FinraCalendar.dueAt("OTC", expected.plusWeeks(1));
        assertEquals(HealthLevel.YELLOW, Freshness.of(state(), "OTC", due.plus(Duration.ofHours(30))).level());
        TierFreshness red = Freshness.of(state(), "OTC", due.plus(Duration.ofDays(4)));
        assertEquals(HealthLevel.RED, red.level());
        assertEquals(expected, red.latestWeek());
    }

    @Test
    void backfillPlanValidatesTheRange() {
        add(NOW, new EventData.PipelineDeclared("p", "d", Stage.INGEST, List.of(), List.of(), null));
        PlatformState s = state();
        LocalDate latest = FinraCalendar.expectedLatestWeek("OTC", NOW);
        assertTrue(BackfillPlan.of(s, "p", "OTC", latest.minusWeeks(3), latest, NOW).isValid());
        assertEquals(4, BackfillPlan.of(s, "p", "OTC", latest.minusWeeks(3), latest, NOW).weeks().size());
        assertEquals("invalid_range", BackfillPlan.of(s, "p", "OTC", latest, latest.minusWeeks(1), NOW).errorCode());
        assertEquals("invalid_range", BackfillPlan.of(s, "p", "OTC", latest, latest.plusWeeks(1), NOW).errorCode());
        assertEquals("invalid_range", BackfillPlan.of(s, "p", "OTC", latest.minusWeeks(60), latest, NOW).errorCode());
        assertEquals("invalid_range", BackfillPlan.of(s, "p", "OTC", latest.minusDays(1), latest, NOW).errorCode());
        assertEquals("not_found", BackfillPlan.of(s, "nope", "OTC", latest, latest, NOW).errorCode());
    }
}
