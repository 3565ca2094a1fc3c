package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketspine.console.audit.BundleVerifier;
import org.marketspine.console.feed.client.ConnectionState.Phase;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.model.HealthLevel;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.StateFold;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.Role;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.protocol.Trigger;

/** What the connection bar, the key note, the integrity banner and the health chip say: snapshots in, words out, no screen. */
class ConnectionTextTest {
    static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    static final String FP = "SHA256:q0bHx1vJ0m3b2kqgq0R7wXl4ZCkq0eE7M5bA2s9Yt1c";
    static final Message.FeedKey KEY = new Message.FeedKey("Ed25519", "AAAA", FP);
    static final Message.Checkpoint CP = new Message.Checkpoint("feed-x", 2000, "a".repeat(64), "2026-11-25T11:59:30Z", "sig");

    static PlatformState state() {
        return StateFold.apply(PlatformState.EMPTY, Event.of(1, T0, new EventData.ExecutionQueued("ex-1",
                "finra.otc_transparency.ingest_week", Map.of(), Trigger.SCHEDULED,
                "system:scheduler", null)));
    }

    static Message.Welcome welcome(Message.FeedKey key) {
        return new Message.Welcome(1, "spine-feed/0.1.0", "demo", T0, 1, Role.OPERATOR, "ops.alice", List.of(), "feed-x", null, key);
    }

    static ConsoleSnapshot live(String integrity, Message.FeedKey key) {
        PlatformState s = state();
        return new ConsoleSnapshot(s, new ConnectionState(Phase.LIVE, 1, null, null, s.seq(), s.seq(), "ws://127.0.0.1/feed"),
                welcome(key), false, T0, null, new Message.SourceStatus(SourceState.CURRENT, T0, "", null), integrity, CP);
    }

    /** A bundle under review whose verdict is {@code outcome}: a manifest with what the review reads, nothing else. */
    static ConsoleSnapshot bundle(BundleVerifier.Outcome outcome) {
        ObjectNode m = manifest(BundleVerifier.REPORT_RENDERER);
        boolean ok = outcome == BundleVerifier.Outcome.VERIFIED;
        var verdict = new BundleVerifier.Verdict(outcome, ok ? null : "the feed key " + FP + " (which signed the checkpoints) is not "
                + "in your trust list", 1, 1, "SHA256:exporter", ok ? "C. Auditor" : null, FP, ok ? "Market Spine prod" : null, m, List.of());
        return underReview(verdict);
    }

    private static ConsoleSnapshot underReview(BundleVerifier.Verdict verdict) {
        BundleReview review = new BundleReview(Path.of("review.spinebundle"), verdict);
        PlatformState s = state();
        return new ConsoleSnapshot(s, new ConnectionState(Phase.BUNDLE, 0, null, null, 1, 1, "review.spinebundle"), review.welcome(),
                false, null, review.banner(), null, null, review.checkpoint(), review);
    }

    private static ObjectNode manifest(String renderer) {
        ObjectNode m = new ObjectMapper().createObjectNode();
        m.put("report_renderer", renderer);
        m.putObject("range").put("from", "2026-08-27T12:00:00Z").put("to", T0.toString());
        m.putObject("feed").put("platform", "demo").put("server", "spine-feed/0.1.0").put("feed_id", "feed-x").put("url", "ws://prod/feed");
        m.putObject("feed_key").put("alg", "Ed25519").put("public_key", "AAAA").put("fingerprint", FP);
        m.putArray("feed_checkpoints").addObject().put("feed_id", "feed-x").put("seq", 1).put("chain", "b".repeat(64))
                .put("at", "2026-11-25T12:00:00Z").put("signature", "sig");
        m.put("created_by", "c.auditor");
        return m;
    }

