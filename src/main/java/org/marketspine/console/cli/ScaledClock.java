package org.marketspine.console.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs {@code scale} times faster than the wall clock from a shared origin, so a
 * feed process and a client process agree on simulated time (soak benchmarks: 30 days in minutes).
 * Spelled {@code WALLMILLIS:SIMINSTANT:SCALE} on the command line.
 */
public final class ScaledClock extends Clock {
    private final long wallOrigin;
    private final Instant simOrigin;
    private final double scale;

    public ScaledClock(long wallOriginMillis, Instant simOrigin, double scale) {
        this.wallOrigin = wallOriginMillis;
        this.simOrigin = simOrigin;
        this.scale = scale;
    }

    public static ScaledClock parse(String spec) {
        String[] parts = spec.split(":", 2);
        int last = parts[1].lastIndexOf(':');
        return new ScaledClock(Long.parseLong(parts[0]), Instant.parse(parts[1].substring(0, last)),
                Double.parseDouble(parts[1].substring(last + 1)));
    }

    public String spec() {
        return wallOrigin + ":" + simOrigin + ":" + scale;
    }

    @Override
    public Instant instant() {
        return simOrigin.plusMillis((long) ((System.currentTimeMillis() - wallOrigin) * scale));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
