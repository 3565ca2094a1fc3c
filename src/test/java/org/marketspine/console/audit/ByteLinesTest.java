package org.marketspine.console.audit;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier's line reader: every line, however long, the last one without its newline. */
class ByteLinesTest {
    private static List<String> lines(byte[] bytes) throws Exception {
        ByteLines r = new ByteLines(new ByteArrayInputStream(bytes));
        List<String> out = new ArrayList<>();
        while (r.next()) out.add(new String(r.bytes(), r.offset, r.length, StandardCharsets.UTF_8));
        return out;
    }

    @Test
    void splitsAtNewlinesAcrossBufferRefillsAndKeepsALastLineWithoutOne() throws Exception {
        String longLine = "x".repeat(200_000); // longer than the buffer: it grows
        String text = "a\n\n" + "ü✓ ünïcode\n" + longLine + "\n" + "b".repeat(70_000) + "\nlast";
        assertEquals(List.of("a", "", "ü✓ ünïcode", longLine, "b".repeat(70_000), "last"), lines(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), lines(new byte[0]));
        assertEquals(List.of("one"), lines("one\n".getBytes(StandardCharsets.UTF_8)));
    }
}
