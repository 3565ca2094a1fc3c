package org.marketspine.console.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketspine.console.bench.SyntheticHistory;
import org.marketspine.console.feed.EventSink.Timed;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData.CommandRecorded;
import org.marketspine.console.protocol.EventData.ExecutionQueued;
import org.marketspine.console.protocol.Outcome;
import org.marketspine.console.protocol.Role;
import org.marketspine.console.protocol.Trigger;

/**
 * The report's compliance table lists the newest 5,000 entries of a range: exactly the rows, in
 * the order, that the full audit log filtered to the range lists first — also for entries at the
 * same instant (a command and the run it queued), whose order the full log's stable sort decides.
 */
class AuditLogNewestTest {
    private static final Instant TIE = Instant.parse("2026-11-02T14:00:00Z");

    private static PlatformState state() {
        List<Event> events = new ArrayList<>();
        for (Timed t : SyntheticHistory.facts(6_000, 5)) events.add(Event.of(events.size() + 1, t.at(), t.data()));
        // Entries at one instant: executions and commands, one execution and one command sharing an id.
        for (String id : List.of("ex-b", "ex-a", "same", "ex-c")) {
            events.add(Event.of(events.size() + 1, TIE, new ExecutionQueued(id, "p", Map.of("week_ending", "2026-10-30"), Trigger.MANUAL, "ops", null)));
        }
        for (String id : List.of("cmd-2", "same", "cmd-1")) {
            events.add(Event.of(events.size() + 1, TIE, new CommandRecorded(id, "retry", "ana", Role.OPERATOR, Map.of(), Outcome.ACCEPTED, "why")));
        }
        return StateFold.applyAll(PlatformState.EMPTY, events);
    }

    @Test
    void theNewestInARangeAreTheFirstRowsOfTheFilteredLogInItsOrder() {
        PlatformState s = state();
        List<AuditLog.Entry> all = AuditLog.of(s);
        Instant first = all.getLast().at();
        Instant last = all.getFirst().at();
        // The synthetic history is an hour of events a second apart, then the entries at TIE: ranges that
        // end inside it (the end bound), start inside it, hold only the ties, and hold nothing.
        Instant quarter = all.get(all.size() * 3 / 4).at();
        Instant half = all.get(all.size() / 2).at();
        List<Instant[]> ranges = List.of(new Instant[] {first, last}, new Instant[] {quarter, half}, new Instant[] {first, half},
                new Instant[] {half, TIE}, new Instant[] {TIE, TIE}, new Instant[] {last.plusSeconds(1), last.plusSeconds(2)});
        for (Instant[] r : ranges) {
            List<AuditLog.Entry> inRange = AuditLog.filter(all, new AuditLog.Filter(r[0], r[1], null, null, null, null));
            for (int limit : new int[] {1, 3, 7, 100, 5_000, 1_000_000}) {
                AuditLog.Newest newest = AuditLog.newestInRange(s, r[0], r[1], limit);
                String which = r[0] + " – " + r[1] + ", limit " + limit;
                assertEquals(inRange.subList(0, Math.min(limit, inRange.size())), newest.entries(), which);
                assertEquals(inRange.size(), newest.count(), which);
            }
        }
        assertEquals(7, AuditLog.newestInRange(s, TIE, TIE, 100).count());
        assertThrows(IllegalArgumentException.class, () -> AuditLog.newestInRange(s, first, last, 0));
    }
}
