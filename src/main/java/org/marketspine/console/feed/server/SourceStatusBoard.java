package org.marketspine.console.feed.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SourceState;

/**
 * What the server says of its source ({@code source_status}): the current status, its changes
 * told to every greeted session, and a wait for a state. Greeting a session and changing the
 * status take the same lock, so no session misses a change that happens while it is greeted.
 */
final class SourceStatusBoard {
    private static final Logger LOG = Logger.getLogger(SourceStatusBoard.class.getName());

    private final Clock clock;
    private final Object lock = new Object();
    private Message.SourceStatus status;
    /** While the platform thread does not answer: what the source said last (it shows again when the thread answers). */
    private Message.SourceStatus beforeStall;

    SourceStatusBoard(Clock clock) {
        this.clock = clock;
        this.status = new Message.SourceStatus(SourceState.LOADING, clock.instant(), "the platform source is starting", null);
    }

    Message.SourceStatus current() {
        synchronized (lock) {
            return status;
        }
    }

    /** Sets the status; when it changed, {@code tellEveryone} gets the new one (under the lock). */
    void report(SourceState state, String message, Message.Progress progress, Consumer<Message.SourceStatus> tellEveryone) {
        synchronized (lock) {
            Message.SourceStatus was = beforeStall != null ? beforeStall : status;
            String text = message == null ? "" : message;
            if (was.state() == state && was.message().equals(text) && Objects.equals(was.progress(), progress)) return;
            // "since" is when the state began: progress within one loading keeps its start.
            Instant since = was.state() == state ? was.since() : clock.instant();
            Message.SourceStatus next = new Message.SourceStatus(state, since, text, progress);
            if (beforeStall != null) {
                beforeStall = next; // said once the platform thread answers again
                return;
            }
            set(next, tellEveryone);
            if (was.state() != state) LOG.info("source " + state.wire() + (text.isEmpty() ? "" : ": " + text));
        }
    }

    /** The platform thread has not answered for {@code silentFor}: {@code failing} until {@link #answered}. */
    void stalled(Duration silentFor, Consumer<Message.SourceStatus> tellEveryone) {
        synchronized (lock) {
            if (beforeStall != null) return;
            beforeStall = status;
            String message = "the platform source has not answered for " + Math.max(1, Math.round(silentFor.toMillis() / 1000.0))
                    + " s: its work is stuck; the journal is served as it stands";
            LOG.warning("source failing: " + message);
            set(new Message.SourceStatus(SourceState.FAILING, clock.instant(), message, null), tellEveryone);
        }
    }

    /** The platform thread answers again: what the source said last stands, from now. */
    void answered(Consumer<Message.SourceStatus> tellEveryone) {
        synchronized (lock) {
            if (beforeStall == null) return;
            Message.SourceStatus back = beforeStall;
            beforeStall = null;
            LOG.info("source " + back.state().wire() + " again: the platform thread answers");
            set(new Message.SourceStatus(back.state(), clock.instant(), back.message(), back.progress()), tellEveryone);
        }
    }

    private void set(Message.SourceStatus next, Consumer<Message.SourceStatus> tellEveryone) {
        status = next;
        lock.notifyAll();
        tellEveryone.accept(status);
    }

    /** Takes another server's status as it stands, its "since" included (a shared journal's server that does not lead). */
    void mirror(Message.SourceStatus leaders, Consumer<Message.SourceStatus> tellEveryone) {
        synchronized (lock) {
            if (beforeStall != null) {
                beforeStall = leaders;
                return;
            }
            if (leaders.equals(status)) return;
            set(leaders, tellEveryone);
        }
    }

    /** Sends the current status to a session and greets it, as one step against {@link #report}. */
    void greet(Session session, Runnable greeting) {
        synchronized (lock) {
            session.send(status);
            greeting.run();
        }
    }

    boolean await(SourceState wanted, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (status.state() != wanted) {
                long left = end - System.nanoTime();
                if (left <= 0) return false;
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }
}
