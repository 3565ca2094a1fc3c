package org.marketspine.console.feed.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.TextFrame;
import org.junit.jupiter.api.Test;

/** The frames the server writes itself are exactly the ones the WebSocket library would have written. */
class WireFrameTest {

    @Test
    void aTextFrameOfEverySizeClassIsByteForByteTheLibrarysOwn() {
        for (int n : new int[] {0, 1, 125, 126, 127, 65_535, 65_536, 300_000}) {
            byte[] payload = "é".repeat(n / 2).concat(n % 2 == 1 ? "x" : "").getBytes(StandardCharsets.UTF_8);
            TextFrame frame = new TextFrame();
            frame.setPayload(ByteBuffer.wrap(payload));
            frame.setFin(true);
            ByteBuffer library = new Draft_6455().createBinaryFrame(frame);
            ByteBuffer ours = WireFrame.text(payload);
            assertEquals(library, ours, "a " + payload.length + "-byte text frame");
            assertTrue(ours.isReadOnly(), "shared between sessions: nobody may change it");
            assertEquals(payload.length, payload(ours).getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void eachSenderWritesFromItsOwnDuplicateSoOneSocketsProgressLeavesTheOthersWhole() {
        ByteBuffer shared = WireFrame.text("{\"type\":\"live\",\"head_seq\":7}".getBytes(StandardCharsets.UTF_8));
        ByteBuffer first = shared.duplicate();
        first.position(first.limit()); // one socket wrote it all
        assertEquals(shared.capacity(), shared.duplicate().remaining(), "the next socket still has the whole frame to write");
    }

    /** The text a server frame carries (for tests). */
    static String payload(ByteBuffer wire) {
        ByteBuffer b = wire.duplicate();
        int len = b.get(1) & 0x7F;
        int header = len <= 125 ? 2 : len == 126 ? 4 : 10;
        b.position(header);
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
