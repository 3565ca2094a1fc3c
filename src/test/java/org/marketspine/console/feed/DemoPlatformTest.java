package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.marketspine.console.feed.source.DemoPlatform;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.ExecutionStatus;
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

    /** Regression: live scenarios re-seeded from an unchanged seq repeated a do-nothing choice forever. */
    @Test
    void keepsProducingLiveActivityAfterTheHistory() throws Exception {
        var exec = Executors.newSingleThreadScheduledExecutor();
        PlatformState[] st = {PlatformState.EMPTY};
        EventSink sink = new EventSink() {
            public PlatformState emit(Instant at, EventData d) {
                st[0] = StateFold.apply(st[0], Event.of(st[0].seq() + 1, at, d));
                return st[0];
            }

            public PlatformState emitAll(List<Timed> facts) {
                facts.forEach(f -> emit(f.at(), f.data()));
                return st[0];
            }

            public PlatformState state() {
                return st[0];
            }

            public ScheduledExecutorService platformThread() {
                return exec;
            }
        };
        DemoPlatform demo = new DemoPlatform(5, 200, Clock.systemUTC());
        try {
            exec.submit(() -> demo.start(sink)).get();
            long history = exec.submit(() -> st[0].seq()).get();
            // At speed 200 a live event comes every few hundred ms; the regression produced none at all after the history.
            Await.until("ten live events after the history", Duration.ofSeconds(60), () -> {
                try {
                    return exec.submit(() -> st[0].seq()).get() - history >= 10;
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            demo.close();
            exec.shutdownNow();
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
