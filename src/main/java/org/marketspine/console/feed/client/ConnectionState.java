package org.marketspine.console.feed.client;

import java.time.Instant;

/**
 * What the connection bar shows: live, catching up (with progress), reconnecting (attempt n,
 * next at T), lost since T (after {@link FeedClient#SILENCE} without a frame), or refused.
 *
 * @param lastSeq   the last event seq the client holds
 * @param headSeq   the server's head as last heard (for catch-up progress)
 * @param lostSince when the feed was last heard from, once it is not live
 */
public record ConnectionState(Phase phase, int attempt, Instant nextAttemptAt, Instant lostSince, long lastSeq,
                              long headSeq, String detail) {

    /** {@code BUNDLE}: no connection at all — an audit bundle opened for offline review. */
    public enum Phase { CONNECTING, CATCHING_UP, LIVE, RECONNECTING, LOST, REFUSED, CLOSED, BUNDLE }

    /** Catch-up progress in [0, 1]. */
    public double progress() {
        if (headSeq <= 0) return phase == Phase.LIVE ? 1 : 0;
        return Math.min(1.0, (double) lastSeq / headSeq);
    }

    public boolean isLive() {
        return phase == Phase.LIVE;
    }
}
