package org.marketspine.console.model;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketspine.console.bench.SyntheticHistory;
import org.marketspine.console.feed.EventSink.Timed;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.EventData.ExecutionCompleted;
import org.marketspine.console.protocol.EventData.ExecutionQueued;
import org.marketspine.console.protocol.Trigger;
import org.pcollections.PMap;

/**
 * The fold a verifier uses gives what the one persistent fold gives — the same entries in the
 * same iteration order, which a bundle's report depends on byte for byte — also for keys whose
 * hashes collide ("Aa" and "BB"), where a hash tree's order depends on which was put last.
 */
class InPlaceFoldTest {
    private static final Instant T0 = Instant.parse("2026-11-02T14:00:00Z");

    private static List<Event> history() {
        List<Event> events = new ArrayList<>();
        List<Timed> facts = SyntheticHistory.facts(30_000, 11);
        for (Timed t : facts) events.add(Event.of(events.size() + 1, t.at(), t.data()));
        // Two executions whose ids share a hash, queued in one order and finished in the other.
        for (String id : List.of("Aa", "BB")) add(events, new ExecutionQueued(id, "p", Map.of("week", id), Trigger.MANUAL, "ops", null));
        add(events, new ExecutionCompleted("Aa", 10, 5, List.of()));
        add(events, new ExecutionQueued("AaAa", "p", Map.of(), Trigger.MANUAL, "ops", null));
        add(events, new ExecutionQueued("BBBB", "p", Map.of(), Trigger.MANUAL, "ops", null));
        add(events, new ExecutionCompleted("BBBB", 1, 1, List.of()));
        add(events, new ExecutionCompleted("AaAa", 1, 1, List.of()));
        return events;
    }

    private static void add(List<Event> events, EventData data) {
        events.add(Event.of(events.size() + 1, T0.plusSeconds(events.size()), data));
    }

    private static List<Object> every(PlatformState s) {
        return List.of(s.pipelines(), s.executions(), s.executionOrder(), s.activeRuns(), s.failures(), s.captures(),
                s.currentCaptures(), s.readiness(), s.anomalies(), s.sources(), s.purges(), s.missedSchedules(), s.commands());
    }

    /** Each collection as the list its iteration gives: order and content. */
    private static List<List<Object>> asRead(PlatformState s) {
        List<List<Object>> out = new ArrayList<>();
        for (Object c : every(s)) out.add(new ArrayList<>(c instanceof Map<?, ?> m ? m.entrySet() : (List<?>) c));
        return out;
    }

    /** Collection by collection, element by element; a failure names the first that differs (the states are large). */
    private static void assertReadAlike(PlatformState expected, PlatformState actual, String which) {
        List<List<Object>> e = asRead(expected);
        List<List<Object>> a = asRead(actual);
        for (int c = 0; c < e.size(); c++) {
            assertEquals(e.get(c).size(), a.get(c).size(), which + ": size of collection " + c);
            for (int i = 0; i < e.get(c).size(); i++) {
                if (!e.get(c).get(i).equals(a.get(c).get(i))) {
                    fail(which + ": collection " + c + " differs first at position " + i + ": expected " + e.get(c).get(i)
                            + " but read " + a.get(c).get(i));
                }
            }
        }
    }

    @Test
    void finishAndSnapshotReadExactlyAsThePersistentFold() {
        List<Event> events = history();
        PlatformState persistent = StateFold.applyAll(PlatformState.EMPTY, events);
        PlatformState halfway = StateFold.applyAll(PlatformState.EMPTY, events.subList(0, events.size() / 2));
        InPlaceFold fold = new InPlaceFold();
        PlatformState snapshot = null;
        for (Event e : events) {
            fold.apply(e);
            if (e.seq() == events.size() / 2) snapshot = fold.snapshot();
        }
        PlatformState finished = fold.finish();

        assertReadAlike(halfway, snapshot, "a state part-way through");
        assertReadAlike(persistent, finished, "the state at the end");
        assertEquals(persistent, finished);
        assertEquals(persistent.seq(), finished.seq());
        assertEquals(persistent.at(), finished.at());
        // The test's premise: each colliding pair shares a bucket, the one put last first.
        List<String> ids = new ArrayList<>(persistent.executions().keySet());
        assertEquals(ids.indexOf("Aa") + 1, ids.indexOf("BB"), "Aa, completed after BB was queued, first");
        assertEquals(ids.indexOf("AaAa") + 1, ids.indexOf("BBBB"), "AaAa, completed last, first");
    }

    @Test
    void aFinishedStateIsPersistentAndTheFoldStops() {
        InPlaceFold fold = new InPlaceFold();
        for (Event e : history()) fold.apply(e);
        PlatformState end = fold.finish();
        int before = end.executions().size();
        Execution aa = end.execution("Aa");

        PMap<String, Execution> more = end.executions().minus("Aa");

        assertEquals(before - 1, more.size());
        assertNull(more.get("Aa"));
        assertSame(aa, end.execution("Aa"), "the finished state did not change");
        assertEquals(before, end.executions().size());
        assertThrows(IllegalStateException.class, () -> fold.apply(history().get(0)));
        assertThrows(UnsupportedOperationException.class, () -> end.executions().put("x", aa));
    }

    @Test
    void nothingFoldedIsTheEmptyState() {
        assertSame(PlatformState.EMPTY, new InPlaceFold().snapshot());
        assertSame(PlatformState.EMPTY, new InPlaceFold().finish());
    }
}
