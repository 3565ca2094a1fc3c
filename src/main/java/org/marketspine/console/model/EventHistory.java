package org.marketspine.console.model;

import java.time.Instant;
import org.marketspine.console.protocol.Event;

/**
 * Read-only access to the events up to a head and the states after them: what a view travelling
 * in time reads. An {@link EventLog} is one (and grows); {@link EventLog#asOfHead()} is one pinned
 * at the head it had, which is what a snapshot carries — so a view reading the past never sees an
 * event the state it was given did not include.
 */
public interface EventHistory {
    /** The state after the last event. */
    PlatformState head();

    default long headSeq() {
        return head().seq();
    }

    /** How many events lead to the head (a log that keeps only its latest state counts them, and cannot give them). */
    default int size() {
        return (int) head().seq();
    }

    Event event(long seq);

    /** The state after the event {@code seq} (0 is the empty state). */
    PlatformState stateAtSeq(long seq);

    /** The state as the journal knew it at instant {@code t}. */
    default PlatformState stateAt(Instant t) {
        return stateAtSeq(seqAt(t));
    }

    /** The last seq known at instant {@code t}, or 0 when the history starts after it. */
    long seqAt(Instant t);

    /** The first event's time, or null when none is held. */
    Instant firstAt();

    /** The latest event time up to the head, or null when none is held. */
    Instant lastAt();

    /** A state with none of the events behind it (a test's snapshot, a benchmark's): the past is not available. */
    static EventHistory headOnly(PlatformState head) {
        return new HeadOnly(head);
    }

    /** See {@link #headOnly}. */
    record HeadOnly(PlatformState head) implements EventHistory {
        @Override
        public Event event(long seq) {
            throw new IllegalStateException("this history holds only its latest state, not event " + seq);
        }

        @Override
        public PlatformState stateAtSeq(long seq) {
            if (seq >= head.seq()) return head;
            if (seq <= 0) return PlatformState.EMPTY;
            throw new IllegalStateException("this history holds only its latest state, not the state at seq " + seq);
        }

        @Override
        public long seqAt(Instant t) {
            return head.seq() > 0 && !t.isBefore(head.at()) ? head.seq() : 0;
        }

        @Override
        public Instant firstAt() {
            return null;
        }

        @Override
        public Instant lastAt() {
            return head.seq() == 0 ? null : head.at();
        }
    }
}
