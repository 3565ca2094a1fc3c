package org.marketspine.console.feed.server;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Issue 13: over 50 frames a second is refused; 5 seconds of it in a row ends the connection; a quiet second forgives. */
class RateLimitTest {
    static final long S = 1_000_000_000L;

    private static int refusedIn(RateLimit r, long second, int frames) {
        int refused = 0;
        for (int i = 0; i < frames; i++) {
            RateLimit.Verdict v = r.onFrame(second * S + i);
            if (v == RateLimit.Verdict.CLOSE) return -1;
            if (v == RateLimit.Verdict.REFUSE) refused++;
        }
        return refused;
    }

    @Test
    void fiveSecondsOverTheLimitClose() {
        RateLimit r = new RateLimit();
        assertEquals(0, refusedIn(r, 0, 50), "50 a second is fine");
        for (long s = 1; s <= 4; s++) assertEquals(10, refusedIn(r, s, 60), "second " + s + ": the 10 over are refused");
        assertEquals(-1, refusedIn(r, 5, 60), "the fifth second over in a row closes");
    }

    @Test
    void aQuietSecondBreaksTheRun() {
        RateLimit r = new RateLimit();
        for (long s = 0; s < 4; s++) refusedIn(r, s, 60);
        assertEquals(0, refusedIn(r, 4, 10));
        for (long s = 5; s < 9; s++) assertNotEquals(-1, refusedIn(r, s, 60), "a new run starts after the quiet second");
        assertEquals(-1, refusedIn(r, 9, 60));
        RateLimit gap = new RateLimit();
        for (long s = 0; s < 4; s++) refusedIn(gap, s, 60);
        assertNotEquals(-1, refusedIn(gap, 10, 60), "seconds with no frame at all also break the run");
    }
}
