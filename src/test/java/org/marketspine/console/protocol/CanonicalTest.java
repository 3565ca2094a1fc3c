package org.marketspine.console.protocol;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketspine.console.feed.source.DemoPlatform;

/** RFC 8785 for the values events carry, and the cheap scan that lets a canonical text be hashed as it stands. */
class CanonicalTest {

    @Test
    void keysSortedNoWhitespaceOnlyTheRequiredEscapes() throws Exception {
        assertEquals("{\"a\":[1,true,null],\"b\":\"x\\\"y\\\\z\\n\\u001f/é€\"}",
                Canonical.of("{ \"b\" : \"x\\\"y\\\\z\\n\\u001F\\/\\u00e9€\", \"a\" : [ 1 , true , null ] }"));
        // UTF-16 code-unit order: "Z" < "a" < "é".
        assertEquals("{\"Z\":1,\"a\":2,\"é\":3}", Canonical.of("{\"é\":3,\"a\":2,\"Z\":1}"));
    }

    @Test
    void aLoneSurrogateIsEscapedNotFatal() throws Exception {
        assertEquals("[\"\\ud800\",\"😀\"]", Canonical.of("[\"\\ud800\",\"\\ud83d\\ude00\"]"));
    }

    @Test
    void numbersAsEcmaScriptPrintsThem() throws Exception {
        assertEquals("[0,-1,1.5,100,1e+21,1e-7,0.000001,123.456,5e-324,1.7976931348623157e+308,10000000000]",
                Canonical.of("[0.0,-1,1.50,1E2,1e21,1e-7,0.000001,123.456,5e-324,1.7976931348623157e308,1.0E10]"));
        assertEquals("-0.5", Canonical.ecmaScript(-0.5));
        assertEquals("0", Canonical.ecmaScript(-0.0));
    }

    @Test
    void theScanSaysYesOnlyToCanonicalTexts() throws Exception {
        for (String yes : List.of("{}", "[]", "{\"a\":1,\"b\":{\"c\":[\"x\",-2,false]}}", "\"\\u0000\\u001f é\"", "-15", "0")) {
            assertTrue(CanonicalScan.isCanonical(yes), yes);
            assertEquals(yes, Canonical.of(yes), "the scan said canonical: " + yes);
        }
        for (String no : List.of("{ }", "{\"b\":1,\"a\":2}", "{\"a\":1,\"a\":2}", "\"\\/\"", "\"\\u001F\"", "\"\\u000a\"", "\"\\u0041\"",
                "1.0", "1e3", "-0", "01", "[1, 2]", "{\"a\":1}x", "\"\\ud83d\\ude00\"", "1234567890123456")) {
            assertFalse(CanonicalScan.isCanonical(no), no);
        }
    }

    @Test
    void everyDemoEventsCanonicalTextIsRecognised_andEventsFramesSplitIntoTheirItems() throws Exception {
        List<Event> history = new DemoPlatform(5, 1, Clock.systemUTC()).history(Instant.parse("2026-11-25T12:00:00Z"));
        List<String> texts = history.stream().map(Canonical::of).toList();
        for (String t : texts) {
            assertTrue(CanonicalScan.isCanonical(t), t);
            assertEquals(t, Canonical.of(Codec.decodeEvent(t)), "decoding and writing again gives the same text");
        }
        List<String> batch = texts.subList(100, 140);
        assertEquals(batch, CanonicalScan.items(Codec.eventsFrame(batch)));
        assertEquals(batch, CanonicalScan.canonicalItems(Codec.eventsFrame(batch)));
        List<String> oneSpaced = new ArrayList<>(batch);
        oneSpaced.set(7, oneSpaced.get(7).replace("\"kind\":", "\"kind\": "));
        assertNull(CanonicalScan.canonicalItems(Codec.eventsFrame(oneSpaced)), "one item not canonical: the frame takes the parse");
        assertEquals(batch, Codec.decodeWithItems(Codec.eventsFrame(oneSpaced)).canonicalItems());
        Codec.Decoded d = Codec.decodeWithItems(Codec.eventsFrame(batch));
        assertEquals(batch, d.canonicalItems());
        assertEquals(history.subList(100, 140), ((Message.Events) d.message()).items());
        // Another server's shape (spaces, other field order) goes through the parse and still gives canonical texts.
        String spaced = "{\"items\": [" + String.join(", ", batch) + "], \"type\": \"events\"}";
        assertNull(CanonicalScan.items(spaced));
        assertEquals(batch, Codec.decodeWithItems(spaced).canonicalItems());
    }
}
