package org.marketspine.console.model;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marketspine.console.model.InputStates.State;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.protocol.Stage;

/** Issue 12, item 10: an input's status is that of the exact capture used, never its partition's revision. */
class InputStatesTest {
    static final String N = "finra.otc_transparency.normalized";
    static final LocalDate W1 = LocalDate.parse("2026-11-06");
    static final LocalDate W2 = LocalDate.parse("2026-11-13");
    final List<Event> events = new ArrayList<>();

    private void add(EventData d) {
        events.add(Event.of(events.size() + 1, Instant.parse("2026-11-20T10:00:00Z").plusSeconds(events.size()), d));
    }

    private void capture(String id, String dataset, LocalDate week, String supersedes, String... inputs) {
        add(new EventData.CaptureRecorded(id, dataset, "OTC", week, inputs.length > 0 ? Stage.COMPUTE : Stage.NORMALIZE,
                10, 10, "x", List.of(inputs), supersedes, null));
    }

    private void readiness(String dataset, LocalDate week, ReadinessStatus status, String captureId) {
        add(new EventData.ReadinessChanged(dataset, "OTC", week, status, "r", "t", captureId, 10, 10));
    }

    @Test
    void aRevisedInputIsSupersededNotItsRevisionsCertified() {
        capture("a1", N, W1, null);
        capture("b1", N, W2, null);
        readiness(N, W1, ReadinessStatus.CERTIFIED, "a1");
        readiness(N, W2, ReadinessStatus.PRELIMINARY, "b1");
        capture("d1", "analytics.volume_wow_change", W2, null, "b1", "a1");
        capture("a2", N, W1, "a1");
        readiness(N, W1, ReadinessStatus.CERTIFIED, "a2");
        PlatformState s = StateFold.applyAll(PlatformState.EMPTY, events);

        List<InputStates.Input> in = InputStates.of(s, s.capture("d1"));
        assertEquals(List.of(new InputStates.Input("b1", State.PRELIMINARY, null), new InputStates.Input("a1", State.SUPERSEDED, "a2")), in);
        assertEquals("1 PRELIMINARY · 1 SUPERSEDED", InputStates.summary(in));
        assertFalse(InputStates.allCertified(in));
    }

    @Test
    void aReadinessDecisionAboutAnotherCaptureSaysNothingOfThisOne() {
        capture("a1", N, W1, null);
        readiness(N, W1, ReadinessStatus.CERTIFIED, "other");
        capture("d1", "analytics.volume_avg_6w", W1, null, "a1", "missing");
        PlatformState s = StateFold.applyAll(PlatformState.EMPTY, events);
        List<InputStates.Input> in = InputStates.of(s, s.capture("d1"));
        assertEquals(List.of(State.NOT_ASSESSED, State.NOT_RECORDED), in.stream().map(InputStates.Input::state).toList());
    }

    @Test
    void allCertifiedReadsAsSuch() {
        capture("a1", N, W1, null);
        readiness(N, W1, ReadinessStatus.CERTIFIED, "a1");
        capture("d1", "analytics.volume_avg_6w", W1, null, "a1");
        PlatformState s = StateFold.applyAll(PlatformState.EMPTY, events);
        List<InputStates.Input> in = InputStates.of(s, s.capture("d1"));
        assertTrue(InputStates.allCertified(in));
        assertEquals("1 of 1 CERTIFIED", InputStates.summary(in));
    }

    /**
     * A 6-week average over a week the platform BLOCKED ("the FINRA file appears truncated"), itself
     * CERTIFIED: not safe to use, and the tier's latest safe week is not that one (found by a
     * persona review: the grid said CERTIFIED and "latest safe" named it).
     */
    @Test
    void aCertifiedAverageOverABlockedWeekIsNotSafe() {
        capture("a1", N, W1, null);
        capture("b1", N, W2, null);
        readiness(N, W1, ReadinessStatus.BLOCKED, "a1");
        readiness(N, W2, ReadinessStatus.CERTIFIED, "b1");
        capture("d1", "analytics.volume_avg_6w", W2, null, "b1", "a1");
        readiness("analytics.volume_avg_6w", W2, ReadinessStatus.CERTIFIED, "d1");
        PlatformState s = StateFold.applyAll(PlatformState.EMPTY, events);

        assertEquals(State.BLOCKED, InputStates.worst(s, s.capture("d1")));
        GridCell avg = ReadinessGrid.cell(s, new PartitionKey("analytics.volume_avg_6w", "OTC", W2), true, ReadinessGrid.openAnomalies(s));
        assertEquals(ReadinessStatus.CERTIFIED, avg.status(), "the platform's own badge is shown as it is");
        assertEquals(Set.of(GridCell.Unsafe.INPUTS_NOT_CERTIFIED), avg.unsafe());
        GridCell base = ReadinessGrid.cell(s, new PartitionKey(N, "OTC", W2), false, ReadinessGrid.openAnomalies(s));
        assertTrue(base.safeToUse(), "the normalized week itself is fine");
        LatestSafe latest = LatestSafe.of(ReadinessGrid.build(s), "OTC");
        assertNotEquals(W2, latest.week(), "a week whose average is built on blocked data is not the latest safe one");
    }
}
