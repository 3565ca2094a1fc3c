package org.marketspine.console.feed.client;

import java.util.function.LongUnaryOperator;

/** How long to wait before reconnect attempt {@code n}: exponential from 250 ms to 10 s, with jitter so a fleet does not reconnect in step. */
public final class Backoff {
    static final long BASE_MILLIS = 250;
    static final long MAX_MILLIS = 10_000;

    private Backoff() {}

    /**
     * @param tried attempts made since the last welcome (0 after a connection that was welcomed)
     * @param jitter given a bound b, a value in [0, b] (the random source; fixed in tests)
     */
    public static long delayMillis(int tried, LongUnaryOperator jitter) {
        long ceiling = Math.min(MAX_MILLIS, BASE_MILLIS << Math.min(Math.max(tried - 1, 0), 16));
        return ceiling / 2 + jitter.applyAsLong(ceiling / 2);
    }
}
