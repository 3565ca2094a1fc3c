package org.marketspine.console.audit;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The event texts a bundle's reader hands to a decoder: each one back as it was, strict UTF-8. */
class EventTextsTest {
    @Test
    void givesEachTextBackAsTheFileHadItAcrossGrowth() throws Exception {
        EventTexts block = new EventTexts(41);
        String big = "{\"x\":\"" + "y".repeat(1_500_000) + "\"}"; // more than the first array holds: it grows
        byte[] line = ("prefix " + "ü✓ ünïcode" + " suffix").getBytes(StandardCharsets.UTF_8);
        block.add(line, 7, line.length - 7);
        block.add(new byte[0], 0, 0);
        byte[] bigBytes = big.getBytes(StandardCharsets.US_ASCII);
        block.add(bigBytes, 0, bigBytes.length);
        for (int i = 0; i < 300; i++) block.add("{\"seq\":1}".getBytes(StandardCharsets.US_ASCII), 0, 9);
        assertEquals(303, block.size());
        assertEquals(41, block.firstLine());
        assertEquals("ü✓ ünïcode", block.text(0));
        assertEquals("", block.text(1));
        assertEquals(big, block.text(2));
        assertEquals("{\"seq\":1}", block.text(302));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotReplaced() {
        EventTexts block = new EventTexts(1);
        block.add(new byte[] {'o', 'k', (byte) 0xC3, '('}, 0, 4);
        assertThrows(CharacterCodingException.class, () -> block.text(0));
    }
}
