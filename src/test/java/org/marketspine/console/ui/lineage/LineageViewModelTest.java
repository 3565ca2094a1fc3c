package org.marketspine.console.ui.lineage;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    /** The demo's own lineage (FINRA file → ingest → normalize → 6-week average, seven columns) opens whole at 1920×1080. */
    @Test
    void theDemosLineageOpensWholeOnA1920Screen() throws InterruptedException {
        List<Event> history = new DemoPlatform(20261125, 1, Clock.systemUTC()).history(NOW);
        EventLog log = new EventLog();
        log.appendAll(history);
        ConsoleSnapshot snapshot = new ConsoleSnapshot(log.head(), new ConnectionState(ConnectionState.Phase.LIVE, 0, null, null,
                log.headSeq(), log.headSeq(), "test"), null, false, NOW, null, null, null, null, null, log.asOfHead());
        LineageViewModel vm = new LineageViewModel(CommandSender.none("a test sends nothing"), Runnable::run, () -> NOW, null);
        CountDownLatch laidOut = new CountDownLatch(1);
        vm.layoutProperty().addListener((o, a, r) -> laidOut.countDown());
        vm.update(snapshot);
        assertTrue(laidOut.await(30, TimeUnit.SECONDS), "laid out");
        var layout = vm.layoutProperty().get();
        assertTrue(layout.boxes().size() >= 10, "a whole lineage: " + layout.boxes().size() + " nodes");
        // The canvas at 1920×1080: the window less its padding, the toolbar, the timeline and the status bar.
        LineageViewport first = LineageViewport.first(layout, vm.anchor(), 1896, 718);
        assertEquals(LineageViewport.fit(layout, 1896, 718), first, "fitted, not 100 % around the anchor");
        assertEquals(OffView.NONE, OffView.of(layout.boxes().values(), first, 1896, 718), "nothing cut off");
        // At 1280×720 it does not fit readably: it opens at 100 % and says what it cuts off.
        LineageViewport small = LineageViewport.first(layout, vm.anchor(), 1256, 358);
        assertEquals(1.0, small.scale(), 1e-9);
        OffView off = OffView.of(layout.boxes().values(), small, 1256, 358);
        assertTrue(off.left() + off.right() > 0, off.toString());
    }
}
