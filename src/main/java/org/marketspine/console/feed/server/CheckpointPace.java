package org.marketspine.console.feed.server;

import java.util.ArrayList;
import java.util.List;

/**
 * When a session sends a signed checkpoint (FEED-PROTOCOL): at the seq where it goes live, then
 * while live at every multiple of {@value #EVERY} it passes and at most {@code interval} after an
 * event that no checkpoint covers yet. None during a replay: one at its end covers all of it, and
 * an Ed25519 signature and its check cost about a millisecond each here (a thousand of them on a
 * million-event replay would cost the client seconds). Pure: the session feeds it seqs and its own
 * nanosecond clock.
 */
final class CheckpointPace {
    static final long EVERY = 1000;

    private final long intervalNanos;
    private long covered;
    /** When the oldest uncovered live event was sent; valid while {@code uncovered}. */
    private long uncoveredSince;
    private boolean uncovered;

    /** @param resumedAfter the seq the session resumes after: even a client already at the head gets a checkpoint at live */
    CheckpointPace(long resumedAfter, long intervalNanos) {
        this.covered = -1;
        this.intervalNanos = intervalNanos;
    }

    /** The session sent items up to {@code cursor}: the multiples of EVERY it passed while live. */
    List<Long> sent(long from, long cursor, boolean live, long nanos) {
        List<Long> due = new ArrayList<>();
        if (live) for (long m = (from / EVERY + 1) * EVERY; m <= cursor; m += EVERY) due.add(m);
        if (!due.isEmpty()) covered = due.get(due.size() - 1);
        if (live && cursor > covered && !uncovered) {
            uncovered = true;
            uncoveredSince = nanos;
        }
        if (cursor == covered) uncovered = false;
        return due;
    }

    /**
     * The session went live at {@code cursor}: a checkpoint there, unless one already covers it. None
     * at seq 0: an empty journal's chain is 64 zeros whoever asks, so a signature over it vouches for
     * nothing — and the console's embedded demo goes live at seq 0 on every cold start, where the
     * first Ed25519 sign and check (a cold JVM sets up its curve arithmetic) cost 0.3–0.5 s before
     * the board is painted (P1, measured 2.9–3.6 s with it, 2.7–2.8 s without). The first events'
     * checkpoint follows within 60 s; a client may ask for seq 0 any time.
     */
    boolean atLive(long cursor) {
        if (cursor == 0 || cursor == covered) return false;
        covered = cursor;
        uncovered = false;
        return true;
    }

    /** Nanoseconds until a checkpoint is due for uncovered live events (Long.MAX_VALUE when none is). */
    long untilDue(long nanos) {
        return uncovered ? Math.max(0, uncoveredSince + intervalNanos - nanos) : Long.MAX_VALUE;
    }

    /** The time rule fired: a checkpoint at {@code cursor}. */
    void coveredBy(long cursor) {
        covered = cursor;
        uncovered = false;
    }
}
