package org.marketspine.console.feed.client;

import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one owner of a client's connection state: the socket thread and the watchdog timer both
 * change it, so every change — and its announcement to the listener, in order — happens under one
 * lock, and a decision made on a state that has since moved on is dropped.
 */
final class StateOwner {
    private static final Logger LOG = Logger.getLogger(StateOwner.class.getName());
    private final Object lock = new Object();
    private final FeedListener listener;
    private volatile ConnectionState state;

    StateOwner(ConnectionState initial, FeedListener listener) {
        this.state = initial;
        this.listener = listener;
    }

    ConnectionState get() {
        return state;
    }

    /** Moves to {@code next} and tells the listener. */
    void set(ConnectionState next) {
        synchronized (lock) {
            state = next;
            try {
                listener.onState(next);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "connection state listener failed", e);
            }
        }
    }

    /** Moves to {@code next} only if the state is still {@code seen}. */
    boolean transition(ConnectionState seen, ConnectionState next) {
        synchronized (lock) {
            if (state != seen) return false;
            set(next);
            return true;
        }
    }

    /** Decides the next state from the current one, under the lock; null leaves it (and tells no one). */
    ConnectionState decide(UnaryOperator<ConnectionState> decision) {
        synchronized (lock) {
            ConnectionState next = decision.apply(state);
            if (next != null) set(next);
            return next;
        }
    }

    /** The last state, set without telling the listener (the client is closing: nobody listens any more). */
    void end(UnaryOperator<ConnectionState> last) {
        synchronized (lock) {
            state = last.apply(state);
        }
    }
}
