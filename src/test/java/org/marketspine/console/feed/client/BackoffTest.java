package org.marketspine.console.feed.client;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Reconnect delays: doubling from 250 ms to 10 s, jittered within the upper half, and never zero after a welcomed connection. */
class BackoffTest {
    @Test
    void delaysDoubleUpToTenSecondsWithinTheirUpperHalf() {
        assertEquals(125, Backoff.delayMillis(1, b -> 0));
        assertEquals(250, Backoff.delayMillis(1, b -> b));
        assertEquals(250, Backoff.delayMillis(2, b -> 0));
        assertEquals(10_000, Backoff.delayMillis(20, b -> b));
        assertEquals(5_000, Backoff.delayMillis(40, b -> 0));
        assertEquals(125, Backoff.delayMillis(0, b -> 0), "a connection that was welcomed and dropped waits too: no tight loop");
    }
}