    @Test
    void aBundleWithTrustedKeysButAReportFromAnotherRendererSaysThat_notThatItsKeysAreUntrusted() {
        var verdict = new BundleVerifier.Verdict(BundleVerifier.Outcome.NOT_TRUSTED, "report.html was made by renderer 'other/9', which "
                + "this version cannot re-check against the events; read the events, not the report", 1, 1, "SHA256:exporter", "C. Auditor",
                FP, "Market Spine prod", manifest("other/9"), List.of());
        ConsoleSnapshot s = underReview(verdict);
        assertTrue(s.notice().startsWith("Offline review of review.spinebundle — NOT TRUSTED: intact, but its report.html cannot be "
                + "re-checked against its events"), s.notice());
        assertFalse(s.notice().contains("trust list"), "both keys are trusted: " + s.notice());
        String bar = ConnectionText.of(s, T0).text();
        assertTrue(bar.contains("not trusted: intact, but its report.html cannot be re-checked"), bar);
        assertFalse(bar.contains("trust list"), bar);
        // Keys untrusted and the report unchecked: both said.
        var both = new BundleVerifier.Verdict(BundleVerifier.Outcome.NOT_TRUSTED, "…", 1, 1, "SHA256:exporter", null, FP, null,
                manifest("other/9"), List.of());
        assertTrue(underReview(both).notice().contains("not verified against your trust list, nor its report re-checked, so nothing here is "
                + "evidence until it is"), underReview(both).notice());
    }

    @Test
    void aLiveFeedWithAnIntegrityErrorIsNeverLiveOrGreen() {
        ConnectionText t = ConnectionText.of(live("the feed signed chain aaaa… at seq 2000, but the events chain to bbbb…", KEY), T0);
        assertTrue(t.text().startsWith("NOT TRUSTED"), t.text());
        assertFalse(t.text().contains("Live"), t.text());
        assertEquals(Styles.CONN_LOST, t.styleClass());
        assertEquals("Live · demo · seq 1 · heard just now", ConnectionText.of(live(null, KEY), T0).text(), "without one, Live as before");
    }

    @Test
    void anIntegrityErrorMarksEveryPhaseNotJustLive() {
        ConsoleSnapshot s = live("bad chain", KEY);
        ConsoleSnapshot catching = new ConsoleSnapshot(s.state(), new ConnectionState(Phase.CATCHING_UP, 1, null, null, 1, 10, "x"),
                s.welcome(), false, T0, null, s.source(), "bad chain", null);
        ConnectionText t = ConnectionText.of(catching, T0);
        assertTrue(t.text().startsWith("NOT TRUSTED (integrity error) · Catching up"), t.text());
        assertEquals(Styles.CONN_LOST, t.styleClass());
    }

    @Test
    void theIntegrityBannerSaysWhatIsWrongAndWhatToDo() {
        assertNull(ConnectionText.integrityBanner(live(null, KEY)));
        String banner = ConnectionText.integrityBanner(live("the checkpoint at seq 2000 is not signed by the feed's key", KEY));
        assertTrue(banner.startsWith("INTEGRITY ERROR — this feed's history is not trusted: the checkpoint at seq 2000"), banner);
        assertTrue(banner.contains("Tell the feed's operator"), banner);
        assertTrue(banner.contains("do not export, certify"), banner);
        assertTrue(banner.contains(FP), "names the key to tell the operator about: " + banner);
    }

    @Test
    void theHealthChipSaysNotTrustedInsteadOfAGreenWord() {
        assertEquals("HEALTHY", ConnectionText.healthChip(HealthLevel.GREEN, live(null, KEY)));
        assertEquals("WARNING · NOT TRUSTED", ConnectionText.healthChip(HealthLevel.YELLOW, live("bad chain", KEY)));
        assertEquals("WARNING · NOT TRUSTED", ConnectionText.healthChip(HealthLevel.YELLOW, bundle(BundleVerifier.Outcome.NOT_TRUSTED)));
        assertEquals("HEALTHY", ConnectionText.healthChip(HealthLevel.GREEN, bundle(BundleVerifier.Outcome.VERIFIED)));
    }

    @Test
    void anUntrustedBundleSaysNotTrustedNotVerified_inAmber() {
        ConnectionText t = ConnectionText.of(bundle(BundleVerifier.Outcome.NOT_TRUSTED), T0);
        assertTrue(t.text().startsWith("Offline review of review.spinebundle · not trusted"), t.text());
        assertFalse(t.text().contains("verified ·"), t.text());
        assertEquals(Styles.CONN_UNTRUSTED, t.styleClass());
        ConnectionText v = ConnectionText.of(bundle(BundleVerifier.Outcome.VERIFIED), T0);
        assertTrue(v.text().startsWith("Offline review of review.spinebundle · verified"), v.text());
        assertEquals(Styles.CONN_CATCHING_UP, v.styleClass());
    }

