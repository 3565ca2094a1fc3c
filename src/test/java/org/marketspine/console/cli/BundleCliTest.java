package org.marketspine.console.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.audit.Bundle;
import org.marketspine.console.audit.BundleTest;
import org.marketspine.console.audit.BundleWriter;
import org.marketspine.console.audit.FeedSigning;
import org.marketspine.console.feed.EventSink;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.DemoPlatform;
import org.marketspine.console.feed.source.JournalOnlySource;
import org.marketspine.console.model.EventLog;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.protocol.SigningKeys;
import picocli.CommandLine;

/** {@code bundle verify} gives its verdict in words and exit code; {@code bundle trust} and {@code feed key show} as an auditor uses them. */
class BundleCliTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new Main()).execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void verifyGivesThreeVerdictsWithExitCodes_andTheTrustListDecides() throws Exception {
        EventLog log = new EventLog();
        log.appendAll(new DemoPlatform(7, 1, Clock.systemUTC()).history(NOW));
        // A hostile value from the feed: it must reach the report as text, never as markup.
        log.append(Event.of(log.headSeq() + 1, NOW, new EventData.ReadinessChanged("otc.weekly", HOSTILE, LocalDate.parse("2026-11-20"),
                ReadinessStatus.PRELIMINARY, "late", "ops", null, 10, 12)));
        SigningKeys exporter = SigningKeys.loadOrCreate(dir.resolve("exporter.pem"));
        SigningKeys feed = SigningKeys.loadOrCreate(dir.resolve("feed.pem"));
        Path file = dir.resolve("b.spinebundle");
        BundleWriter.Span span = BundleWriter.span(log, null, null);
        try (BundleWriter.ItemTexts texts = BundleWriter.ItemTexts.of(log)) {
            BundleWriter.write(file, log, texts, FeedSigning.proof(log, feed, "feed-9", span.lastSeq()), span,
                    new BundleWriter.Source("feed-9", "demo", "spine-feed/0.1.0", "ws://x/feed"), "c.auditor", exporter, NOW, p -> { });
        }
        String report = new String(BundleTest.read(file).get(Bundle.REPORT), StandardCharsets.UTF_8);
        assertFalse(report.contains(HOSTILE), "a feed value was written into report.html as markup");
        assertTrue(report.contains("&lt;img src=x onerror=alert(1)&gt;"), "the hostile tier is shown as text");

        Path trust = dir.resolve("cfg/trusted-keys.json");
        Run untrusted = run("bundle", "verify", file.toString(), "--trust-list", trust.toString());
        assertEquals(3, untrusted.code(), untrusted.err());
        assertTrue(untrusted.err().startsWith("NOT TRUSTED"), untrusted.err());

