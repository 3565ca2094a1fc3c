package org.marketspine.console.testing;

import java.time.Duration;
import java.time.Instant;

/** A clock a test moves by hand: what takes 15 s for a user takes one call here. */
public final class MutableClock extends UtcClock {
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
