package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.bench.ScratchDirs;
import org.marketspine.console.protocol.SourceState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A restart shows the last known state at once from the local cache, marked stale, then goes live and resumes. */
@ExtendWith(ApplicationExtension.class)
class RestartFromCacheTest {
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theLastKnownStateShowsAtOnceAndResumesFromItsLastSeq(FxRobot robot) throws Exception {
        Path dir = ScratchDirs.temporary("spine-restart");
        LaunchOptions options = new LaunchOptions(null, null, false, 77, 1, dir);
        long seen;
        ConsoleRuntime first = new ConsoleRuntime(options, Clock.systemUTC());
        try {
            first.start();
            // "Live" can come while the demo is still writing its history (the rest then arrives as live events, with a
            // checkpoint at seq 2000 among them): wait for the whole history, at the console, before noting what it saw.
            assertTrue(first.embeddedServer().awaitSource(SourceState.CURRENT, Duration.ofSeconds(60)), "demo history written");
            long written = first.embeddedServer().journal().headSeq();
            HealthBoardTest.await("first run caught up", 30, () -> first.client().state().isLive() && first.log().headSeq() >= written);
            // The feed's checkpoints (what the second run must find in the cache) have been checked and kept.
            HealthBoardTest.await("a checkpoint", 30, () -> first.snapshot().checkpoint() != null);
            seen = first.log().headSeq();
        } finally {
            first.close();
        }

        // The second run: the embedded journal holds the same feed; the cache must show its state before any frame arrives.
        ConsoleRuntime second = new ConsoleRuntime(options, Clock.systemUTC());
        try {
            StatePublisher publisher = second.start();
            ConsoleSnapshot atOnce = second.snapshot();
            assertTrue(atOnce.state().seq() >= seen, "cached state shown at start: " + atOnce.state().seq());
            assertTrue(atOnce.isStale(), "marked stale until live");
            // A feed sends no checkpoint at live when nothing is new: the one verified on the first run is still the latest.
            assertNotNull(atOnce.checkpoint(), "the cache's verified checkpoint");
            assertTrue(atOnce.checkpoint().seq() >= 1000 && atOnce.checkpoint().seq() <= seen, atOnce.checkpoint().toString());
            robot.interact(() -> {
                Workstation.present(stage, new MainWindow(second, publisher, Clock.systemUTC()), 1400, 900, Styles.STYLESHEET);
            });
            HealthBoardTest.await("live again", 30, () -> second.client().state().isLive());
            Label connection = robot.lookup("#connection-text").queryAs(Label.class);
            HealthBoardTest.await("the bar says live", 5, () -> connection.getText().startsWith("Live"));
            assertFalse(second.snapshot().isStale());
            assertEquals(second.embeddedServer().journal().headSeq(), second.log().headSeq(), "resumed without gap or repeat");
        } finally {
            second.close();
        }
    }
}
