package org.marketspine.console.audit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A run of consecutive lines' event texts, copied as the file holds them (UTF-8) into one array:
 * the reader of a bundle copies bytes and moves on, and a decoder thread makes them text.
 */
final class EventTexts {
    /**
     * When a run is full. Small enough that its array is never a "humongous" object to G1 (half a
     * region or more: a region is 1 MiB on a small heap), which made a first try copy 700 MB.
     */
    static final int MAX_LINES = 1024;
    static final int MAX_BYTES = 192 * 1024;
    private final long firstLine;
    private byte[] bytes = new byte[256 * 1024];
    private int[] ends = new int[MAX_LINES];
    private int size;

    EventTexts(long firstLine) {
        this.firstLine = firstLine;
    }

    long firstLine() {
        return firstLine;
    }

    int size() {
        return size;
    }

    boolean full() {
        return size >= MAX_LINES || (size > 0 && ends[size - 1] >= MAX_BYTES);
    }

    /** Adds a text; a very long one grows the array (a run is full at its next look). */
    void add(byte[] from, int start, int end) {
        int used = size == 0 ? 0 : ends[size - 1];
        int length = end - start;
        if (used + length > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + length));
        if (size == ends.length) ends = Arrays.copyOf(ends, size * 2);
        System.arraycopy(from, start, bytes, used, length);
        ends[size++] = used + length;
    }

    /** Text {@code i} as strict UTF-8: an ASCII text (the common case) is copied as it is, anything else decoded strictly. */
    String text(int i) throws CharacterCodingException {
        int start = i == 0 ? 0 : ends[i - 1];
        int end = ends[i];
        for (int k = start; k < end; k++) {
            if (bytes[k] < 0) {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
            }
        }
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }
}
