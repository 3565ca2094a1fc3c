package org.marketspine.console.feed.server;

import java.time.Instant;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Message;

/**
 * The {@code checkpoint} request: the feed's signed checkpoint at exactly the asked seq, answered
 * from the journal on the socket thread (no platform work, nothing to wait for).
 */
final class Checkpoints {
    private Checkpoints() {}

    static Message.Response answer(Journal journal, Message.Request request, Instant now) {
        Long seq = request.seq();
        if (seq == null) return refuse(request, "invalid_params", "a checkpoint request needs 'seq'");
        long head = journal.headSeq();
        if (seq < 0 || seq > head) {
            return refuse(request, "not_found", "seq " + seq + " is outside this feed's journal (0–" + head + ")");
        }
        return new Message.Response(request.id(), true, Codec.toTree(journal.checkpoint(seq, now)), null);
    }

    private static Message.Response refuse(Message.Request request, String code, String message) {
        return new Message.Response(request.id(), false, null, new Message.ErrorInfo(code, message));
    }
}
