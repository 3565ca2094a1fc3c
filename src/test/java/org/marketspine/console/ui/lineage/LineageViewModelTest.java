package org.marketspine.console.ui.lineage;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.feed.source.DemoPlatform;
import org.marketspine.console.model.EventLog;
import org.marketspine.console.model.StateDiff;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.ui.CommandSender;
import org.marketspine.console.ui.ConsoleSnapshot;

/**
 * The compliance view model without a feed or a window: it reads the past only from the snapshot
 * it was given (state and the events behind it), never from a log that has grown since.
 */
class LineageViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void travellingInTimeReadsTheSnapshotsEventsNotOnesThatArrivedAfterIt() {
        List<Event> history = new DemoPlatform(11, 1, Clock.systemUTC()).history(NOW);
        int half = history.size() / 2;
        EventLog log = new EventLog();
        log.appendAll(history.subList(0, half));
        ConsoleSnapshot snapshot = new ConsoleSnapshot(log.head(), new ConnectionState(ConnectionState.Phase.LIVE, 0, null, null,
                half, half, "test"), null, false, NOW, null, null, null, null, null, log.asOfHead());
        log.appendAll(history.subList(half, history.size())); // arrives after the snapshot was taken

        LineageViewModel vm = new LineageViewModel(CommandSender.none("a test sends nothing"), Runnable::run, () -> NOW, null);
        vm.update(snapshot);

        assertEquals(half, vm.history().headSeq());
        assertSame(snapshot.state(), vm.head());
        Instant first = vm.history().firstAt();
        StateDiff d = vm.comparison().compare(first, NOW.plusSeconds(3600));
        assertEquals(StateDiff.between(snapshot.history().stateAt(first), snapshot.state()), d,
                "the comparison ends at the snapshot's state, not at the newer log's");
        assertNotEquals(StateDiff.between(log.stateAt(first), log.head()), d, "(the newer log would compare differently)");
        // Stepping forward from the last event of the snapshot goes live, not on into the newer events.
        vm.scrubTo(vm.history().event(half - 1).at());
        vm.step(+1);
        vm.step(+1);
        assertNull(vm.timeProperty().get(), "past the snapshot's last event is live");
        assertFalse(vm.isReview());
        assertEquals(first, vm.timelineStart());
    }
}
