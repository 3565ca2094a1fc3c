package org.marketspine.console.feed.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A shared journal's reader thread: wakes on the other servers' notices, or after {@link #POLL}
 * anyway (a notice is a wake-up that can be missed, not the data), and has the journal read what
 * they wrote.
 */
final class JournalFollower implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JournalFollower.class.getName());
    static final Duration POLL = Duration.ofSeconds(1);

    private final JournalStore store;
    private final Runnable catchUp;
    private final Thread thread;
    private volatile boolean closed;

    JournalFollower(JournalStore store, Runnable catchUp) {
        this.store = store;
        this.catchUp = catchUp;
        this.thread = Thread.ofPlatform().daemon().name("journal-follow").start(this::follow);
    }

    private void follow() {
        boolean failing = false;
        while (!closed) {
            try {
                store.awaitWrites(POLL);
                if (closed) return;
                catchUp.run();
                if (failing) LOG.info("journal " + store.describe() + " is readable again");
                failing = false;
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) return;
                if (!failing) LOG.log(Level.WARNING, "cannot follow journal " + store.describe() + "; retrying every "
                        + POLL.toSeconds() + " s", e);
                failing = true;
                LockSupport.parkNanos(POLL.toNanos()); // the database is away: retry at the poll's pace, not in a spin
            }
        }
    }

    /** Stops the thread (within the poll's second: a wait for notices does not answer an interrupt). */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
