package org.marketspine.console.feed.server;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** FEED-PROTOCOL "Slow consumers": over the bound for 30 s is closed 4413, a trickle read or not; idle is reading nothing at all. */
class BoundWatchTest {
    private static final long S = 1_000_000_000L;
    private static final long MIB = 1024 * 1024;

    @Test
    void aTrickleReadWhileOverTheBoundDoesNotStartTheThirtySecondsAgain() {
        BoundWatch w = new BoundWatch();
        w.missed(7 * MIB, 0);
        w.missed(7 * MIB - 16 * 1024, 20 * S); // the client read 16 KiB: not enough for the next frame
        assertFalse(w.overFor(30 * S, 29 * S));
        assertTrue(w.overFor(30 * S, 30 * S), "over the bound since 0 s");
        assertFalse(w.idleFor(S, 20 * S + S / 2), "it read something at 20 s: not idle");
        assertTrue(w.idleFor(S, 21 * S));
    }

    @Test
    void aFrameThatFitsEndsBothClocks() {
        BoundWatch w = new BoundWatch();
        w.missed(7 * MIB, 0);
        assertTrue(w.isOver());
        w.fitted();
        assertFalse(w.isOver());
        assertFalse(w.overFor(30 * S, 100 * S));
        assertFalse(w.idleFor(S, 100 * S));
        w.missed(7 * MIB, 100 * S);
        assertFalse(w.overFor(30 * S, 129 * S), "the 30 s start again from the next miss");
        assertTrue(w.overFor(30 * S, 130 * S));
    }
}
