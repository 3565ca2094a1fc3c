package org.marketspine.console.ui;

import java.time.Instant;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.model.EventHistory;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.Message;

/**
 * What every view renders from: the latest state, the connection, what the feed says of its
 * source, and whether the state came from the local cache and is not yet confirmed live.
 * Immutable; one per published pulse.
 *
 * @param source what the feed last said of its platform source on this connection (null: nothing yet)
 * @param integrity why the feed's history is not trusted (its signed checkpoint disagreed with what it sent), or null
 * @param checkpoint the latest checkpoint the feed signed that agreed with this console's own chain, or null
 * @param review the audit bundle under offline review (with its verdict), or null on a feed
 * @param history the events up to {@code state} (and the states after them): a view travelling in time reads
 *                these, never events that arrived after this snapshot
 */
public record ConsoleSnapshot(PlatformState state, ConnectionState connection, Message.Welcome welcome,
                              boolean fromCache, Instant lastHeard, String notice, Message.SourceStatus source,
                              String integrity, Message.Checkpoint checkpoint, BundleReview review, EventHistory history) {

    /** Without the events behind the state (see {@link EventHistory#headOnly}). */
    public ConsoleSnapshot(PlatformState state, ConnectionState connection, Message.Welcome welcome,
                           boolean fromCache, Instant lastHeard, String notice, Message.SourceStatus source,
                           String integrity, Message.Checkpoint checkpoint, BundleReview review) {
        this(state, connection, welcome, fromCache, lastHeard, notice, source, integrity, checkpoint, review, EventHistory.headOnly(state));
    }

    public ConsoleSnapshot(PlatformState state, ConnectionState connection, Message.Welcome welcome,
                           boolean fromCache, Instant lastHeard, String notice, Message.SourceStatus source) {
        this(state, connection, welcome, fromCache, lastHeard, notice, source, null, null);
    }

    public ConsoleSnapshot(PlatformState state, ConnectionState connection, Message.Welcome welcome,
                           boolean fromCache, Instant lastHeard, String notice, Message.SourceStatus source,
                           String integrity, Message.Checkpoint checkpoint) {
        this(state, connection, welcome, fromCache, lastHeard, notice, source, integrity, checkpoint, null);
    }

    /**
     * The data is only as good as the last moment the feed was heard from, and only current when
     * the feed itself says its source is: "live" on a feed still loading or failing is not current.
     */
    public boolean isStale() {
        if (isBundle()) return false;
        return fromCache || !connection.isLive() || !isSourceCurrent() || integrity != null;
    }

    /** Live and the feed says its source is current: the only state in which the app says "Live". */
    public boolean isCurrent() {
        return !isStale();
    }

    public boolean isSourceCurrent() {
        return source != null && source.isCurrent();
    }

    /** A verified audit bundle under offline review: complete as of its end, never live. */
    public boolean isBundle() {
        return connection.phase() == ConnectionState.Phase.BUNDLE;
    }

    /** The feed's history disagrees with what it signed: nothing it sent is shown as good. */
    public boolean isUntrusted() {
        return integrity != null;
    }

    /** A bundle under review that is intact but NOT TRUSTED (a key not in the trust list): shown, never as evidence. */
    public boolean isUntrustedBundle() {
        return isBundle() && review != null && !review.verdict().verified();
    }

    /** The fingerprint of the key the feed signs its checkpoints with, or null (not connected yet, or a feed that signs none). */
    public String feedFingerprint() {
        return welcome == null || welcome.feedKey() == null ? null : welcome.feedKey().fingerprint();
    }

    public String platformName() {
        return welcome == null ? "connecting…" : welcome.platform();
    }
}
