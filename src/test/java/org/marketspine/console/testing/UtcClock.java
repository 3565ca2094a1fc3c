package org.marketspine.console.testing;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A test clock in UTC whatever zone is asked of it: only {@link #instant()} differs between them. */
public abstract class UtcClock extends Clock {
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
