package org.marketspine.console.testing;

import java.time.Duration;
import java.time.Instant;

/**
 * The system clock, plus whatever a test has leapt ahead: everything runs at its real pace (a
 * demo feed keeps its schedule), and "15 s of silence" takes one call instead of 15 s of waiting.
 */
public final class LeapClock extends UtcClock {
    private volatile Duration ahead = Duration.ZERO;

    public void leap(Duration d) {
        ahead = ahead.plus(d);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }
}
