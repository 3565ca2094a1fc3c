package org.marketspine.console.model;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketspine.console.feed.source.DemoPlatform;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;

class EventLogTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final List<Event> HISTORY = new DemoPlatform(7, 1, Clock.systemUTC()).history(NOW);

    @Test
    void stateAtAnySeqEqualsAFoldOfThePrefix() {
        EventLog log = new EventLog();
        log.appendAll(HISTORY);
        assertTrue(HISTORY.size() > EventLog.CHECKPOINT_EVERY, "the history spans a checkpoint");
        for (long seq : new long[] {1, 2047, 2048, 2049, HISTORY.size() - 1, HISTORY.size()}) {
            PlatformState expected = StateFold.applyAll(PlatformState.EMPTY, HISTORY.subList(0, (int) seq));
            assertEquals(expected, log.stateAtSeq(seq), "seq " + seq);
        }
    }

    @Test
    void stateAtAnInstantHoldsExactlyTheEventsKnownByThen() {
        EventLog log = new EventLog();
        log.appendAll(HISTORY);
        Event middle = HISTORY.get(HISTORY.size() / 2);
        PlatformState s = log.stateAt(middle.at());
        assertTrue(s.seq() >= middle.seq());
        assertTrue(s.seq() == HISTORY.size() || HISTORY.get((int) s.seq()).at().isAfter(middle.at()));
        assertEquals(0, log.stateAt(HISTORY.get(0).at().minusSeconds(1)).seq());
        assertEquals(HISTORY.size(), log.stateAt(NOW.plusSeconds(60)).seq());
    }

    @Test
    void refusesGapsAndRepeats() {
        EventLog log = new EventLog();
        log.append(HISTORY.get(0));
        assertThrows(IllegalArgumentException.class, () -> log.append(HISTORY.get(0)));
        assertThrows(IllegalArgumentException.class, () -> log.append(HISTORY.get(2)));
        assertEquals(1, log.headSeq());
    }

    @Test
    void aRevisionSupersedesTheOldCaptureAndMakesDerivedDataStale() {
        PlatformState s = StateFold.applyAll(PlatformState.EMPTY, HISTORY);
        Capture superseded = s.captures().values().stream()
                .filter(c -> c.isSuperseded() && c.recorded().dataset().equals("finra.otc_transparency.normalized"))
                .findFirst().orElseThrow(() -> new AssertionError("the demo history has a FINRA revision"));
        Capture newer = s.capture(superseded.supersededBy());
        assertEquals(superseded.captureId(), newer.recorded().supersedes());
        assertEquals(newer.captureId(), s.currentCaptures().get(superseded.partition()));
        boolean staleDerived = s.captures().values().stream()
                .anyMatch(c -> c.recorded().inputs().contains(superseded.captureId()) && s.isStale(c));
        assertTrue(staleDerived, "a derived capture that consumed the superseded capture is stale");
    }

    @Test
    void diffBetweenTwoInstantsListsWhatChanged() {
        EventLog log = new EventLog();
        log.appendAll(HISTORY);
        PlatformState before = log.stateAtSeq(HISTORY.size() / 2);
        PlatformState after = log.head();
        StateDiff diff = StateDiff.between(before, after);
        assertFalse(diff.capturesAdded().isEmpty());
        assertFalse(diff.readinessTransitions().isEmpty());
        assertTrue(StateDiff.between(after, after).isEmpty());
        assertEquals(after.executionOrder().size() - before.executionOrder().size(), diff.executionsRun().size());
    }

    @Test
    void unknownKindsAreKeptButChangeNothing() {
        PlatformState s = StateFold.apply(PlatformState.EMPTY, Event.of(1, NOW, new EventData.Unknown("x.y",
                Codec.mapper().createObjectNode())));
        assertEquals(1, s.seq());
        assertTrue(s.executions().isEmpty());
    }

    @Test
    void aHistoryPinnedAtAHeadNeverShowsAnEventAppendedAfterIt() {
        EventLog log = new EventLog();
        int half = HISTORY.size() / 2;
        log.appendAll(HISTORY.subList(0, half));
        EventHistory pinned = log.asOfHead();
        PlatformState then = log.head();
        log.appendAll(HISTORY.subList(half, HISTORY.size()));

        assertEquals(half, pinned.headSeq());
        assertEquals(half, pinned.size());
        assertSame(then, pinned.head());
        assertSame(then, pinned.stateAt(NOW.plusSeconds(60)), "the far future is the pinned head, not the log's");
        assertEquals(half, pinned.seqAt(NOW.plusSeconds(60)));
        assertEquals(log.stateAtSeq(half / 2), pinned.stateAtSeq(half / 2));
        Instant latest = HISTORY.subList(0, half).stream().map(Event::at).max(Instant::compareTo).orElseThrow();
        assertEquals(latest.toEpochMilli(), pinned.lastAt().toEpochMilli());
        assertTrue(log.lastAt().isAfter(pinned.lastAt()));
        assertThrows(IndexOutOfBoundsException.class, () -> pinned.event(half + 1));
        assertNull(EventLog.emptyHistory().lastAt());
        assertEquals(0, EventLog.emptyHistory().size());
    }
}
