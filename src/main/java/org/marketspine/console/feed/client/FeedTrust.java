package org.marketspine.console.feed.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.logging.Logger;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.DecodeException;
import org.marketspine.console.protocol.FeedChain;
import org.marketspine.console.protocol.Message;

/**
 * What a client knows of a feed's honesty: its own chain over what arrived ({@link ChainWatch}),
 * the key the feed signs with (which must not change), the latest checkpoint that agreed, and the
 * first integrity problem found. Findings are told to the client's listener.
 */
final class FeedTrust {
    private static final Logger LOG = Logger.getLogger(FeedTrust.class.getName());

    private final ChainWatch chain;
    private final URI url;
    private final FeedListener listener;
    private volatile String integrity;
    private volatile Message.Checkpoint lastCheckpoint;
    private volatile String knownKey;
    private volatile String knownFeedId;

    FeedTrust(long lastSeq, URI url, FeedListener listener) {
        this.chain = new ChainWatch(lastSeq, null);
        this.url = url;
        this.listener = listener;
    }

    ChainWatch chain() {
        return chain;
    }

    String integrity() {
        return integrity;
    }

    Message.Checkpoint lastCheckpoint() {
        return lastCheckpoint;
    }

    void expectKey(String feedId, String fingerprint) {
        knownFeedId = feedId;
        knownKey = fingerprint;
    }

    /**
     * The key a feed signs with does not change: one that differs from the key this client (or its
     * cache) knew for the feed, or that is gone, is an integrity error — someone else may be
     * answering with a copy of its history.
     */
    void welcomed(Message.Welcome w) {
        String now = w.feedKey() == null ? null : w.feedKey().fingerprint();
        if (w.feedId() != null && !w.feedId().equals(knownFeedId)) {
            // Another journal at this address (its history is dropped and fetched again): its key is its own.
            knownFeedId = w.feedId();
            knownKey = now;
            return;
        }
        String known = knownKey;
        if (known != null && (now == null || !FeedChain.sameFingerprint(known, now))) {
            found(new ChainWatch.Finding.Disagrees(null, now == null ? "the feed no longer sends its key (it signed with " + known + ")"
                    : "the feed's key changed from " + known + " to " + now + ": another server may be answering with a copy of its history"));
        }
        if (now != null && known == null) knownKey = now;
    }

    void checkpoint(Message.Checkpoint c, Message.Welcome w) {
        found(chain.check(c, w == null ? null : w.feedKey(), w == null ? null : w.feedId()));
    }

    void foundAll(List<ChainWatch.Finding> findings) {
        findings.forEach(this::found);
    }

    private void found(ChainWatch.Finding finding) {
        switch (finding) {
            case ChainWatch.Finding.Agrees a -> {
                lastCheckpoint = a.checkpoint();
                listener.onCheckpoint(a.checkpoint());
            }
            case ChainWatch.Finding.Disagrees d -> {
                if (integrity != null) return; // the first disagreement is the one to chase; later ones follow from it
                integrity = d.problem();
                LOG.severe("INTEGRITY: feed " + url + ": " + d.problem());
                listener.onIntegrity(d.problem());
            }
            case ChainWatch.Finding.Unchecked u -> LOG.fine(() -> "checkpoint at seq " + u.checkpoint().seq() + " not checked: " + u.why());
        }
    }

    /** The feed's answer to a {@code checkpoint} request at {@code seq}, checked against its key; else why not. */
    static Message.Checkpoint answer(Message.Response r, long seq, Message.Welcome w) {
        if (!r.ok()) throw new IllegalStateException("the feed did not give its checkpoint at seq " + seq + ": "
                + (r.error() == null ? "no reason" : r.error().code() + " " + r.error().message()));
        Message.Checkpoint c;
        try {
            ObjectNode data = r.data().deepCopy();
            data.put("type", "checkpoint");
            c = (Message.Checkpoint) Codec.fromTree(data, Message.class);
        } catch (DecodeException | ClassCastException | NullPointerException e) {
            throw new IllegalStateException("the feed's checkpoint at seq " + seq + " is unreadable: " + e.getMessage(), e);
        }
        if (c.seq() != seq || w == null || w.feedKey() == null || !FeedChain.verify(w.feedKey(), c)) {
            throw new IllegalStateException("the feed's checkpoint at seq " + seq + " is not signed by its key");
        }
        return c;
    }
}
