package org.marketspine.console.feed.server;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.StateFold;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.DecodeException;
import org.marketspine.console.protocol.Event;

/**
 * The state a journal's stored events fold to: folded once, on a thread of its own, the first time
 * it is needed (a replay never needs it), then moved on by each append.
 */
final class JournalFold {
    private static final Logger LOG = Logger.getLogger(JournalFold.class.getName());
    private final Journal journal;
    private volatile PlatformState state;
    private volatile RuntimeException failure;
    private final CountDownLatch folded = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();

    JournalFold(Journal journal) {
        this.journal = journal;
    }

    void start() {
        if (started.compareAndSet(false, true)) Thread.ofPlatform().daemon().name("journal-fold").start(this::fold);
    }

    /** The state after the last event; the first call waits for the stored events to be folded. */
    PlatformState state() {
        start();
        try {
            folded.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the journal", e);
        }
        if (failure != null) throw failure;
        return state;
    }

    /** The state after an append (the appender folded the new events onto {@link #state()}). */
    void advanced(PlatformState next) {
        state = next;
    }

    /** Before the journal closes: a fold under way finishes reading first (up to 30 s). */
    void awaitQuietly() {
        try {
            if (started.get()) folded.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fold() {
        PlatformState s = PlatformState.EMPTY;
        long upTo = journal.headSeq();
        try {
            long after = 0;
            while (after < upTo) {
                List<String> items = journal.readItems(after, 10_000, Integer.MAX_VALUE);
                if (items.isEmpty()) break;
                for (String item : items) {
                    Event e = Codec.decodeEvent(item);
                    s = StateFold.apply(s, e);
                    after = e.seq();
                }
            }
            state = s;
        } catch (DecodeException e) {
            failure = new IllegalStateException("journal " + journal.describe() + " holds an unreadable event after seq "
                    + s.seq() + ": " + e.getMessage());
            LOG.severe(failure.getMessage());
        } catch (RuntimeException e) {
            failure = e;
            LOG.log(Level.SEVERE, "cannot fold journal " + journal.describe(), e);
        } finally {
            folded.countDown();
        }
    }
}
