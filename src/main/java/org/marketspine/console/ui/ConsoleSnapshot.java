package org.marketspine.console.ui;

import java.time.Instant;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.Message;

/**
 * What every view renders from: the latest state, the connection, and whether the state came
 * from the local cache and is not yet confirmed live. Immutable; one per published pulse.
 */
public record ConsoleSnapshot(PlatformState state, ConnectionState connection, Message.Welcome welcome,
                              boolean fromCache, Instant lastHeard, String notice) {

    /** The data is only as good as the last moment the feed was heard from. */
    public boolean isStale() {
        return fromCache || !(connection.isLive() || isBundle());
    }

    /** A verified audit bundle under offline review: complete as of its end, never live. */
    public boolean isBundle() {
        return connection.phase() == org.marketspine.console.feed.client.ConnectionState.Phase.BUNDLE;
    }

    public String platformName() {
        return welcome == null ? "connecting…" : welcome.platform();
    }
}
