package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.marketspine.console.feed.source.DemoPlatform;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.ExecutionStatus;
import org.marketspine.console.model.PartitionKey;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.StateFold;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.protocol.Severity;
import org.marketspine.console.protocol.Trigger;
import org.marketspine.console.testing.Await;

class DemoPlatformTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final List<Event> HISTORY = new DemoPlatform(20261125, 1, Clock.systemUTC()).history(NOW);
    static final PlatformState S = StateFold.applyAll(PlatformState.EMPTY, HISTORY);

    @Test
    void isDeterministicForASeedAndAnInstant() {
        assertEquals(HISTORY, new DemoPlatform(20261125, 1, Clock.systemUTC()).history(NOW));
        assertNotEquals(HISTORY, new DemoPlatform(1, 1, Clock.systemUTC()).history(NOW));
    }

    @Test
    void holdsAtLeast26WeeksPerTierWithRealisticSymbolCounts() {
        for (String tier : List.of("OTC", "NMS_TIER_1", "NMS_TIER_2")) {
            long weeks = S.currentCaptures().keySet().stream()
                    .filter(k -> k.tier().equals(tier) && k.dataset().equals("finra.otc_transparency.normalized")).count();
            assertTrue(weeks >= 26, tier + " has " + weeks + " weeks");
        }
        long symbols = S.captures().values().stream().filter(c -> c.recorded().tier().equals("OTC"))
                .mapToLong(c -> c.recorded().symbols()).max().orElse(0);
        assertTrue(symbols > 8000 && symbols <= 8200, "OTC symbols " + symbols);
    }

    @Test
    void transientFailuresSucceedOnRetry() {
        Execution failed = S.failuresNewestFirst().stream()
                .filter(x -> x.error().classification() == Classification.TRANSIENT && x.error().message().contains("503"))
                .findFirst().orElseThrow();
        Execution retry = S.executions().values().stream().filter(x -> failed.executionId().equals(x.retryOf())).findFirst().orElseThrow();
        assertEquals(Trigger.RETRY, retry.trigger());
        assertEquals(ExecutionStatus.SUCCEEDED, retry.status());
    }

    @Test
    void aSystemicFailureRecurs() {
        long schema = S.failuresNewestFirst().stream().filter(x -> x.error().type().equals("SchemaError")).count();
        assertTrue(schema >= 3, "systemic SchemaError failures: " + schema);
    }

    @Test
    void coversTheInterestingCases() {
        assertTrue(S.captures().values().stream().anyMatch(Capture::isSuperseded), "a FINRA revision");
        assertTrue(S.captures().values().stream().anyMatch(S::isStale), "derived data made stale by a revision");
        assertTrue(S.readiness().values().stream().anyMatch(r -> r.status() == ReadinessStatus.BLOCKED
                && r.last().reason().contains("critical")), "a week blocked by a critical anomaly");
        for (Severity sev : Severity.values()) {
            assertTrue(S.anomalies().values().stream().anyMatch(a -> a.severity() == sev), "an anomaly of severity " + sev);
        }
        assertTrue(S.readiness().values().stream().anyMatch(r -> r.last().by().equals("system:auto-certify")));
        assertTrue(S.readiness().values().stream().anyMatch(r -> r.status() == ReadinessStatus.CERTIFIED
                && r.last().by().equals("maria.chen")), "certified by a named person");
        assertFalse(S.missedSchedules().isEmpty(), "a missed schedule");
        assertTrue(S.executions().values().stream().anyMatch(x -> x.trigger() == Trigger.MANUAL));
        assertTrue(S.executions().values().stream().anyMatch(x -> x.trigger() == Trigger.BACKFILL));
        assertTrue(S.sources().size() >= 2);
        assertFalse(S.purges().isEmpty(), "a purge past retention");
        assertTrue(S.captures().values().stream().anyMatch(c -> c.recorded().source() != null
                && c.recorded().source().sha256().length() == 64 && c.recorded().source().bytes() > 0));
        assertTrue(HISTORY.stream().map(Event::data).anyMatch(d -> d instanceof EventData.PipelineDeclared));
    }

    /** The journal a demo writes to, folded as the feed server would; on one platform thread. */
    static final class RecordingSink implements EventSink {
        final ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor();
        /** Written on the platform thread only; read from the test without waiting behind a long demo step. */
        private volatile PlatformState state;

        RecordingSink(PlatformState journal) {
            this.state = journal;
        }

        public PlatformState emit(Instant at, EventData d) {
            state = StateFold.apply(state, Event.of(state.seq() + 1, at, d));
            return state;
        }

        public PlatformState emitAll(List<Timed> facts) {
            facts.forEach(f -> emit(f.at(), f.data()));
            return state;
        }

        public PlatformState state() {
            return state;
        }

        public ScheduledExecutorService platformThread() {
            return exec;
        }

        /** The state as the platform thread last folded it. */
        PlatformState read() {
            return state;
        }
    }

    /** Regression: live scenarios re-seeded from an unchanged seq repeated a do-nothing choice forever. */
    @Test
    void keepsProducingLiveActivityAfterTheHistory() throws Exception {
        RecordingSink sink = new RecordingSink(PlatformState.EMPTY);
        DemoPlatform demo = new DemoPlatform(5, 200, Clock.systemUTC());
        try {
            sink.exec.submit(() -> demo.start(sink)).get();
            long history = sink.read().seq();
            // At speed 200 a live event comes every few hundred ms; the regression produced none at all after the history.
            Await.until("ten live events after the history", Duration.ofSeconds(60), () -> sink.read().seq() - history >= 10);
        } finally {
            demo.close();
            sink.exec.shutdownNow();
        }
    }

    /**
     * A demo feed restarted on its journal still closes the anomalies it had planned to close: those
     * plans were timers of the process that stopped, and a wall that ran for weeks across feed
     * restarts held more and more open anomalies (P10's growth).
     */
    @Test
    void aRestartedDemoStillClosesTheAnomaliesThatWereOpen() throws Exception {
        // Raised before the feed stopped: one an hour before (its closing was still hours ahead), one a
        // day and a half before (its closing was due while the feed was down).
        // Of a week that is not blocked: a blocked week's anomalies close when FINRA republishes it, re-plan or not.
        Capture c = S.captures().values().stream().filter(x -> x.recorded().dataset().equals("finra.otc_transparency.normalized")
                        && S.readiness().get(new PartitionKey(x.recorded().dataset(), x.recorded().tier(), x.recorded().weekEnding())).status()
                        != ReadinessStatus.BLOCKED)
                .findFirst().orElseThrow();
        PlatformState journal = S;
        for (var raised : List.of(new EventData.AnomalyDetected("an-before-stop", Severity.LOW, "volume_spike",
                        c.recorded().dataset(), c.recorded().tier(), c.recorded().weekEnding(), c.captureId(), "raised an hour before the stop", List.of()),
                new EventData.AnomalyDetected("an-long-before", Severity.HIGH, "late_submission",
                        c.recorded().dataset(), c.recorded().tier(), c.recorded().weekEnding(), c.captureId(), "raised 36 h before", List.of()))) {
            Instant at = NOW.minus(raised.anomalyId().equals("an-before-stop") ? Duration.ofHours(1) : Duration.ofHours(36));
            journal = StateFold.apply(journal, Event.of(journal.seq() + 1, at, raised));
        }
        List<String> open = journal.anomalies().values().stream().filter(a -> a.isOpen() && a.severity() != Severity.CRITICAL)
                .map(a -> a.anomalyId()).toList();
        assertTrue(open.containsAll(List.of("an-before-stop", "an-long-before")), open.toString());
        RecordingSink sink = new RecordingSink(journal);
        // 22 simulated hours in about four seconds of real time.
        DemoPlatform demo = new DemoPlatform(20261125, 20_000, Clock.fixed(NOW, ZoneOffset.UTC));
        try {
            sink.exec.submit(() -> demo.start(sink)).get();
            Await.until("every anomaly open at the restart closed", Duration.ofSeconds(60), () -> {
                PlatformState now = sink.read();
                return open.stream().noneMatch(id -> now.anomalies().get(id).isOpen());
            });
        } finally {
            demo.close();
            sink.exec.shutdownNow();
        }
    }

    @Test
    void derivedCapturesPinTheExactInputCaptures() {
        Capture avg = S.captures().values().stream().filter(c -> c.recorded().dataset().equals("analytics.volume_avg_6w"))
                .findFirst().orElseThrow();
        assertEquals(6, avg.recorded().inputs().size());
        for (String input : avg.recorded().inputs()) {
            Capture in = S.capture(input);
            assertNotNull(in, "input " + input + " is a recorded capture");
            assertEquals(avg.recorded().tier(), in.recorded().tier());
            assertTrue(in.seq() < avg.seq());
        }
    }
}
