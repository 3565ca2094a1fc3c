package org.marketspine.console.feed.server;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether the platform thread still answers. The source's work, commands and leadership all run on
 * that one thread, so a step that never returns freezes the feed — the demo's once did, for whole
 * simulated days, while every screen went on reading "live, source current". The thread stamps a
 * beat every second; another thread checks it, and after {@code stallAfter} without one the feed
 * says {@code failing} until the thread answers again.
 */
final class PlatformWatch {
    /** What the feed says of it; called on the checking thread. */
    interface Listener {
        void stalled(Duration silentFor);

        void answered();
    }

    private final LongSupplier nanoTime;
    private final long stallNanos;
    private final Listener listener;
    private volatile long lastBeat;
    private boolean stalled; // read and written by check() only, on one thread

    PlatformWatch(Duration stallAfter, LongSupplier nanoTime, Listener listener) {
        if (stallAfter.isNegative() || stallAfter.isZero()) throw new IllegalArgumentException("stallAfter must be positive");
        this.nanoTime = nanoTime;
        this.stallNanos = stallAfter.toNanos();
        this.listener = listener;
        this.lastBeat = nanoTime.getAsLong();
    }

    /** On the platform thread: it answered. */
    void beat() {
        lastBeat = nanoTime.getAsLong();
    }

    /** On the checking thread: tells the listener when the thread stops or starts answering. */
    void check() {
        long silent = nanoTime.getAsLong() - lastBeat;
        if (!stalled && silent >= stallNanos) {
            stalled = true;
            listener.stalled(Duration.ofNanos(silent));
        } else if (stalled && silent < stallNanos) {
            stalled = false;
            listener.answered();
        }
    }
}
