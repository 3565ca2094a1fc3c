package org.marketspine.console.audit;

import java.util.ArrayList;
import java.util.List;
import org.marketspine.console.model.EventLog;
import org.marketspine.console.protocol.Canonical;
import org.marketspine.console.protocol.FeedChain;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SigningKeys;

/** For tests: what a feed with {@code key} would have signed over a log — a checkpoint every 1,000 events and at {@code lastSeq}. */
public final class FeedSigning {
    private FeedSigning() {}

    public static FeedProof proof(EventLog log, SigningKeys key, String feedId, long lastSeq) {
        List<Message.Checkpoint> out = new ArrayList<>();
        String chain = FeedChain.GENESIS;
        for (long seq = 1; seq <= lastSeq; seq++) {
            chain = FeedChain.next(chain, Canonical.of(log.event(seq)));
            if (seq % 1000 == 0 || seq == lastSeq) out.add(FeedChain.sign(key.privateKey(), feedId, seq, chain, "2026-11-25T12:00:00Z"));
        }
        return new FeedProof(key.wire(), out);
    }
}
