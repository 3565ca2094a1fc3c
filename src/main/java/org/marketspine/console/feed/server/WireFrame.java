package org.marketspine.console.feed.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A whole WebSocket text frame as the server puts it on the wire (RFC 6455 §5.2: FIN, opcode 1,
 * no mask from server to client, no extension in use): the same bytes for every client, so a
 * frame shared by many sessions is built once and each socket writes it from the same memory.
 */
final class WireFrame {
    private WireFrame() {}

    /** The frame carrying this text. */
    static ByteBuffer text(String text) {
        return text(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The frame carrying these UTF-8 bytes, read-only; each sender takes its own {@link ByteBuffer#duplicate()}. */
    static ByteBuffer text(byte[] utf8) {
        int n = utf8.length;
        int header = n <= 125 ? 2 : n <= 0xFFFF ? 4 : 10;
        // On the heap: direct buffers (which a socket writes without first copying) measured no faster in P13.
        ByteBuffer frame = ByteBuffer.allocate(header + n);
        frame.put((byte) 0x81); // FIN + text
        if (n <= 125) {
            frame.put((byte) n);
        } else if (n <= 0xFFFF) {
            frame.put((byte) 126);
            frame.putShort((short) n);
        } else {
            frame.put((byte) 127);
            frame.putLong(n);
        }
        frame.put(utf8);
        return frame.flip().asReadOnlyBuffer();
    }
}
