package org.marketspine.console.feed.server;

import java.util.List;

/** Items gathered up to a size in bytes: the protocol bounds a catch-up frame (256 KiB), not a number of characters. */
final class ItemBatch {
    private final List<String> out;
    private final long maxBytes;
    private long bytes;

ItemBatch(List<String> out, long maxBytes) {
        this.out = out;
        this.maxBytes = maxBytes;
    }

    /** Adds the item if it fits (the first always does); false when it did not and the batch is full. */
    boolean add(String item) {
        if (maxBytes >= Integer.MAX_VALUE) return out.add(item); // no bound: no need to measure
        long size = Outbox.utf8Length(item) + (out.isEmpty() ? 0 : 1);
        if (!out.isEmpty() && bytes + size > maxBytes) return false;
        out.add(item);
        bytes += size;
        return true;
    }
}
