package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.bench.ScratchDirs;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.testing.MutableClock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12 item 1: a feed that was never reached, with no cache. From the first second no figure
 * claims safety; once 15 s pass without a welcome the board says it cannot reach the feed, and why
 * (never "FEED LOST": nothing was ever there to lose).
 */
@ExtendWith(ApplicationExtension.class)
class NeverReachedFeedTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T13:00:00Z"));
    ConsoleRuntime runtime;
    Workstation.UnreachableFeed feed;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        feed = new Workstation.UnreachableFeed();
        runtime = new ConsoleRuntime(new LaunchOptions(feed.url, null, false, 0, 1,
                ScratchDirs.temporary("spine-never")), clock);
        window = Workstation.show(stage, runtime, clock, 1280, 720);
    }

    @AfterEach
    void stop() throws Exception {
        runtime.close();
        feed.close();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Labeled.class).getText();
    }

    @Test
    void noFigureClaimsSafetyAndAfter15sTheBoardSaysFeedLostWithTheReason(FxRobot robot) throws Exception {
        HealthBoardTest.await("the first connection attempt to fail", 10,
                () -> runtime.client().state().phase() != ConnectionState.Phase.CONNECTING);
        for (Node n : window.lookupAll(".label")) {
            if (n instanceof Labeled l && l.getText() != null) {
                assertFalse(l.getText().contains("safe to deploy"), "claims safety with no data: " + l.getText());
                assertFalse(l.getText().startsWith("No failures in the last 7 days"), "claims no failures with no data");
            }
        }
        assertEquals("—", text(robot, "#kpi-running"));
        assertEquals("NO DATA", text(robot, "#health-chip"));
        assertFalse(window.lookup(".status-banner").getStyleClass().contains(Styles.HEALTH_GREEN), "never a green with no data");
        String bar = text(robot, "#connection-text");
        assertFalse(bar.contains("last heard 13:00"), "a feed never heard from has no 'last heard' time: " + bar);
        assertTrue(bar.contains("connection refused"), bar);

        clock.advance(Duration.ofSeconds(16));
        HealthBoardTest.await("CANNOT REACH THE FEED", 5, () -> text(robot, "#connection-text").startsWith("CANNOT REACH THE FEED"));
        assertTrue(text(robot, "#connection-text").contains("connection refused by 127.0.0.1"), text(robot, "#connection-text"));
        HealthBoardTest.await("the board to say why instead of spinning", 5,
                () -> text(robot, "#board-waiting").contains("connection refused"));
        assertFalse(window.lookup(".loading-state .progress-indicator").isVisible(), "no spinner for a feed that cannot be reached");
        assertTrue(text(robot, "#health-reason").startsWith("Health unknown"), text(robot, "#health-reason"));
        assertTrue(text(robot, "#platform-name").startsWith("not connected"), "the header does not say 'connecting…' beside CANNOT REACH THE FEED: "
                + text(robot, "#platform-name"));

        robot.interact(() -> window.showWorkspace(1));
        HealthBoardTest.await("the grid's empty state", 5, () -> robot.lookup("#grid-empty").queryAs(Labeled.class).isVisible());
        String empty = text(robot, "#grid-empty");
        assertFalse(empty.contains("recorded"), "a feed never heard from has recorded nothing: " + empty);
        assertTrue(empty.startsWith("No data from the feed yet"), empty);
    }
}
