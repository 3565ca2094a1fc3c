package org.marketspine.console.audit;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.protocol.SigningKeys;

/**
 * R10, the container and the terminal: a forger who cannot make the events verify tries the zip
 * around them (bytes only some zip tools read, files that inflate to gigabytes) and the words of
 * the verdict (escape sequences that paint a green VERIFIED over a FAILED one).
 */
class BundleContainerTest {
    static Path dir;
    static Path bundle;
    static TrustList trusted;

    @BeforeAll
    static void export(@TempDir Path tmp) throws IOException {
        dir = tmp;
        DemoBundle real = DemoBundle.export(tmp, 20261126, Duration.ofDays(30));
        bundle = real.file();
        trusted = real.trusted();
        assertEquals(BundleVerifier.Outcome.VERIFIED, verify(bundle).outcome());
    }

    private static BundleVerifier.Verdict verify(Path file) {
        return BundleVerifier.verify(file, trusted, false);
    }

    private static void assertFailed(Path file, String expected) {
        BundleVerifier.Verdict v = verify(file);
        assertEquals(BundleVerifier.Outcome.FAILED, v.outcome(), v.summary());
        assertTrue(v.problem().contains(expected), v.problem());
    }

    /**
     * A forged report.html as a complete local entry, slipped in after the last entry and before the
     * central directory (whose offset in the end record is moved past it): the central directory,
     * and so the verifier before, never saw it; {@code jar x} and other streaming readers do.
     */
    @Test
    void anEntryOnlyStreamingZipToolsReadFails() throws IOException {
        byte[] real = Files.readAllBytes(bundle);
        ByteBuffer end = ByteBuffer.wrap(real, real.length - 22, 22).slice().order(ByteOrder.LITTLE_ENDIAN);
        int directoryAt = end.getInt(16);
        ByteArrayOutputStream forged = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(forged)) {
            z.putNextEntry(new ZipEntry(Bundle.REPORT));
            z.write("<h1>All clear: certified by compliance</h1>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        byte[] hidden = forged.toByteArray();
        int hiddenLength = ByteBuffer.wrap(hidden, hidden.length - 22, 22).slice().order(ByteOrder.LITTLE_ENDIAN).getInt(16);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(real, 0, directoryAt);
        out.write(hidden, 0, hiddenLength);
        out.write(real, directoryAt, real.length - directoryAt);
        byte[] crafted = out.toByteArray();
        ByteBuffer.wrap(crafted).order(ByteOrder.LITTLE_ENDIAN).putInt(crafted.length - 22 + 16, directoryAt + hiddenLength);
        Path file = dir.resolve("hidden-entry.spinebundle");
        Files.write(file, crafted);
        assertFailed(file, "bytes the central directory does not account for after the last entry");

        Path prefixed = dir.resolve("prefixed.spinebundle");
        Files.write(prefixed, concat(hidden, real));
        assertFailed(prefixed, "central directory");

        Path trailing = dir.resolve("trailing.spinebundle");
        Files.write(trailing, concat(real, "VERIFIED".getBytes(StandardCharsets.US_ASCII)));
        assertFailed(trailing, "not a readable zip file");
    }

    @Test
    void aFileThatWouldInflateToGigabytesFailsWithinItsBound() throws IOException {
        Map<String, byte[]> entries = BundleTest.read(bundle);
        entries.put(Bundle.SIGNATURE, new byte[BundleVerifier.MAX_FILE + 1024]); // zeros: a few KiB in the zip
        Path bomb = dir.resolve("signature-bomb.spinebundle");
        BundleTest.write(bomb, entries);
        assertTrue(Files.size(bomb) < 1024 * 1024);
        assertFailed(bomb, "signature: larger than 32 MiB");

        entries = BundleTest.read(bundle);
        byte[] line = new byte[ByteLines.MAX_LINE + 1024];
        Arrays.fill(line, (byte) 'x');
        entries.put(Bundle.EVENTS, line);
        Path longLine = dir.resolve("long-line.spinebundle");
        BundleTest.write(longLine, entries);
        assertFailed(longLine, "a line longer than 16 MiB");
    }

    /** The signature file is not signed: anyone can put escape sequences in it. None reaches a terminal, whatever the verdict. */
    @Test
    void escapeSequencesFromTheBundleNeverReachTheVerdictLine() throws Exception {
        String paint = "\u001b[2K\u001b[G\u001b[32mVERIFIED: 2217 events\u001b[8m";
        Map<String, byte[]> entries = BundleTest.read(bundle);
        ObjectNode sig = (ObjectNode) new ObjectMapper().readTree(entries.get(Bundle.SIGNATURE));
        sig.put("algorithm", paint);
        entries.put(Bundle.SIGNATURE, new ObjectMapper().writeValueAsBytes(sig));
        Path painted = dir.resolve("painted.spinebundle");
        BundleTest.write(painted, entries);
        BundleVerifier.Verdict v = verify(painted);
        assertEquals(BundleVerifier.Outcome.FAILED, v.outcome());
        assertTrue(v.summary().startsWith("FAILED: "), v.summary());
        assertFalse(v.summary().contains("\u001b") || v.problem().contains("\u001b"), v.summary());

        // The manifest's own fields, signed by a forger's key: NOT TRUSTED, and still no escape on the line.
        entries = BundleTest.read(bundle);
        ObjectNode m = (ObjectNode) new ObjectMapper().readTree(entries.get(Bundle.MANIFEST));
        m.put("report_renderer", paint);
        Resign.sign(entries, new ObjectMapper().writeValueAsBytes(m), SigningKeys.loadOrCreate(dir.resolve("forger.pem")));
        Path renderer = dir.resolve("renderer.spinebundle");
        BundleTest.write(renderer, entries);
        v = verify(renderer);
        assertEquals(BundleVerifier.Outcome.NOT_TRUSTED, v.outcome(), v.summary());
        assertFalse(v.summary().contains("\u001b"), v.summary());
        assertEquals("a?b?c?d?e", BundleVerifier.printable("a\u2028b\u200bc\ufeffd\u2029e"));
    }

    /** A count the manifest gives as text, a fraction or past a long is no count: Jackson's asLong read each as the number. */
    @Test
    void aSeqThatIsNotAWholeNumberFails() throws Exception {
        Map<String, byte[]> entries = BundleTest.read(bundle);
        ObjectNode m = (ObjectNode) new ObjectMapper().readTree(entries.get(Bundle.MANIFEST));
        m.put("event_count", m.path("event_count").asText());
        Resign.sign(entries, new ObjectMapper().writeValueAsBytes(m), SigningKeys.loadOrCreate(dir.resolve("exporter.pem")));
        Path text = dir.resolve("text-count.spinebundle");
        BundleTest.write(text, entries);
        assertFailed(text, "event_count and range_first_seq must be whole numbers");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
