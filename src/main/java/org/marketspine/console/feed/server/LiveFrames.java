package org.marketspine.console.feed.server;

import java.util.List;
import org.marketspine.console.protocol.Codec;

/**
 * The events frame for one range of the journal, encoded once and shared by every session that
 * sends the same range: live, hundreds of screens sit at the same cursor and get the same batch.
 * (Safe to share: the journal never changes an item once it has a seq.)
 */
final class LiveFrames {
    private record Built(long after, int count, String frame) {}

    private volatile Built last;

    /** The frame of {@code items}, the journal's items after seq {@code after}. */
    String events(long after, List<String> items) {
        Built b = last;
        if (b != null && b.after == after && b.count == items.size()) return b.frame;
        String frame = Codec.eventsFrame(items);
        last = new Built(after, items.size(), frame);
        return frame;
    }
}
