package org.marketspine.console.audit;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.source.DemoPlatform;
import org.marketspine.console.model.EventLog;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.SigningKeys;

/** Export → verify → open gives the journal back; every tamper case of R5 is caught and named. */
public class BundleTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static EventLog live;
    static Path dir;
    static Path bundle;
    static SigningKeys keys;
    static SigningKeys feedKey;
    static TrustList trusted;

    @BeforeAll
    static void export(@TempDir Path tmp) throws IOException {
        dir = tmp;
        live = new EventLog();
        live.appendAll(new DemoPlatform(20261125, 1, Clock.systemUTC()).history(NOW));
        keys = BundleKeys.loadOrCreate(tmp.resolve("cfg/key.pem"));
        feedKey = SigningKeys.loadOrCreate(tmp.resolve("feed/feed.journal.key.pem"));
        trusted = TrustList.of(List.of(keys.fingerprint(), feedKey.fingerprint()));
        bundle = tmp.resolve("audit.spinebundle");
        write(bundle, live.lastAt().minus(Duration.ofDays(60)), live.lastAt(), keys);
    }

    static BundleWriter.Written write(Path out, Instant from, Instant to, SigningKeys exporter) throws IOException {
        return write(live, out, from, to, exporter);
    }

    static BundleWriter.Written write(EventLog live, Path out, Instant from, Instant to, SigningKeys exporter) throws IOException {
        BundleWriter.Span span = BundleWriter.span(live, from, to);
        try (BundleWriter.ItemTexts texts = BundleWriter.ItemTexts.of(live)) {
            return BundleWriter.write(out, live, texts, FeedSigning.proof(live, feedKey, "feed-1", span.lastSeq()), span,
                    new BundleWriter.Source("feed-1", "demo", "spine-feed/0.1.0", "ws://localhost/feed"), "tester", exporter, NOW, p -> { });
        }
    }

    @Test
    void theKeyIsOwnerOnlyAndOnlyItsPublicHalfIsInTheBundle() throws IOException {
        Path key = dir.resolve("cfg/key.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(keys.fingerprint(), BundleKeys.load(key).fingerprint());
        Map<String, byte[]> entries = read(bundle);
        for (byte[] content : entries.values()) {
            assertFalse(new String(content, StandardCharsets.ISO_8859_1).contains("PRIVATE KEY"));
        }
    }

    @Test
    void aGoodBundleVerifiesAndOpensToTheSameStateAtEveryInstant() {
        BundleVerifier.Verdict v = BundleVerifier.verify(bundle, trusted, true);
        assertTrue(v.verified(), v.summary());
        assertEquals(live.headSeq(), v.events());
        assertEquals(keys.fingerprint(), v.signer());
        EventLog opened = new EventLog();
        opened.appendAll(v.decoded());
        Random rng = new Random(5);
        long span = live.lastAt().toEpochMilli() - live.firstAt().toEpochMilli();
        for (int i = 0; i < 40; i++) {
            Instant t = live.firstAt().plusMillis((long) (rng.nextDouble() * span));
            assertEquals(live.stateAt(t), opened.stateAt(t), "state at " + t);
        }
        assertEquals(live.head(), opened.head());
    }

    /** The export dialog shows times to the millisecond: a range ending in the millisecond of its last event holds that event, and verifies. */
    @Test
    void aRangeEndingInTheMillisecondOfItsLastEventVerifies() throws IOException {
        EventLog log = new EventLog();
        log.appendAll(new DemoPlatform(7, 1, Clock.systemUTC()).history(NOW));
        Instant last = log.lastAt().plusMillis(1).plusNanos(400_000);
        log.appendAll(List.of(Event.of(log.headSeq() + 1, last, new EventData.ExecutionCancelled("ex-late", "tester"))));
        Path out = dir.resolve("same-millisecond.spinebundle");
        Instant to = last.truncatedTo(ChronoUnit.MILLIS);
        write(log, out, to.minus(Duration.ofDays(30)), to, keys);
        BundleVerifier.Verdict v = BundleVerifier.verify(out, trusted, false);
        assertTrue(v.verified(), v.summary());
        assertEquals(log.headSeq(), v.lastSeq(), "the event of that millisecond is in the bundle");
    }

    private void assertRefused(Path file, String expectedInProblem) {
        BundleVerifier.Verdict v = BundleVerifier.verify(file, trusted, false);
        assertEquals(BundleVerifier.Outcome.FAILED, v.outcome(), "a tampered bundle was not refused: " + v.summary());
        assertTrue(v.problem().contains(expectedInProblem), v.problem());
    }

    @Test
    void aChangedLineIsNamed() throws IOException {
        Path bad = rewrite("changed", Bundle.EVENTS, text -> {
            List<String> lines = lines(text);
            String changed = lines.get(99).replace("\"kind\":\"", "\"kind\":\"x");
            assertNotEquals(lines.get(99), changed);
            lines.set(99, changed);
            return String.join("\n", lines) + "\n";
        });
        assertRefused(bad, "events.ndjson line 100");
    }

    @Test
    void aFlippedByteInAnyEntryIsCaught() throws IOException {
        for (String entry : List.of(Bundle.EVENTS, Bundle.REPORT, Bundle.LINEAGE, Bundle.MANIFEST, Bundle.SIGNATURE)) {
            Map<String, byte[]> entries = read(bundle);
            byte[] content = entries.get(entry).clone();
            content[content.length / 2] ^= 0x01;
            entries.put(entry, content);
            Path bad = dir.resolve("flip-" + entry);
            write(bad, entries);
            BundleVerifier.Verdict v = BundleVerifier.verify(bad, trusted, false);
            assertFalse(v.ok(), "flipped byte in " + entry + " verified");
            String named = entry.equals(Bundle.MANIFEST) ? "signature" : entry;
            assertTrue(v.problem().contains(named) || v.problem().contains("signature"), entry + ": " + v.problem());
        }
    }

    @Test
    void aFlippedByteAnywhereInTheFileIsCaught() throws IOException {
        byte[] raw = Files.readAllBytes(bundle);
        Random rng = new Random(11);
        for (int i = 0; i < 25; i++) {
            byte[] copy = raw.clone();
            int at = rng.nextInt(copy.length);
            copy[at] ^= (byte) (1 << rng.nextInt(8));
            Path bad = dir.resolve("raw-flip-" + i);
            Files.write(bad, copy);
            BundleVerifier.Verdict v = BundleVerifier.verify(bad, trusted, false);
            // A flip in zip bookkeeping the reader never uses (e.g. a timestamp) leaves every signed byte intact.
            if (v.ok()) {
                assertArrayEquals(read(bundle).get(Bundle.EVENTS), read(bad).get(Bundle.EVENTS), "byte " + at);
                continue;
            }
            assertFalse(v.problem().isBlank());
        }
    }

    @Test
    void aRemovedLineIsNamed() throws IOException {
        Path bad = rewrite("removed", Bundle.EVENTS, text -> {
            List<String> lines = lines(text);
            lines.remove(500);
            return String.join("\n", lines) + "\n";
        });
        assertRefused(bad, "events.ndjson line 501: seq 502 where seq 501 belongs");
    }

    @Test
    void twoSwappedLinesAreNamed() throws IOException {
        Path bad = rewrite("swapped", Bundle.EVENTS, text -> {
            List<String> lines = lines(text);
            String a = lines.get(700);
            lines.set(700, lines.get(701));
            lines.set(701, a);
            return String.join("\n", lines) + "\n";
        });
        assertRefused(bad, "events.ndjson line 701");
    }

    @Test
    void truncationIsNamed() throws IOException {
        Path bad = rewrite("truncated", Bundle.EVENTS, text -> {
            List<String> lines = lines(text);
            return String.join("\n", lines.subList(0, lines.size() - 10)) + "\n";
        });
        assertRefused(bad, "events.ndjson: ends at line");
        byte[] raw = Files.readAllBytes(bundle);
        Path cut = dir.resolve("cut.spinebundle");
        Files.write(cut, Arrays.copyOf(raw, raw.length * 2 / 3));
        assertRefused(cut, "bundle: not a readable zip file");
    }

    @Test
    void aReplacedManifestFailsTheSignature() throws IOException {
        Path bad = rewrite("manifest", Bundle.MANIFEST, text -> text.replace("\"created_by\" : \"tester\"", "\"created_by\" : \"someone else\""));
        assertRefused(bad, "signature: does not verify");
    }

    @Test
    void aSignatureByAnotherKeyFails() throws IOException {
        SigningKeys other = BundleKeys.loadOrCreate(dir.resolve("other/key.pem"));
        Map<String, byte[]> entries = read(bundle);
        Path otherBundle = dir.resolve("other.spinebundle");
        write(otherBundle, null, null, other);
        entries.put(Bundle.SIGNATURE, read(otherBundle).get(Bundle.SIGNATURE));
        Path bad = dir.resolve("wrong-signature");
        write(bad, entries);
        assertRefused(bad, "signature: does not verify");
    }

    // ---- zip surgery ----

    private static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n")));
    }

    private static Path rewrite(String name, String entry, UnaryOperator<String> change) throws IOException {
        Map<String, byte[]> entries = read(bundle);
        entries.put(entry, change.apply(new String(entries.get(entry), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve(name + ".spinebundle");
        write(out, entries);
        return out;
    }

    public static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) out.put(e.getName(), z.getInputStream(e).readAllBytes());
        }
        return out;
    }

    public static void write(Path zip, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        Files.write(zip, bytes.toByteArray());
    }
}
