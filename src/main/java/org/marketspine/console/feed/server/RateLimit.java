package org.marketspine.console.feed.server;

/**
 * The protocol's frame limit for one connection: more than {@value #PER_SECOND} frames in a
 * second makes that second "over"; frames beyond the limit are answered {@code rate_limited};
 * {@value #SECONDS_OVER} seconds over in a row end the connection (4429). A pure state machine
 * over a nanosecond clock, so it is tested without waiting.
 */
final class RateLimit {
    static final int PER_SECOND = 50;
    static final int SECONDS_OVER = 5;

    /** What to do with one frame. */
    enum Verdict { ACCEPT, REFUSE, CLOSE }

    private long second = Long.MIN_VALUE;
    private int count;
    private int overInARow;
    private boolean thisSecondOver;

    Verdict onFrame(long nanos) {
        long s = Math.floorDiv(nanos, 1_000_000_000L);
        if (s != second) {
            // A quiet second (or more) in between breaks the run of seconds over the limit.
            overInARow = thisSecondOver && s == second + 1 ? overInARow : 0;
            second = s;
            count = 0;
            thisSecondOver = false;
        }
        if (++count <= PER_SECOND) return Verdict.ACCEPT;
        if (!thisSecondOver) {
            thisSecondOver = true;
            overInARow++;
        }
        return overInARow >= SECONDS_OVER ? Verdict.CLOSE : Verdict.REFUSE;
    }
}
