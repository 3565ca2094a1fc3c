package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.bench.ScratchDirs;
import org.marketspine.console.feed.client.ConnectionState.Phase;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SourceState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 16 on screen: the feed key in the connection bar, "About this feed", and the loud integrity error. */
@ExtendWith(ApplicationExtension.class)
class FeedEvidenceTest {
    Stage stage;
    ConsoleRuntime runtime;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (runtime != null) runtime.close();
    }

    @Test
    void aboutThisFeedShowsTheFeedsOwnFingerprintToReadOut_reachedByKeyboard(FxRobot robot) throws Exception {
        runtime = Workstation.demo(16, Clock.systemUTC());
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            try {
                window[0] = Workstation.show(stage, runtime, Clock.systemUTC(), 1280, 720);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        HealthBoardTest.await("live, with a verified checkpoint", 30, () -> runtime.client().state().isLive()
                && runtime.snapshot().checkpoint() != null && runtime.snapshot().feedFingerprint() != null);
        String fingerprint = runtime.snapshot().feedFingerprint();
        assertTrue(fingerprint.startsWith("SHA256:"), fingerprint);
        HealthBoardTest.await("the key note", 5, () -> !window[0].connectionBar().keyText().isEmpty());
        assertEquals("signed by feed key " + ConnectionText.shortFingerprint(fingerprint), window[0].connectionBar().keyText());

        // Alt+A, the button's mnemonic: no mouse needed.
        robot.press(KeyCode.ALT, KeyCode.A).release(KeyCode.A, KeyCode.ALT);
        HealthBoardTest.await("the dialog", 10, () -> robot.lookup("#about-fingerprint").tryQuery().isPresent());
        TextField shown = robot.lookup("#about-fingerprint").queryAs(TextField.class);
        assertEquals(fingerprint, shown.getText(), "the same key the feed's welcome carries");
        assertFalse(shown.isEditable(), "selectable to copy, not editable");
        assertEquals("demo", text(robot, "#about-platform"));
        assertEquals(runtime.feedUrl().toString(), text(robot, "#about-url"));
        assertTrue(text(robot, "#about-user").endsWith("(operator)"), text(robot, "#about-user"));
        assertNotNull(runtime.snapshot().welcome().feedId());
        assertEquals(runtime.snapshot().welcome().feedId(), text(robot, "#about-feed-id"));
        HealthBoardTest.await("the checkpoint row", 5, () -> text(robot, "#about-checkpoint").startsWith("seq "));
        assertTrue(text(robot, "#about-checkpoint").endsWith("Z (UTC)"), text(robot, "#about-checkpoint"));
        assertTrue(text(robot, "#about-integrity").startsWith("OK"), text(robot, "#about-integrity"));
        // The whole fingerprint and checkpoint readable in their fields, the row names uncut.
        Parent pane = shown.getScene().getRoot();
        List<String> cut = new ArrayList<>();
        robot.interact(() -> cut.addAll(Truncation.in(pane))); // on the FX thread: it measures text
        assertEquals(List.of(), cut);
        robot.interact(() -> ((Window) shown.getScene().getWindow()).hide());
    }

    @Test
    void anIntegrityErrorShowsTheRedBannerAndNothingSaysLive(FxRobot robot) throws Exception {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        // Never started: the window needs a runtime, but the snapshots are written here.
        runtime = new ConsoleRuntime(new LaunchOptions(URI.create("ws://127.0.0.1:9/feed"), null, false, 0, 1,
                ScratchDirs.temporary("spine-integrity")), clock);
        String problem = "the feed signed chain 0f3a9c2e11b7… at seq 2000, but the events it sent chain to 77c1d04e9a02…: "
                + "what it sent is not what it journaled";
        var state = ConnectionTextTest.state();
        ConsoleSnapshot bad = new ConsoleSnapshot(state, new ConnectionState(Phase.LIVE, 1, null, null, 1, 1, "ws://127.0.0.1:9/feed"),
                ConnectionTextTest.welcome(ConnectionTextTest.KEY), false, now, null,
                new Message.SourceStatus(SourceState.CURRENT, now, "", null), problem, null);
        StatePublisher publisher = new StatePublisher(() -> bad);
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = new MainWindow(runtime, publisher, clock);
            Workstation.present(stage, window[0], 1280, 720, Styles.STYLESHEET);
        });
        Labeled banner = robot.lookup("#integrity-notice").queryAs(Labeled.class);
        assertTrue(banner.isVisible());
        assertTrue(banner.getText().startsWith("INTEGRITY ERROR — this feed's history is not trusted: " + problem), banner.getText());
        assertTrue(banner.getText().contains("Tell the feed's operator"), banner.getText());
        assertTrue(banner.getStyleClass().contains(Styles.INTEGRITY_NOTICE));
        assertEquals("0xcf222eff", String.valueOf(banner.getBackground().getFills().get(0).getFill()), "the stylesheet's -health-red");
        assertTrue(banner.getHeight() > 0 && banner.getWidth() > 1000, "laid out across the window: " + banner.getWidth());

        ConnectionBar bar = window[0].connectionBar();
        assertTrue(bar.text().startsWith("NOT TRUSTED"), bar.text());
        assertTrue(bar.getStyleClass().contains(Styles.CONN_LOST), bar.getStyleClass().toString());
        assertFalse(bar.getStyleClass().contains(Styles.CONN_LIVE));
        assertEquals("feed key SHA256:q0bHx1vJ… · history NOT TRUSTED", bar.keyText());
        Node chip = robot.lookup("#health-chip").query();
        assertTrue(((Labeled) chip).getText().endsWith("NOT TRUSTED"), ((Labeled) chip).getText());
        assertFalse(chip.getStyleClass().contains(Styles.HEALTH_GREEN));
        for (Node n : robot.lookup(x -> x instanceof Labeled l && l.isVisible() && l.getText() != null).queryAll()) {
            String t = ((Labeled) n).getText();
            assertFalse(t.startsWith("Live") || t.contains(" Live ") || t.contains("· Live"), "says Live: " + t);
        }
        assertTrue(robot.lookup(".conn-live").queryAll().isEmpty(), "nothing wears the live style");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextInputControl.class).getText();
    }
}
