package org.marketspine.console.feed.server;

/**
 * The two clocks of a client's outbox (FEED-PROTOCOL "Slow consumers"), apart from its socket so
 * that they can be driven by hand: <b>over the bound</b> runs from the first frame that did not
 * fit until one fits again (30 s of it and the client is closed 4413, however much it trickles
 * meanwhile); <b>idle</b> runs while frames wait and the client reads nothing at all (a moment of
 * it and its requests are refused). Not thread-safe: its outbox holds its lock.
 */
final class BoundWatch {
    private long overSince = -1;
    private long idleSince = -1;
    /** The unsent bytes when a frame last did not fit: fewer later means the client read some. */
    private long unsentThen;

    /** A frame did not fit, with {@code unsent} bytes still unread at {@code now}. */
    void missed(long unsent, long now) {
        if (overSince < 0) overSince = now;
        if (idleSince < 0 || unsent < unsentThen) idleSince = now; // reading, however little, is not idle
        unsentThen = unsent;
    }

    /** A frame fitted: within the bound again. */
    void fitted() {
        overSince = -1;
        idleSince = -1;
    }

    boolean isOver() {
        return overSince >= 0;
    }

    boolean overFor(long nanos, long now) {
        return overSince >= 0 && now - overSince >= nanos;
    }

    boolean idleFor(long nanos, long now) {
        return idleSince >= 0 && now - idleSince >= nanos;
    }
}