    @Test
    void theKeyNoteShowsAShortFingerprintAndTheWholeOneInItsTooltip() {
        ConnectionText.KeyNote n = ConnectionText.keyNote(live(null, KEY));
        assertEquals("signed by feed key SHA256:q0bHx1vJ…", n.text());
        assertTrue(n.tooltip().contains(FP), n.tooltip());
        assertEquals(Styles.KEY_SIGNED, n.styleClass());

        ConnectionText.KeyNote bad = ConnectionText.keyNote(live("bad chain", KEY));
        assertEquals("feed key SHA256:q0bHx1vJ… · history NOT TRUSTED", bad.text());
        assertEquals(Styles.KEY_UNTRUSTED, bad.styleClass());

        ConnectionText.KeyNote none = ConnectionText.keyNote(live(null, null));
        assertEquals("feed signs nothing: its history cannot be checked", none.text());

        PlatformState s = state();
        ConsoleSnapshot connecting = new ConsoleSnapshot(s, new ConnectionState(Phase.CONNECTING, 1, null, null, 0, 0, "x"), null,
                false, null, null, null);
        assertEquals("", ConnectionText.keyNote(connecting).text(), "nothing said before the welcome");
    }

    @Test
    void aBundlesKeyNoteNamesTheTrustedFeedOrSaysItIsNotInTheTrustList() {
        assertEquals("signed by feed key SHA256:q0bHx1vJ… (Market Spine prod)",
                ConnectionText.keyNote(bundle(BundleVerifier.Outcome.VERIFIED)).text());
        ConnectionText.KeyNote n = ConnectionText.keyNote(bundle(BundleVerifier.Outcome.NOT_TRUSTED));
        assertEquals("feed key SHA256:q0bHx1vJ… · not in your trust list", n.text());
        assertEquals(Styles.KEY_UNTRUSTED, n.styleClass());
    }

    @Test
    void shortFingerprintsKeepThePrefixAndEightCharacters() {
        assertEquals("SHA256:q0bHx1vJ…", ConnectionText.shortFingerprint(FP));
        assertEquals("SHA256:abc", ConnectionText.shortFingerprint("SHA256:abc"));
        assertEquals("", ConnectionText.shortFingerprint(null));
    }

    @Test
    void aboutThisFeedSaysWhoWhatAndTheLatestCheckpointInUtc() {
        FeedFacts f = FeedFacts.of(live(null, KEY), "ws://127.0.0.1:4000/feed");
        assertEquals("demo", f.value("platform"));
        assertEquals("spine-feed/0.1.0", f.value("server"));
        assertEquals("feed-x", f.value("feed-id"));
        assertEquals("ws://127.0.0.1:4000/feed", f.value("url"));
        assertEquals("ops.alice (operator)", f.value("user"));
        assertEquals(FP, f.value("fingerprint"));
        assertEquals("seq 2,000 · signed at 2026-11-25T11:59:30Z (UTC)", f.value("checkpoint"));
        assertTrue(f.value("integrity").startsWith("OK"), f.value("integrity"));
        assertTrue(FeedFacts.of(live("bad chain", KEY), null).value("integrity").startsWith("INTEGRITY ERROR"));
        FeedFacts b = FeedFacts.of(bundle(BundleVerifier.Outcome.NOT_TRUSTED), "ws://prod/feed");
        assertEquals(FP, b.value("fingerprint"), "the bundle's feed key, from its signed manifest");
        assertTrue(b.value("integrity").startsWith("NOT TRUSTED: intact, but the feed key " + FP), b.value("integrity"));
        assertTrue(b.value("url").contains("not contacted"), b.value("url"));
    }

    /** Issue 12: a feed not reached since start, over a cached board, says so without claiming "no data". */
    @Test
    void aFeedNeverReachedSinceStartOverCachedDataSaysItShowsTheCachedCopy() {
        PlatformState s = state();
        ConnectionState lost = new ConnectionState(Phase.LOST, 4, null, null, s.seq(), 0, "connection refused");
        String cached = ConnectionText.of(new ConsoleSnapshot(s, lost, null, true, null, null, null), T0).text();
        assertTrue(cached.startsWith("CANNOT REACH THE FEED · connection refused"), cached);
        assertTrue(cached.contains("showing the copy it cached before, not live"), cached);
        assertFalse(cached.contains("no data from this feed yet"), cached);
        String empty = ConnectionText.of(new ConsoleSnapshot(PlatformState.EMPTY, lost, null, false, null, null, null), T0).text();
        assertTrue(empty.contains("no data from this feed yet"), empty);
    }
}
