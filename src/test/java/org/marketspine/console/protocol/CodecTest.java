package org.marketspine.console.protocol;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CodecTest {
    private static final Event FAILED = Event.of(7, Instant.parse("2026-11-23T08:15:00Z"), new EventData.ExecutionFailed(
            "ex-1", 1200, new EventData.ErrorDetail("HTTPError", "HTTP 503", Classification.TRANSIENT)));

    @Test
    void eventsRoundTripWithWireNames() throws Exception {
        String frame = Codec.encode(new Message.Events(List.of(FAILED)));
        assertTrue(frame.contains("\"type\":\"events\""), frame);
        assertTrue(frame.contains("\"kind\":\"execution.failed\""), frame);
        assertTrue(frame.contains("\"duration_ms\":1200"), frame);
        assertTrue(frame.contains("\"classification\":\"transient\""), frame);
        assertTrue(frame.contains("\"at\":\"2026-11-23T08:15:00Z\""), frame);
        assertEquals(new Message.Events(List.of(FAILED)), Codec.decode(frame));
    }

    @Test
    void dataBeforeKindIsStillRead() throws Exception {
        String item = "{\"data\":{\"execution_id\":\"ex-1\",\"by\":\"alice\"},\"seq\":3,\"kind\":\"execution.cancelled\",\"at\":\"2026-11-23T08:15:00Z\"}";
        Event e = Codec.decodeEvent(item);
        assertEquals(new EventData.ExecutionCancelled("ex-1", "alice"), e.data());
    }

    @Test
    void unknownFieldsAreIgnoredAndUnknownKindsKept() throws Exception {
        Message m = Codec.decode("{\"type\":\"events\",\"extra\":1,\"items\":[{\"seq\":1,\"at\":\"2026-11-23T08:15:00Z\","
                + "\"kind\":\"lineage.future\",\"data\":{\"x\":[1,2]}}]}");
        Event e = ((Message.Events) m).items().get(0);
        assertInstanceOf(EventData.Unknown.class, e.data());
        assertTrue(Codec.encodeEvent(e).contains("\"x\":[1,2]"));
    }

    @Test
    void malformedFramesGiveThePreciseReason() {
        assertReason("{\"type\":\"events\",\"items\":[{\"seq\":1,\"at\":\"2026-11-23T08:15:00Z\",\"kind\":\"execution.completed\","
                + "\"data\":{\"execution_id\":\"ex\",\"rows\":\"many\",\"duration_ms\":1,\"outputs\":[]}}]}", "items[0].data.rows");
        assertReason("{\"type\":\"events\",\"items\":[{\"seq\":1,\"at\":\"2026-11-23T08:15:00Z\",\"kind\":\"execution.completed\","
                + "\"data\":{\"rows\":1,\"duration_ms\":1,\"outputs\":[]}}]}", "missing required field 'execution_id'");
        assertReason("{\"protocol\":1}", "missing field 'type'");
        assertReason("{\"type\":\"teleport\"}", "unknown message type 'teleport'");
        assertReason("not json", "not valid JSON");
        assertReason("{\"type\":\"hello\",\"protocol\":\"1\",\"client\":\"x\"}", "protocol");
    }

    @Test
    void oversizedFramesAreRefusedAsTooLarge() {
        String big = "{\"type\":\"hello\",\"client\":\"" + "x".repeat(Wire.MAX_FRAME_BYTES) + "\"}";
        DecodeException e = assertThrows(DecodeException.class, () -> Codec.decode(big));
        assertEquals("too_large", e.code());
    }

    @Test
    void helloNeverPrintsItsToken() {
        assertFalse(new Message.Hello(1, "c", "s3cret", 0L).toString().contains("s3cret"));
    }

    @Test
    void fuzzedFramesOnlyEverFailAsDecodeExceptions() {
        Random rng = new Random(42);
        List<String> seeds = List.of(Codec.encode(new Message.Events(List.of(FAILED))),
                Codec.encode(new Message.Hello(1, "c", "t", 5L)),
                Codec.encode(new Message.Command("c1", "backfill", null, null, "p", "OTC", LocalDate.of(2026, 1, 2),
                        LocalDate.of(2026, 1, 9), null, null, null, null)),
                Codec.encodeEvent(Event.of(2, Instant.EPOCH, new EventData.CommandRecorded("c", "retry", "a", Role.OPERATOR,
                        Map.of("k", 1), Outcome.REJECTED, "no"))));
        int decoded = 0;
        for (int i = 0; i < 100_000; i++) {
            String frame = mutate(seeds.get(rng.nextInt(seeds.size())), rng);
            try {
                Codec.decode(frame);
                decoded++;
            } catch (DecodeException e) {
                assertNotNull(e.getMessage());
                assertTrue(List.of("bad_message", "too_large").contains(e.code()));
            }
        }
        assertTrue(decoded > 0 && decoded < 100_000, "mutations should both pass and fail, passed " + decoded);
    }

    private static String mutate(String s, Random rng) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + rng.nextInt(4);
        for (int k = 0; k < edits && b.length() > 0; k++) {
            int at = rng.nextInt(b.length());
            switch (rng.nextInt(5)) {
                case 0 -> b.setCharAt(at, (char) rng.nextInt(128));
                case 1 -> b.deleteCharAt(at);
                case 2 -> b.insert(at, "{[\"\\:,0-eE9}]".charAt(rng.nextInt(13)));
                case 3 -> b.setLength(at);
                default -> b.insert(at, (char) (0x80 + rng.nextInt(0xFFFF - 0x80)));
            }
        }
        return rng.nextInt(50) == 0 ? new String(randomBytes(rng), StandardCharsets.ISO_8859_1) : b.toString();
    }

    private static byte[] randomBytes(Random rng) {
        byte[] b = new byte[rng.nextInt(200)];
        rng.nextBytes(b);
        return b;
    }

    private static void assertReason(String frame, String expected) {
        DecodeException e = assertThrows(DecodeException.class, () -> Codec.decode(frame));
        assertEquals("bad_message", e.code());
        assertTrue(e.getMessage().contains(expected), "reason '" + e.getMessage() + "' should name " + expected);
    }
}
