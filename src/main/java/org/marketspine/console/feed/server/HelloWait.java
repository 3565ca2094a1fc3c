package org.marketspine.console.feed.server;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether a new connection's hello came in time, decided once by whichever comes first: the hello
 * (on the socket thread) or the timer (on the housekeeping thread). A hello that arrives as the
 * wait ends is either greeted or refused, never both; a greeting in progress is never cut off.
 */
final class HelloWait {
    private enum State { WAITING, ARRIVED, TOO_LATE }

    private final AtomicReference<State> state = new AtomicReference<>(State.WAITING);

    /** A hello arrived: false when the wait had already ended (the connection is being closed). */
    boolean arrived() {
        return state.compareAndSet(State.WAITING, State.ARRIVED) || state.get() == State.ARRIVED;
    }

    /** The wait is over: true once, only when no hello arrived — then the connection is to be closed. */
    boolean tooLate() {
        return state.compareAndSet(State.WAITING, State.TOO_LATE);
    }
}
