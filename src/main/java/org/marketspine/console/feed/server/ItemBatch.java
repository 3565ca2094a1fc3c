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
        long size = utf8Length(item) + (out.isEmpty() ? 0 : 1);
        if (!out.isEmpty() && bytes + size > maxBytes) return false;
        out.add(item);
        bytes += size;
        return true;
    }

    /** UTF-8 bytes of a text, without encoding it (items are mostly ASCII JSON). */
    static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n++;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else n += 3;
        }
        return n;
    }
}
