package org.marketspine.console.model;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marketspine.console.feed.source.DemoPlatform;
import org.marketspine.console.protocol.Event;

class StateRetentionTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final List<Event> HISTORY = new DemoPlatform(13, 1, Clock.systemUTC()).history(NOW);

    @Test
    void forgetsOldHistoryButNotWhatTheBoardShows() {
        PlatformState full = StateFold.applyAll(PlatformState.EMPTY, HISTORY);
        PlatformState kept = StateRetention.keepRecent(full, NOW);
        assertTrue(kept.executions().size() < full.executions().size() / 4, kept.executions().size() + " of " + full.executions().size());
        assertEquals(full.currentCaptures(), kept.currentCaptures());
        assertEquals(full.readiness(), kept.readiness());
        assertEquals(full.openAnomalies(), kept.openAnomalies());
        assertEquals(HealthRules.evaluate(full, NOW), HealthRules.evaluate(kept, NOW), "the board reads the same");
        assertEquals(Freshness.perTier(full, NOW), Freshness.perTier(kept, NOW));
        assertEquals(FailureTriage.recent(full, NOW, Set.of(), 50), FailureTriage.recent(kept, NOW, Set.of(), 50));
        for (String id : kept.executionOrder()) assertNotNull(kept.execution(id));
    }

    @Test
    void aHeadOnlyLogStaysBoundedAndRefusesTimeTravel() {
        EventLog log = EventLog.headOnly(s -> StateRetention.keepRecent(s, NOW));
        log.appendAll(HISTORY);
        assertEquals(HISTORY.size(), log.headSeq());
        assertThrows(IllegalStateException.class, () -> log.stateAt(NOW.minus(Duration.ofDays(3))));
        assertThrows(IllegalStateException.class, () -> log.event(1));
        assertEquals(HealthRules.evaluate(StateFold.applyAll(PlatformState.EMPTY, HISTORY), NOW).level(),
                HealthRules.evaluate(log.head(), NOW).level());
    }
}
