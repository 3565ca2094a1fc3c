package org.marketspine.console.audit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a stream as byte ranges of one reused buffer (split at '\n'; a last line without
 * one counts), so that a verifier hashes each line's bytes where they are instead of decoding them
 * to text and encoding them back.
 */
final class ByteLines {
    /**
     * The longest line read: a bundle line is an event (which the feed sends in frames of at most
     * 4 MiB) and 90 bytes around it. A longer one is refused before it is held, so a crafted
     * file cannot make the verifier hold gigabytes for one line.
     */
    static final int MAX_LINE = 16 * 1024 * 1024;
    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int start;
    private int limit;
    private boolean eof;
    /** The current line: {@code buf[offset, offset + length)}, without its '\n'. */
    int offset;
    int length;

    ByteLines(InputStream in) {
        this.in = in;
    }

    byte[] bytes() {
        return buf;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        int scanFrom = start;
        while (true) {
            for (int i = scanFrom; i < limit; i++) {
                if (buf[i] == '\n') {
                    offset = start;
                    length = i - start;
                    start = i + 1;
                    return true;
                }
            }
            if (eof) {
                if (start == limit) return false;
                offset = start;
                length = limit - start;
                start = limit;
                return true;
            }
            scanFrom = limit - start;
            compactAndFill();
        }
    }

    private void compactAndFill() throws IOException {
        int kept = limit - start;
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, kept);
        } else if (kept == buf.length) {
            if (buf.length >= MAX_LINE) throw new IOException("a line longer than " + MAX_LINE / (1024 * 1024) + " MiB");
            buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
        }
        start = 0;
        limit = kept;
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) eof = true;
        else limit += n;
    }
}
