package org.marketspine.console.model;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.protocol.Stage;
import org.marketspine.console.protocol.Trigger;

/** Issue 18 item 2: what a failed run holds up downstream, on a hand-built platform. */
class FailureImpactTest {
    static final Instant T = Instant.parse("2026-11-30T13:00:00Z");
    static final LocalDate W1 = LocalDate.of(2026, 10, 23);
    static final LocalDate W2 = LocalDate.of(2026, 10, 30);
    static final String RAW = "raw";
    static final String NORM = "normalized";
    static final String AVG = "avg_6w";
    static final String WOW = "wow";

    private PlatformState s = PlatformState.EMPTY;

    private void apply(EventData d) {
        s = StateFold.apply(s, Event.of(s.seq() + 1, T, d));
    }

    private void capture(String id, String dataset, LocalDate week, List<String> inputs, ReadinessStatus status) {
        apply(new EventData.CaptureRecorded(id, dataset, "OTC", week, Stage.COMPUTE, 10, 10, "ex-" + id, inputs, null, null));
        apply(new EventData.ReadinessChanged(dataset, "OTC", week, status, "", "system", id, 10, 10));
    }

    private Execution failedIngest(LocalDate week) {
        apply(new EventData.ExecutionQueued("ex-fail", "ingest", BackfillPlan.params(week, "OTC"), Trigger.SCHEDULED, "system:scheduler", null));
        apply(new EventData.ExecutionFailed("ex-fail", 10, new EventData.ErrorDetail("HTTPError", "503", Classification.TRANSIENT)));
        return s.execution("ex-fail");
    }

    private void declare() {
        apply(new EventData.PipelineDeclared("ingest", "d", Stage.INGEST, List.of("source"), List.of(RAW), null));
        apply(new EventData.PipelineDeclared("normalize", "d", Stage.NORMALIZE, List.of(RAW), List.of(NORM), null));
        apply(new EventData.PipelineDeclared("avg", "d", Stage.COMPUTE, List.of(NORM), List.of(AVG), null));
        apply(new EventData.PipelineDeclared("wow", "d", Stage.COMPUTE, List.of(NORM), List.of(WOW), null));
    }

    @Test
    void aFailedIngestHoldsUpItsWeekDownstreamAndTheLaterWeeksWhoseRollingCaptureReadIt() {
        declare();
        capture("raw-1", RAW, W1, List.of(), ReadinessStatus.CERTIFIED);
        capture("norm-1", NORM, W1, List.of("raw-1"), ReadinessStatus.CERTIFIED);
        capture("norm-2", NORM, W2, List.of(), ReadinessStatus.CERTIFIED);
        capture("avg-1", AVG, W1, List.of("norm-1"), ReadinessStatus.CERTIFIED);
        capture("avg-2", AVG, W2, List.of("norm-1", "norm-2"), ReadinessStatus.PRELIMINARY);
        capture("wow-2", WOW, W2, List.of("norm-2"), ReadinessStatus.CERTIFIED); // does not read week 1: not held up

        List<FailureImpact.Held> held = FailureImpact.of(s, failedIngest(W1));

        assertEquals(List.of("avg_6w:OTC:2026-10-30", "avg_6w:OTC:2026-10-23", "normalized:OTC:2026-10-23", "wow:OTC:2026-10-23"),
                held.stream().map(h -> h.partition().toString()).toList(), "newest week first; its own output (raw) is not listed");
        assertEquals("avg_6w OTC 2026-10-30 (PRELIMINARY)", held.get(0).describe());
        assertEquals("wow OTC 2026-10-23 (not produced)", held.get(3).describe());
        assertEquals(2, held.stream().filter(FailureImpact.Held::certified).count());
        assertEquals("Leaves 2 certified partitions out of date (avg_6w, normalized) → escalate to the data owners if a retry does not fix it now.",
                FailureImpact.escalation(held));
        assertEquals("Holds up: avg_6w OTC 2026-10-30 (PRELIMINARY), avg_6w OTC 2026-10-23 (CERTIFIED) and 2 more",
                FailureImpact.line(held, 2));
    }

    @Test
    void aRunWithoutAPartitionOrADeclaredPipelineHoldsUpNothingItCanName() {
        Execution undeclared = failedIngest(W1);
        assertEquals(List.of(), FailureImpact.of(s, undeclared), "pipeline never declared");
        assertNull(FailureImpact.line(List.of(), 3));
        assertNull(FailureImpact.escalation(List.of()));
    }
}
