package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.bench.ScratchDirs;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.ui.health.WallBoard;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12 items 1 and 8 on the wall: a feed never reached, with no cache. The wall said "overdue
 * 6 d when last heard", "Nothing needed attention when last heard" under a dimmed green tick and
 * "WARNING": claims about data it never had. And the line saying why was dimmed with the board.
 */
@ExtendWith(ApplicationExtension.class)
class NeverReachedWallTest {
    ConsoleRuntime runtime;
    Workstation.UnreachableFeed feed;
    WallBoard board;

    @Start
    void start(Stage stage) throws Exception {
        feed = new Workstation.UnreachableFeed();
        runtime = new ConsoleRuntime(new LaunchOptions(feed.url, null, true, 0, 1,
                ScratchDirs.temporary("spine-never-wall")), Clock.systemUTC());
        board = Workstation.showWall(stage, runtime);
    }

    @AfterEach
    void stop() throws Exception {
        runtime.close();
        feed.close();
    }

    @Test
    void nothingIsClaimedAboutDataTheWallNeverHadAndTheReasonIsNotDimmed(FxRobot robot) {
        HealthBoardTest.await("the first connection attempt to fail", 10,
                () -> runtime.client().state().phase() != ConnectionState.Phase.CONNECTING
                        && robot.lookup("#wall-connection").queryAs(Labeled.class).getText().contains("connection refused")
                        && robot.lookup("#wall-fresh-OTC").tryQuery().isPresent());
        // Read on the FX thread: the wall rebuilds its rows on each pulse, and a look from the test
        // thread can land between clearing them and adding them again (a clean-clone run did).
        List<String> texts = new ArrayList<>();
        String[] otc = new String[1];
        robot.interact(() -> {
            for (Node n : board.lookupAll(".label")) {
                if (n instanceof Labeled l && l.getText() != null) texts.add(l.getText());
            }
            otc[0] = robot.from(robot.lookup("#wall-fresh-OTC").<Node>query()).lookup(".label").queryAllAs(Labeled.class)
                    .stream().reduce((a, b) -> b).orElseThrow().getText();
        });
        for (String text : texts) {
            assertFalse(text.contains("when last heard"), "never heard: " + text);
            assertFalse(text.contains("overdue"), "no data, no overdue: " + text);
            assertFalse(text.startsWith("Nothing need"), "no data, no all-clear: " + text);
            assertFalse(text.contains("safe to deploy"), text);
        }
        assertTrue(robot.lookup("#wall-level").queryAs(Labeled.class).getText().startsWith("HEALTH UNKNOWN"));
        assertEquals("not connected to the feed", robot.lookup(".wall-platform").queryAs(Labeled.class).getText());
        assertEquals("unknown", otc[0]);
        assertTrue(board.lookupAll(".health-green").isEmpty(), "nothing green");
        for (Node n = robot.lookup("#wall-connection").query(); n != null; n = n.getParent()) {
            assertEquals(1.0, n.getOpacity(), 1e-9, "the reason is never dimmed: " + n);
        }
    }
}
