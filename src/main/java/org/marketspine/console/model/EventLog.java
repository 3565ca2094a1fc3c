package org.marketspine.console.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.marketspine.console.protocol.Event;

/**
 * The client's append-only record of a feed: events in seq order, an index by time and a
 * checkpoint state every {@value #CHECKPOINT_EVERY} events, so that the state at any instant is
 * a checkpoint plus a short replay.
 *
 * <p>One writer thread appends; any thread may read. Appends publish through volatile fields, so
 * a reader never sees a half-written event.
 */
public final class EventLog implements EventHistory {
    public static final int CHECKPOINT_EVERY = 1024;
    private static final int CHUNK_BITS = 14;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final List<Event[]> eventChunks = new CopyOnWriteArrayList<>();
    private final List<long[]> timeChunks = new CopyOnWriteArrayList<>();
    private final List<PlatformState> checkpoints = new CopyOnWriteArrayList<>();
    private volatile int size;
    private volatile PlatformState head = PlatformState.EMPTY;
    private long maxAtMillis = Long.MIN_VALUE;
    private final boolean retainsHistory;
    private final UnaryOperator<PlatformState> pruner;
    private int sincePrune;

    /** A log that keeps every event: time travel, audit, bundles. */
    public EventLog() {
        this(true, null);
    }

    private EventLog(boolean retainsHistory, UnaryOperator<PlatformState> pruner) {
        this.retainsHistory = retainsHistory;
        this.pruner = pruner;
        checkpoints.add(PlatformState.EMPTY);
    }

    /**
     * A log that keeps only the latest state, pruned by {@code pruner} every
     * {@value #PRUNE_EVERY} events: for a board that runs for weeks and never travels in time.
     */
    public static EventLog headOnly(UnaryOperator<PlatformState> pruner) {
        return new EventLog(false, pruner);
    }

    static final int PRUNE_EVERY = 5000;

    public boolean retainsHistory() {
        return retainsHistory;
    }

    /** Appends the next event. Its seq must follow the last one: the log never has a gap or a repeat. */
    public PlatformState append(Event event) {
        long expected = head.seq() + 1;
        if (event.seq() != expected) {
            throw new IllegalArgumentException("event seq " + event.seq() + " does not follow " + head.seq());
        }
        PlatformState next = StateFold.apply(head, event);
        if (!retainsHistory) {
            if (pruner != null && ++sincePrune >= PRUNE_EVERY) {
                sincePrune = 0;
                next = pruner.apply(next);
            }
            size++;
            head = next;
            return next;
        }
        int index = size;
        int chunk = index >>> CHUNK_BITS;
        if (chunk == eventChunks.size()) {
            eventChunks.add(new Event[CHUNK]);
            timeChunks.add(new long[CHUNK]);
        }
        eventChunks.get(chunk)[index & (CHUNK - 1)] = event;
        maxAtMillis = Math.max(maxAtMillis, event.at().toEpochMilli());
        timeChunks.get(chunk)[index & (CHUNK - 1)] = maxAtMillis;
        if (event.seq() % CHECKPOINT_EVERY == 0) checkpoints.add(next);
        size = index + 1;
        head = next;
        return next;
    }

    public PlatformState appendAll(List<Event> events) {
        PlatformState s = head;
        for (Event e : events) s = append(e);
        return s;
    }

    /** The latest state. */
    public PlatformState head() {
        return head;
    }

    public long headSeq() {
        return head.seq();
    }

    public int size() {
        return size;
    }

    public Event event(long seq) {
        requireHistory();
        int index = (int) (seq - 1);
        if (seq < 1 || index >= size) throw new IndexOutOfBoundsException("no event with seq " + seq);
        return eventChunks.get(index >>> CHUNK_BITS)[index & (CHUNK - 1)];
    }

    /** Events with {@code fromSeq <= seq <= toSeq}, clipped to what the log holds. */
    public List<Event> events(long fromSeq, long toSeq) {
        long from = Math.max(1, fromSeq);
        long to = Math.min(size, toSeq);
        List<Event> out = new ArrayList<>((int) Math.max(0, to - from + 1));
        for (long s = from; s <= to; s++) out.add(event(s));
        return out;
    }

    /** The state after the event {@code seq} (0 is the empty state). */
    public PlatformState stateAtSeq(long seq) {
        PlatformState current = head;
        if (seq >= current.seq()) return current;
        requireHistory();
        if (seq <= 0) return PlatformState.EMPTY;
        PlatformState s = checkpoints.get((int) (seq / CHECKPOINT_EVERY));
        for (long next = s.seq() + 1; next <= seq; next++) s = StateFold.apply(s, event(next));
        return s;
    }

    /**
     * The state as the journal knew it at instant {@code t}: every event whose time, or any
     * earlier event's time, is at or before {@code t}. (A fact reported late counts from when it
     * was reported, so the past never changes after the fact.)
     */
    public PlatformState stateAt(Instant t) {
        return stateAtSeq(seqAt(t));
    }

    /** The last seq known at instant {@code t}, or 0 when the log starts after it. */
    public long seqAt(Instant t) {
        requireHistory();
        long millis = t.toEpochMilli();
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (timeChunks.get(mid >>> CHUNK_BITS)[mid & (CHUNK - 1)] <= millis) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found + 1L;
    }

    private void requireHistory() {
        if (!retainsHistory) throw new IllegalStateException("this log keeps only the latest state (wall screen)");
    }

    public Instant firstAt() {
        return size == 0 || !retainsHistory ? null : event(1).at();
    }

    public Instant lastAt() {
        if (!retainsHistory) return size == 0 ? null : head.at();
        return size == 0 ? null : Instant.ofEpochMilli(timeChunks.get((size - 1) >>> CHUNK_BITS)[(size - 1) & (CHUNK - 1)]);
    }

    /** No events at all (what a view holds before its first snapshot). */
    public static EventHistory emptyHistory() {
        return EMPTY_HISTORY;
    }

    private static final EventHistory EMPTY_HISTORY = EventHistory.headOnly(PlatformState.EMPTY);

    /** This log as it is now, pinned: later appends are not part of it. */
    public EventHistory asOfHead() {
        return new Pinned(this, head);
    }

    /** The running latest event time up to {@code seq} (what "known at t" is measured by), in milliseconds. */
    private long latestMillisUpTo(long seq) {
        int index = (int) (seq - 1);
        return timeChunks.get(index >>> CHUNK_BITS)[index & (CHUNK - 1)];
    }

    /** A log's events up to one head; events appended after it are outside. */
    private record Pinned(EventLog log, PlatformState head) implements EventHistory {
        @Override
        public Event event(long seq) {
            if (seq > head.seq()) throw new IndexOutOfBoundsException("no event with seq " + seq + " in a history up to " + head.seq());
            return log.event(seq);
        }

        @Override
        public PlatformState stateAtSeq(long seq) {
            return seq >= head.seq() ? head : log.stateAtSeq(seq);
        }

        @Override
        public long seqAt(Instant t) {
            return Math.min(log.seqAt(t), head.seq());
        }

        @Override
        public Instant firstAt() {
            return head.seq() == 0 ? null : log.firstAt();
        }

        @Override
        public Instant lastAt() {
            if (head.seq() == 0) return null;
            return log.retainsHistory ? Instant.ofEpochMilli(log.latestMillisUpTo(head.seq())) : head.at();
        }
    }
}