        Run added = run("bundle", "trust", "add", feed.fingerprint(), "--name", "Market Spine prod", "--trust-list", trust.toString());
        assertEquals(0, added.code(), added.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(trust)));
        Run listed = run("bundle", "trust", "list", "--trust-list", trust.toString());
        assertTrue(listed.out().contains(feed.fingerprint()) && listed.out().contains("Market Spine prod"), listed.out());

        Run stillUntrusted = run("bundle", "verify", file.toString(), "--trust-list", trust.toString());
        assertEquals(3, stillUntrusted.code(), "the exporter is not trusted yet: " + stillUntrusted.err());
        assertTrue(stillUntrusted.err().contains("the exporter key " + exporter.fingerprint()), stillUntrusted.err());

        Run verified = run("bundle", "verify", file.toString(), "--trust-list", trust.toString(), "--trust", exporter.fingerprint());
        assertEquals(0, verified.code(), verified.err());
        assertTrue(verified.out().startsWith("VERIFIED") && verified.out().contains("Market Spine prod"), verified.out());

        Map<String, byte[]> entries = BundleTest.read(file);
        byte[] events = entries.get(Bundle.EVENTS).clone();
        events[events.length / 3] ^= 1;
        entries.put(Bundle.EVENTS, events);
        Path bad = dir.resolve("bad.spinebundle");
        BundleTest.write(bad, entries);
        Run failed = run("bundle", "verify", bad.toString(), "--trust-list", trust.toString(), "--trust", exporter.fingerprint());
        assertEquals(1, failed.code());
        assertTrue(failed.err().startsWith("FAILED: events.ndjson"), failed.err());

        assertEquals(0, run("bundle", "trust", "remove", feed.fingerprint(), "--trust-list", trust.toString()).code());
        assertEquals(3, run("bundle", "verify", file.toString(), "--trust-list", trust.toString(), "--trust", exporter.fingerprint()).code());
        Run nonsense = run("bundle", "trust", "add", "SHA256:nope", "--name", "x", "--trust-list", trust.toString());
        assertEquals(2, nonsense.code());
        assertTrue(nonsense.err().contains("not a key fingerprint"), nonsense.err());
        assertEquals(2, run("bundle", "verify", dir.resolve("none.spinebundle").toString()).code());
    }

    /** The whole path an auditor takes: export from a running feed, ask its operator for the key, trust it, verify. */
    @Test
    void aBundleExportedFromARunningFeedVerifiesOnceItsFeedKeyIsTrusted() throws Exception {
        Path journalFile = dir.resolve("prod.journal");
        try (Journal journal = Journal.open(journalFile)) {
            List<EventSink.Timed> facts = new ArrayList<>();
            for (Event e : new DemoPlatform(11, 1, Clock.systemUTC()).history(NOW)) facts.add(new EventSink.Timed(e.at(), e.data()));
            journal.appendAll(facts);
            var server = new FeedServer(journal, new JournalOnlySource("demo"),
                    TokenStore.openAccess(), new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).start();
            try {
                Path out = dir.resolve("prod.spinebundle");
                Path key = dir.resolve("me.pem");
                SigningKeys.loadOrCreate(key);
                Run exported = run("bundle", "export", "--feed", server.url(), "--out", out.toString(), "--key", key.toString(),
                        "--to", journal.state().at().minusSeconds(3600).toString());
                assertEquals(0, exported.code(), exported.err());
                Run shown = run("feed", "key", "show", "--journal", journalFile.toString());
                String feedFingerprint = shown.out().lines().filter(l -> l.startsWith("fingerprint")).findFirst().orElseThrow().substring(13).trim();
                assertTrue(exported.out().contains("feed key " + feedFingerprint), exported.out());
                Path trust = dir.resolve("auditor/trusted-keys.json");
                assertEquals(3, run("bundle", "verify", out.toString(), "--trust-list", trust.toString()).code());
                assertEquals(0, run("bundle", "trust", "add", feedFingerprint, "--name", "Market Spine prod", "--trust-list", trust.toString()).code());
                assertEquals(0, run("bundle", "trust", "add", SigningKeys.load(key).fingerprint(), "--name", "me", "--trust-list", trust.toString()).code());
                Run verified = run("bundle", "verify", out.toString(), "--trust-list", trust.toString());
                assertEquals(0, verified.code(), verified.err());
                assertTrue(verified.out().contains("feed \"Market Spine prod\""), verified.out());
            } finally {
                server.close();
            }
        }
    }

    @Test
    void feedKeyShowPrintsThePublicHalfOnly() throws Exception {
        Path journal = dir.resolve("feed.journal");
        assertEquals(2, run("feed", "key", "show", "--journal", journal.toString()).code(), "no key before the feed first starts");
        String fingerprint;
        try (Journal j = Journal.open(journal)) {
            fingerprint = j.feedKey().fingerprint();
        }
        Run shown = run("feed", "key", "show", "--journal", journal.toString());
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.out().contains("fingerprint  " + fingerprint), shown.out());
        assertFalse(shown.out().contains("PRIVATE"), shown.out());
    }
}
