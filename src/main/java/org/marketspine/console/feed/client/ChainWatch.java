package org.marketspine.console.feed.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marketspine.console.protocol.FeedChain;
import org.marketspine.console.protocol.Message;

/**
 * The client's own recomputation of the feed's hash chain over the items exactly as they arrived,
 * and the check of each signed checkpoint against it. Its socket thread feeds it; a reset may come from another thread, hence the locks.
 */
final class ChainWatch {
    private static final int RECENT = 8192;

    /** What a checkpoint turned out to be. */
    sealed interface Finding {
        /** The feed signed the chain this client computed. */
        record Agrees(Message.Checkpoint checkpoint) implements Finding {}

        /** An integrity error: the feed's signed word and what it sent disagree (or the signature is not its key's). */
        record Disagrees(Message.Checkpoint checkpoint, String problem) implements Finding {}

        /** Nothing to compare with (before what this client holds, or it holds no chain). */
        record Unchecked(Message.Checkpoint checkpoint, String why) implements Finding {}
    }

    private long seq;
    private String head;
    private final long[] seqs = new long[RECENT];
    private final String[] chains = new String[RECENT];
    private final List<Message.Checkpoint> ahead = new ArrayList<>();
    private final FeedChain.Hasher hasher = new FeedChain.Hasher();

    /** @param head the chain at {@code seq}, or null when this client does not know it (then nothing is checked) */
    ChainWatch(long seq, String head) {
        reset(seq, head);
    }

    synchronized void reset(long seq, String head) {
        this.seq = seq;
        this.head = seq == 0 ? FeedChain.GENESIS : head;
        Arrays.fill(seqs, -1);
        ahead.clear();
        remember();
    }

    /** The next item, in seq order; the checkpoints it lets us check now. */
    synchronized List<Finding> append(long itemSeq, String canonical, Message.FeedKey key, String feedId) {
        if (itemSeq != seq + 1) throw new IllegalArgumentException("item " + itemSeq + " does not follow " + seq);
        seq = itemSeq;
        if (head == null) return List.of();
        head = hasher.next(head, canonical);
        remember();
        if (ahead.isEmpty() || ahead.get(0).seq() > seq) return List.of();
        List<Finding> out = new ArrayList<>();
        while (!ahead.isEmpty() && ahead.get(0).seq() <= seq) out.add(check(ahead.remove(0), key, feedId));
        return out;
    }

    /** A checkpoint from the feed: checked now, or when the items it is about have arrived. */
    synchronized Finding check(Message.Checkpoint c, Message.FeedKey key, String feedId) {
        if (key == null) return new Finding.Disagrees(c, "the feed sent a checkpoint but no key in its welcome, so its signature cannot be checked");
        if (feedId != null && !feedId.equals(c.feedId())) {
            return new Finding.Disagrees(c, "the checkpoint at seq " + c.seq() + " is of another feed (" + c.feedId() + ", this one is " + feedId + ")");
        }
        if (!FeedChain.verify(key, c)) {
            return new Finding.Disagrees(c, "the checkpoint at seq " + c.seq() + " is not signed by the feed's key " + key.fingerprint());
        }
        if (head == null) return new Finding.Unchecked(c, "this client's copy does not know its chain");
        if (c.seq() > seq) {
            if (ahead.size() < 64) ahead.add(c);
            return new Finding.Unchecked(c, "ahead of the events received");
        }
        int slot = (int) (c.seq() % RECENT);
        if (seqs[slot] != c.seq()) return new Finding.Unchecked(c, "older than the chain values this client keeps");
        if (!chains[slot].equals(c.chain())) {
            return new Finding.Disagrees(c, "the feed signed chain " + c.chain().substring(0, 12) + "… at seq " + c.seq()
                    + ", but the events it sent chain to " + chains[slot].substring(0, 12) + "…: what it sent is not what it journaled");
        }
        return new Finding.Agrees(c);
    }

    private void remember() {
        if (head == null) return;
        int slot = (int) (seq % RECENT);
        seqs[slot] = seq;
        chains[slot] = head;
    }
}
