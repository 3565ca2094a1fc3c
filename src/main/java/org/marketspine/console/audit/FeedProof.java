package org.marketspine.console.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.marketspine.console.protocol.Message;

/**
 * What a bundle carries from the feed itself: its public key and the checkpoints it signed, the
 * last at the bundle's last seq. The exporter cannot make these; only the feed's key can.
 */
public record FeedProof(Message.FeedKey key, List<Message.Checkpoint> checkpoints) {
    public FeedProof {
        if (key == null) throw new IllegalArgumentException("the feed sent no key: it signs no checkpoints, so nothing it sent can be proven");
        List<Message.Checkpoint> sorted = new ArrayList<>(checkpoints);
        sorted.sort(Comparator.comparingLong(Message.Checkpoint::seq));
        checkpoints = List.copyOf(sorted);
    }

    /**
     * The checkpoints up to {@code lastSeq}, one per seq, ending exactly there. Their signatures
     * were checked when they arrived (the client's chain watch) and are checked again by every
     * verifier; the writer checks each one's chain against the events it writes.
     */
    public List<Message.Checkpoint> upTo(String feedId, long lastSeq) throws IOException {
        List<Message.Checkpoint> out = new ArrayList<>();
        long previous = 0;
        for (Message.Checkpoint c : checkpoints) {
            if (c.seq() > lastSeq || c.seq() == previous || !c.feedId().equals(feedId)) continue;
            out.add(c);
            previous = c.seq();
        }
        if (out.isEmpty() || out.get(out.size() - 1).seq() != lastSeq) {
            throw new IOException("no checkpoint signed by the feed at seq " + lastSeq + ", the bundle's last event: ask the feed for it first");
        }
        return out;
    }
}
