package org.marketspine.console.audit;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.model.EventLog;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.SigningKeys;

/**
 * R10: someone who wants a forged bundle to verify, following only the published format. Only a
 * chain that matches checkpoints signed by a trusted feed key verifies; everything else is NOT
 * TRUSTED (intact, unknown signer) or FAILED (named).
 */
class BundleForgeryTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static EventLog live;
    static Path dir;
    static Path bundle;
    static SigningKeys exporter;
    static SigningKeys feedKey;
    static TrustList trusted;
    /** The line (0-based) of the first critical anomaly: what a forger wants to read "low". */
    static int criticalLine;

    @BeforeAll
    static void export(@TempDir Path tmp) throws IOException {
        dir = tmp;
        DemoBundle real = DemoBundle.export(tmp, 20261125, Duration.ofDays(60));
        live = real.live();
        exporter = real.exporter();
        feedKey = real.feedKey();
        trusted = real.trusted();
        bundle = real.file();
        BundleWriter.Span span = BundleWriter.span(live, live.lastAt().minus(Duration.ofDays(60)), live.lastAt());
        criticalLine = -1;
        for (long seq = 1; seq <= span.lastSeq() && criticalLine < 0; seq++) {
            Event e = live.event(seq);
            if (e.data() instanceof EventData.AnomalyDetected a && a.severity().name().equals("CRITICAL") && seq > 1500) criticalLine = (int) seq - 1;
        }
        assertTrue(criticalLine > 0, "the demo history has a critical anomaly to forge");
    }

    private static String toLow(String event) {
        assertTrue(event.contains("\"severity\":\"critical\""), event);
        return event.replace("\"severity\":\"critical\"", "\"severity\":\"low\"");
    }

    @Test
    void theRealBundleVerifies_namingTheFeedAndTheExporter() {
        TrustList named = TrustList.of(List.of()).with(TrustList.of(List.of(feedKey.fingerprint(), exporter.fingerprint())));
        BundleVerifier.Verdict v = BundleVerifier.verify(bundle, named, false);
        assertEquals(BundleVerifier.Outcome.VERIFIED, v.outcome(), v.summary());
        assertEquals(0, v.outcome().exitCode);
        assertTrue(v.summary().startsWith("VERIFIED"), v.summary());
        assertTrue(v.summary().contains(feedKey.fingerprint()) && v.summary().contains(exporter.fingerprint()), v.summary());
    }

    @Test
    void anEventEditedAndEverythingReSignedWithFreshKeysIsNotTrusted_neverVerified() throws Exception {
        SigningKeys forger = SigningKeys.loadOrCreate(dir.resolve("forger.pem"));
        SigningKeys fakeFeed = SigningKeys.loadOrCreate(dir.resolve("fake-feed.pem"));
        Path forged = Forger.forge(bundle, dir.resolve("forged-all.spinebundle"), criticalLine, BundleForgeryTest::toLow, forger, fakeFeed);
        BundleVerifier.Verdict v = BundleVerifier.verify(forged, trusted, false);
        assertEquals(BundleVerifier.Outcome.NOT_TRUSTED, v.outcome(), v.summary());
        assertEquals(3, v.outcome().exitCode);
        assertTrue(v.problem().contains("the feed key " + fakeFeed.fingerprint()), v.problem());
        assertTrue(v.problem().contains("the exporter key " + forger.fingerprint()), v.problem());
        assertTrue(v.problem().contains("bundle trust add"), "says how to check and trust a key: " + v.problem());
    }

    @Test
    void anEventEditedWithTheFeedsCheckpointsLeftAsTheyWereFails_namingWhereTheChainDiffers() throws Exception {
        SigningKeys forger = SigningKeys.loadOrCreate(dir.resolve("forger2.pem"));
        Path forged = Forger.forge(bundle, dir.resolve("forged-kept.spinebundle"), criticalLine, BundleForgeryTest::toLow, forger, null);
        BundleVerifier.Verdict v = BundleVerifier.verify(forged, trusted, false);
        assertEquals(BundleVerifier.Outcome.FAILED, v.outcome(), v.summary());
        long seq = criticalLine + 1;
        long from = (seq - 1) / 1000 * 1000 + 1;
        long to = Math.min(from + 999, live.seqAt(live.lastAt()));
        assertTrue(v.problem().contains("events.ndjson seq " + from + "–" + to), v.problem());
        assertTrue(v.problem().contains("not the one the feed signed"), v.problem());
    }

    @Test
    void aDishonestExporterWithATrustedKeyStillFails_theFeedsCheckpointsDecide() throws Exception {
        Path forged = Forger.forge(bundle, dir.resolve("forged-insider.spinebundle"), criticalLine, BundleForgeryTest::toLow, exporter, null);
        BundleVerifier.Verdict v = BundleVerifier.verify(forged, trusted, false);
        assertEquals(BundleVerifier.Outcome.FAILED, v.outcome(), v.summary());
    }

    @Test
    void aReportThatContradictsItsEventsFails_evenSignedByTheTrustedExporter() throws Exception {
        Map<String, byte[]> entries = BundleTest.read(bundle);
        String report = new String(entries.get(Bundle.REPORT), StandardCharsets.UTF_8);
        assertTrue(report.contains("<td>CRITICAL</td>"), "the real report lists the critical anomaly");
        String lie = report.replaceFirst("<td>CRITICAL</td>", "<td>LOW</td>");
        entries.put(Bundle.REPORT, lie.getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("report-lie.spinebundle");
        BundleTest.write(out, entries);
        Path resigned = Resign.manifest(out, dir.resolve("report-lie-signed.spinebundle"), exporter);
        BundleVerifier.Verdict v = BundleVerifier.verify(resigned, trusted, false);
        assertEquals(BundleVerifier.Outcome.FAILED, v.outcome(), v.summary());
        assertTrue(v.problem().startsWith("report.html: does not say what the events say"), v.problem());
        assertTrue(v.problem().contains("LOW") && v.problem().contains("CRITICAL"), v.problem());
    }

    @Test
    void aBundleFromAFeedNotInTheTrustListIsNotTrusted_andTrustForOneRunVerifiesIt() {
        BundleVerifier.Verdict v = BundleVerifier.verify(bundle, TrustList.of(List.of(exporter.fingerprint())), false);
        assertEquals(BundleVerifier.Outcome.NOT_TRUSTED, v.outcome(), v.summary());
        assertTrue(v.problem().contains("the feed key " + feedKey.fingerprint()), v.problem());
        assertFalse(v.problem().contains("exporter key"), v.problem());
        assertTrue(v.summary().startsWith("NOT TRUSTED"), v.summary());
        BundleVerifier.Verdict both = BundleVerifier.verify(bundle,
                TrustList.of(List.of(exporter.fingerprint())).with(TrustList.of(List.of(feedKey.fingerprint()))), false);
        assertTrue(both.verified(), both.summary());
    }

    /** Review finding: a trusted exporter who signs the checkpoints with its own key must not pass as the feed. */
    @Test
    void anExporterSigningTheCheckpointsWithItsOwnKeyFails_andAnExporterOnlyKeyNeverVouchesForAFeed() throws Exception {
        Path own = Forger.forge(bundle, dir.resolve("insider-feed.spinebundle"), criticalLine, BundleForgeryTest::toLow, exporter, exporter);
        BundleVerifier.Verdict v = BundleVerifier.verify(own, trusted, false);
        assertEquals(BundleVerifier.Outcome.FAILED, v.outcome(), v.summary());
        assertTrue(v.problem().contains("the feed key is the exporter's own key"), v.problem());

        // Two exporter keys trusted as exporters only: one cannot sign checkpoints for the other.
        SigningKeys second = SigningKeys.loadOrCreate(dir.resolve("second-exporter.pem"));
        TrustList roles = TrustList.load(dir.resolve("roles/trusted-keys.json")).add(feedKey.fingerprint(), "Market Spine prod", TrustList.Role.FEED, NOW)
                .add(exporter.fingerprint(), "Carol", TrustList.Role.EXPORTER, NOW).add(second.fingerprint(), "Carol 2", TrustList.Role.EXPORTER, NOW);
        assertTrue(BundleVerifier.verify(bundle, roles, false).verified(), "the real bundle verifies with role-bound trust");
        Path crossed = Forger.forge(bundle, dir.resolve("crossed.spinebundle"), criticalLine, BundleForgeryTest::toLow, exporter, second);
        BundleVerifier.Verdict x = BundleVerifier.verify(crossed, roles, false);
        assertEquals(BundleVerifier.Outcome.NOT_TRUSTED, x.outcome(), x.summary());
        assertTrue(x.problem().contains("the feed key " + second.fingerprint()), x.problem());
    }

    /** Review finding: the range the report is rendered for must be the events' range, not whatever the manifest claims. */
    @Test
    void aRangeThatDoesNotFitTheEventsFails() throws Exception {
        Map<String, byte[]> entries = BundleTest.read(bundle);
        String m = new String(entries.get(Bundle.MANIFEST), StandardCharsets.UTF_8);
        String moved = m.replaceFirst("\"range_first_seq\" : (\\d+)", "\"range_first_seq\" : 7");
        assertNotEquals(m, moved);
        entries.put(Bundle.MANIFEST, moved.getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("range.spinebundle");
        Resign.sign(entries, entries.get(Bundle.MANIFEST), exporter);
        BundleTest.write(out, entries);
        BundleVerifier.Verdict v = BundleVerifier.verify(out, trusted, false);
        assertEquals(BundleVerifier.Outcome.FAILED, v.outcome(), v.summary());
        assertTrue(v.problem().contains("does not fit the events"), v.problem());
    }

    @Test
    void anExtraEntryFails_andNamesFromTheBundleCannotWriteToTheTerminal() throws Exception {
        Map<String, byte[]> entries = BundleTest.read(bundle);
        entries.put("notes.txt", "VERIFIED".getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("extra.spinebundle");
        BundleTest.write(out, entries);
        BundleVerifier.Verdict v = BundleVerifier.verify(out, trusted, false);
        assertEquals(BundleVerifier.Outcome.FAILED, v.outcome());
        assertTrue(v.problem().startsWith("notes.txt: not part of a bundle"), v.problem());
        assertEquals("x??[1A??VERIFIED", BundleVerifier.printable("x\n\u001b[1A\u202e\rVERIFIED"));
    }

    /**
     * Bytes that are not UTF-8 in one event, every chain value after it recomputed over those bytes
     * and the bundle signed again: FAILED at that very line, though the feed's checkpoint after it is
     * found (by another thread) to disagree too — the first bad line wins.
     */
    @Test
    void anEventThatIsNotUtf8FailsAtItsLineEvenWithTheChainRecomputed() throws Exception {
        Map<String, byte[]> entries = BundleTest.read(bundle);
        List<byte[]> lines = new ArrayList<>();
        byte[] all = entries.get(Bundle.EVENTS);
        for (int from = 0, i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                lines.add(Arrays.copyOfRange(all, from, i));
                from = i + 1;
            }
        }
        long seq = criticalLine + 1;
        assertNotEquals(0, seq % 1000, "the edited event is not itself at a checkpoint");
        String text = new String(lines.get(criticalLine), StandardCharsets.UTF_8);
        int at = text.indexOf("\"severity\":\"critical\"") + "\"severity\":\"".length();
        byte[] edited = lines.get(criticalLine).clone();
        edited[at] = (byte) 0xC3; // "c" becomes the start of a two-byte sequence...
        edited[at + 1] = '(';     // ...that is not followed by a continuation byte
        lines.set(criticalLine, edited);
        // Every chain value from that line on, recomputed over the bytes as they now are (plain MessageDigest).
        int chainAt = Bundle.LINE_PREFIX.length();
        int eventAt = chainAt + 64 + Bundle.EVENT_INFIX.length();
        String chain = new String(lines.get(criticalLine - 1), chainAt, 64, StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int n = 0; n < lines.size(); n++) {
            byte[] l = lines.get(n);
            if (n >= criticalLine) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update((chain + "\n").getBytes(StandardCharsets.US_ASCII));
                sha.update(l, eventAt, l.length - 1 - eventAt);
                chain = HexFormat.of().formatHex(sha.digest());
                System.arraycopy(chain.getBytes(StandardCharsets.US_ASCII), 0, l, chainAt, 64);
            }
            out.write(l);
            out.write('\n');
        }
        byte[] events = out.toByteArray();
        entries.put(Bundle.EVENTS, events);
        ObjectNode m = (ObjectNode) new ObjectMapper().readTree(entries.get(Bundle.MANIFEST));
        ((ObjectNode) m.path("files")).put(Bundle.EVENTS, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(events)));
        ((ObjectNode) m.path("chain")).put("head", chain);
        Resign.sign(entries, new ObjectMapper().writeValueAsBytes(m), SigningKeys.loadOrCreate(dir.resolve("forger-utf8.pem")));
        Path forged = dir.resolve("not-utf8.spinebundle");
        BundleTest.write(forged, entries);

        BundleVerifier.Verdict v = BundleVerifier.verify(forged, trusted, false);

        assertEquals(BundleVerifier.Outcome.FAILED, v.outcome(), v.summary());
        assertTrue(v.problem().startsWith("events.ndjson line " + seq + ": not UTF-8"), v.problem());
    }
}
