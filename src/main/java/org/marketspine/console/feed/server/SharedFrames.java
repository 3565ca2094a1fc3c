package org.marketspine.console.feed.server;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.marketspine.console.protocol.Codec;

/**
 * The events frames of the journal, each read and encoded once and shared by every session that
 * sends the same range. Catch-up: a floor of screens connecting at once all start from the same
 * seq and walk the same batches, so the first session to reach a batch reads it from the journal
 * and the others take its frame (before, each session read the whole journal through the one
 * reader connection, one after another). Live: every session at the head gets the same batch.
 *
 * <p>A batch that ends before the journal's head is final (the journal never changes an item once
 * it has a seq, and a batch is cut by the same limits whenever it is read), so it is kept, up to
 * {@link #KEPT_BYTES} by default, the least recently sent going first. A batch that reaches the head is not
 * kept (a later read may hold more), only remembered as the last one built.
 */
final class SharedFrames {
    /** One batch: how many items it holds, and their whole wire frame (read-only, shared: each sender takes a duplicate; null for none). */
    record Batch(int count, ByteBuffer frame) {}

    /** Catch-up frames kept for the next sessions: about 250 batches, a 100,000-event journal whole. */
    static final long KEPT_BYTES = 64L * 1024 * 1024;

    private record Last(long after, int count, ByteBuffer frame) {}

    private final Journal journal;
    private final int maxItems;
    private final int maxBytes;
    private final long keepAtMost;
    private final LinkedHashMap<Long, Batch> kept = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<Long, CompletableFuture<Batch>> reading = new HashMap<>();
    private long keptBytes;
    private volatile Last last;

    SharedFrames(Journal journal, int maxItems, int maxBytes) {
        this(journal, maxItems, maxBytes, KEPT_BYTES);
    }

    SharedFrames(Journal journal, int maxItems, int maxBytes, long keepAtMost) {
        this.journal = journal;
        this.maxItems = maxItems;
        this.maxBytes = maxBytes;
        this.keepAtMost = keepAtMost;
    }

    /** The batch of the journal's items after seq {@code after}: read by the first session to ask, shared with the others. */
    Batch after(long after) {
        CompletableFuture<Batch> pending;
        boolean mine = false;
        synchronized (this) {
            Batch b = kept.get(after);
            if (b != null) return b;
            pending = reading.get(after);
            if (pending == null) {
                pending = new CompletableFuture<>();
                reading.put(after, pending);
                mine = true;
            }
        }
        if (!mine) return pending.join(); // another session is reading this batch: its failure is ours too
        try {
            long head = journal.headSeq();
            List<String> items = journal.readItems(after, maxItems, maxBytes);
            Batch b = new Batch(items.size(), items.isEmpty() ? null : frame(after, items));
            synchronized (this) {
                reading.remove(after);
                if (!items.isEmpty() && after + items.size() < head) keep(after, b);
            }
            pending.complete(b);
            return b;
        } catch (RuntimeException | Error e) {
            // Whatever ends this read (an OutOfMemoryError too) ends it for the sessions waiting on it, never leaves them waiting.
            synchronized (this) {
                reading.remove(after);
            }
            pending.completeExceptionally(e);
            throw e;
        }
    }

    /** Live batches are cut at the head, so they are not kept; the last one built serves every session at that cursor. */
    private ByteBuffer frame(long after, List<String> items) {
        Last l = last;
        if (l != null && l.after == after && l.count == items.size()) return l.frame;
        ByteBuffer frame = WireFrame.text(Codec.eventsFrame(items));
        last = new Last(after, items.size(), frame);
        return frame;
    }

    private void keep(long after, Batch b) {
        kept.put(after, b);
        keptBytes += b.frame().capacity();
        var oldest = kept.entrySet().iterator();
        while (keptBytes > keepAtMost && oldest.hasNext()) {
            keptBytes -= oldest.next().getValue().frame().capacity();
            oldest.remove();
        }
    }

    /** Bytes of frames kept for catch-up now (for tests). */
    synchronized long keptBytes() {
        return keptBytes;
    }
}
