package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.audit.Bundle;
import org.marketspine.console.audit.BundleKeys;
import org.marketspine.console.audit.BundleTest;
import org.marketspine.console.audit.BundleVerifier;
import org.marketspine.console.audit.BundleWriter;
import org.marketspine.console.audit.FeedSigning;
import org.marketspine.console.audit.TrustList;
import org.marketspine.console.bench.ScratchDirs;
import org.marketspine.console.feed.source.DemoPlatform;
import org.marketspine.console.model.EventLog;
import org.marketspine.console.protocol.SigningKeys;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.marketspine.console.testing.TestHome;

/** Offline review: a good bundle opens read-only with its banner; a tampered one shows only the refusal. */
@ExtendWith(ApplicationExtension.class)
class BundleReviewTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    Stage stage;
    Path dir;
    EventLog live;
    Path good;
    SigningKeys keys;
    SigningKeys feedKey;
    BundleOpener.Opened opened;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = ScratchDirs.temporary("spine-review");
        live = new EventLog();
        live.appendAll(new DemoPlatform(20261125, 1, Clock.systemUTC()).history(NOW));
        keys = BundleKeys.loadOrCreate(dir.resolve("key.pem"));
        feedKey = SigningKeys.loadOrCreate(dir.resolve("feed.key.pem"));
        good = dir.resolve("review.spinebundle");
        BundleWriter.Span span = BundleWriter.span(live, live.lastAt().minus(Duration.ofDays(90)), live.lastAt());
        try (BundleWriter.ItemTexts texts = BundleWriter.ItemTexts.of(live)) {
            BundleWriter.write(good, live, texts, FeedSigning.proof(live, feedKey, "feed-x", span.lastSeq()), span,
                    new BundleWriter.Source("feed-x", "demo", "spine-feed/0.1.0", "ws://prod/feed"), "c.auditor", keys, NOW, p -> { });
        }
        // This reviewer trusts the feed's key and the exporter's: the bundle is VERIFIED for them.
        TestHome.useConfig(dir.resolve("config"));
        TrustList.load(TrustList.defaultFile())
                .add(feedKey.fingerprint(), "Market Spine prod", NOW).add(keys.fingerprint(), "C. Auditor", NOW);
        stage.setScene(new Scene(new Label("…"), 1700, 1000));
        stage.getScene().getStylesheets().add(Styles.STYLESHEET);
        stage.show();
    }

    @AfterEach
    void close() {
        if (opened != null && opened.runtime() != null) opened.runtime().close();
        TestHome.restoreConfig();
    }

    private void open(FxRobot robot, Path file) throws Exception {
        var verdict = BundleOpener.verify(file);
        robot.interact(() -> {
            try {
                opened = BundleOpener.show(file, verdict, dir);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            stage.getScene().setRoot(opened.root());
        });
    }

    @Test
    void aVerifiedBundleOpensReadOnlyWithItsBanner(FxRobot robot) throws Exception {
        open(robot, good);
        assertInstanceOf(MainWindow.class, opened.root());
        HealthBoardTest.await("the banner", 10, () -> robot.lookup("#notice").queryAs(Label.class).isVisible());
        String banner = robot.lookup("#notice").queryAs(Label.class).getText();
        assertTrue(banner.startsWith("Offline review of review.spinebundle — VERIFIED"), banner);
        assertTrue(banner.contains(keys.fingerprint()), banner);
        assertTrue(banner.contains("feed-x"), banner);
        // The keys by the names this reviewer gave them in the trust list, with their fingerprints.
        assertTrue(banner.contains("signed by the feed \"Market Spine prod\" (" + feedKey.fingerprint() + ")"), banner);
        assertTrue(banner.contains("exported by \"C. Auditor\" (" + keys.fingerprint() + ")"), banner);
        assertFalse(banner.contains("NOT TRUSTED"), banner);
        assertTrue(robot.lookup("#notice").queryAs(Label.class).getStyleClass().contains("bundle-notice"));
        String bar = ((MainWindow) opened.root()).connectionBar().text();
        assertTrue(bar.startsWith("Offline review of review.spinebundle · verified"), bar);
        assertTrue(bar.contains("ages as of the bundle's end, "), "'2 h ago' on a bundle counts from its end, and says so: " + bar);
        // Disabled for good, saying why (a disabled button shows no tooltip), whatever failure is selected.
        assertEquals("Show logs (not in the bundle)", robot.lookup("#show-logs").queryAs(Button.class).getText());
        assertTrue(robot.lookup("#show-logs").queryAs(Button.class).isDisabled());
        assertEquals("Acknowledge (read-only review)", robot.lookup("#acknowledge-failure").queryAs(Button.class).getText());
        assertTrue(robot.lookup("#acknowledge-failure").queryAs(Button.class).isDisabled());
        assertEquals("signed by feed key " + ConnectionText.shortFingerprint(feedKey.fingerprint()) + " (Market Spine prod)",
                ((MainWindow) opened.root()).connectionBar().keyText());
        // The same journal, nothing contacted: the state is the live log's.
        assertEquals(live.head(), opened.runtime().log().head());
        assertNull(opened.runtime().client());
        // Compliance: the timeline spans the bundle's range, as of its end (not "the past").
        MainWindow w = (MainWindow) opened.root();
        robot.interact(() -> w.showWorkspace(2));
        HealthBoardTest.await("the lineage laid out", 15, () -> !w.lineage().layoutProperty().get().boxes().isEmpty());
        Slider slider = robot.lookup("#timeline-slider").queryAs(Slider.class);
        assertEquals(live.lastAt().minus(Duration.ofDays(90)).toEpochMilli(), slider.getMin(), 1);
        assertFalse(robot.lookup("#past-banner").query().isVisible());
        assertFalse(robot.lookup("#export-bundle").query().isVisible(), "a bundle is not re-exported");
    }

    /** Issue 16: the same intact bundle for a reviewer who trusts neither key opens, amber, saying NOT TRUSTED and which keys. */
    @Test
    void anIntactBundleWhoseKeysAreNotTrustedOpensWithTheAmberNotTrustedBanner(FxRobot robot) throws Exception {
        TestHome.useConfig(dir.resolve("empty-config")); // no trusted-keys.json: trusts nothing
        open(robot, good);
        assertEquals(BundleVerifier.Outcome.NOT_TRUSTED, opened.verdict().outcome());
        MainWindow w = assertInstanceOf(MainWindow.class, opened.root(), "intact: opened for review, not refused");
        HealthBoardTest.await("the banner", 10, () -> robot.lookup("#notice").queryAs(Label.class).isVisible());
        Label notice = robot.lookup("#notice").queryAs(Label.class);
        String banner = notice.getText();
        assertTrue(banner.startsWith("Offline review of review.spinebundle — NOT TRUSTED"), banner);
        assertFalse(banner.contains("VERIFIED"), banner);
        assertTrue(banner.contains("the feed key " + feedKey.fingerprint()), "names the untrusted feed key: " + banner);
        assertTrue(banner.contains("the exporter key " + keys.fingerprint()), "names the untrusted exporter key: " + banner);
        assertTrue(banner.contains("feed's operator"), "says how to check the fingerprint: " + banner);
        assertTrue(notice.getStyleClass().contains(Styles.BUNDLE_UNTRUSTED_NOTICE), notice.getStyleClass().toString());
        assertFalse(notice.getStyleClass().contains(Styles.BUNDLE_NOTICE), "not the calm banner of a verified bundle");
        // Amber (-trust-amber-subtle in spine.css), not the verified banner's blue, never green.
        assertEquals("0xfff1d6ff", background(notice));
        // The connection bar: "not trusted", never "verified"; the key note says so too.
        String bar = w.connectionBar().text();
        assertTrue(bar.startsWith("Offline review of review.spinebundle · not trusted"), bar);
        assertFalse(bar.contains("verified ·"), bar);
        assertTrue(w.connectionBar().getStyleClass().contains(Styles.CONN_UNTRUSTED));
        assertTrue(w.connectionBar().keyText().endsWith("not in your trust list"), w.connectionBar().keyText());
        // And no green word on the header: the board's healthy becomes a warning that says why.
        String chip = robot.lookup("#health-chip").queryAs(Label.class).getText();
        assertTrue(chip.endsWith("NOT TRUSTED"), chip);
        assertFalse(robot.lookup("#health-chip").query().getStyleClass().contains(Styles.HEALTH_GREEN), chip);
        assertEquals(live.head(), opened.runtime().log().head(), "the same events, shown for review");
        // Folded to its verdict, two lines; the whole text one click away.
        Hyperlink more = robot.lookup("#notice-toggle").queryAs(Hyperlink.class);
        HealthBoardTest.await("Show all", 5, more::isVisible);
        assertEquals("Show all", more.getText());
        double folded = notice.getHeight();
        assertFalse(shown(notice).equals(banner), "folded: the end of the text is cut, not hidden silently");
        Workstation.click(robot, more);
        HealthBoardTest.await("unfolded", 5, () -> notice.getHeight() > folded && shown(notice).equals(banner));
        assertEquals("Show less", more.getText());
        // At 1280×720 the freshness card's judgement ("current · not trusted") stays inside the card, on a line of its own.
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            Node row = robot.lookup("#fresh-NMS_TIER_1").query();
            Node view = row;
            while (!(view instanceof ScrollPane)) view = view.getParent(); // the column that clips what runs over
            double right = view.localToScene(view.getLayoutBounds()).getMaxX();
            for (Node l : row.lookupAll(".label")) {
                assertTrue(l.localToScene(l.getLayoutBounds()).getMaxX() <= right + 0.5, "runs out of its column: " + ((Label) l).getText());
            }
        });
        robot.interact(() -> {
            Node text = notice.lookup(".text");
            assertFalse(text.localToScene(text.getBoundsInLocal()).intersects(more.localToScene(more.getBoundsInLocal())),
                    "the link does not sit on the unfolded text");
        });
    }

    private static String shown(Label l) {
        return l.lookup(".text") instanceof Text t ? t.getText() : "";
    }

    private static String background(Label l) {
        var fills = l.getBackground() == null ? List.<BackgroundFill>of() : l.getBackground().getFills();
        return fills.isEmpty() ? "none" : String.valueOf(fills.get(0).getFill());
    }

    /** Issue 12, item 17: a bundle is seen as of its end — the timeline, every relative time — and Backfill says why it cannot run. */
    @Test
    void aBundleUnderReviewIsAsOfItsEnd_andBackfillIsDisabledWithTheReason(FxRobot robot) throws Exception {
        open(robot, good);
        MainWindow w = (MainWindow) opened.root();
        Instant end = opened.runtime().review().to();
        Button backfill = robot.lookup("#backfill").queryAs(Button.class);
        HealthBoardTest.await("the board filled", 10, () -> w.health().hasDataProperty().get());
        assertTrue(backfill.isDisabled(), "Backfill opens offline only to fail at Preview");
        assertTrue(backfill.getText().contains("read-only review"), backfill.getText());
        assertTrue(backfill.getTooltip().getText().contains("offline review"), backfill.getTooltip().getText());
        int relative = 0;
        for (Node n : robot.lookup(x -> x instanceof TimeLabel t && t.time() != null).queryAll()) {
            TimeLabel t = (TimeLabel) n;
            assertTrue(t.getText().endsWith(Times.relative(t.time(), end)), t.getText() + " is not relative to the bundle's end " + end);
            relative++;
        }
        assertTrue(relative > 0, "no relative time on the board");
        robot.interact(() -> w.showWorkspace(2));
        HealthBoardTest.await("the lineage laid out", 15, () -> !w.lineage().layoutProperty().get().boxes().isEmpty());
        String now = robot.lookup("#timeline-time").queryAs(Label.class).getText();
        assertFalse(now.contains("LIVE"), now);
        assertTrue(now.startsWith("END OF BUNDLE · " + Times.absolute(end)), now);
    }

    @Test
    void aTamperedBundleIsRefusedAndShowsNothingOfItself(FxRobot robot) throws Exception {
        Map<String, byte[]> entries = BundleTest.read(good);
        List<String> lines = new ArrayList<>(List.of(new String(entries.get(Bundle.EVENTS), StandardCharsets.UTF_8).split("\n")));
        String a = lines.get(300);
        lines.set(300, lines.get(301));
        lines.set(301, a);
        entries.put(Bundle.EVENTS, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        Path bad = dir.resolve("tampered.spinebundle");
        BundleTest.write(bad, entries);
        open(robot, bad);
        assertInstanceOf(BundleRefusal.class, opened.root());
        assertNull(opened.runtime(), "no runtime, no state from a refused bundle");
        String reason = robot.lookup("#bundle-refusal-reason").queryAs(Label.class).getText();
        assertTrue(reason.startsWith("events.ndjson line 301"), reason);
        assertTrue(robot.lookup("#bundle-refusal .title").queryAs(Label.class).getText().startsWith("FAILED"),
                "the verdict by its name, as bundle verify says it");
        assertTrue(robot.lookup("#notice").tryQuery().isEmpty(), "no workspace is shown");
    }
}
