package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.time.Clock;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.ui.health.WallBoard;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class WallBoardTest {
    ConsoleRuntime runtime;
    WallBoard board;

    @Start
    void start(Stage stage) throws Exception {
        runtime = new ConsoleRuntime(new LaunchOptions(null, null, true, 98, 1, Files.createTempDirectory("spine-wall")), Clock.systemUTC());
        board = new WallBoard(runtime.start(), Clock.systemUTC());
        Scene scene = new Scene(board, 1920, 1080);
        scene.getStylesheets().addAll(Styles.STYLESHEET, Styles.WALL_STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void hasNoFocusableControlsAndShowsAZonedClock(FxRobot robot) throws Exception {
        HealthBoardTest.await("live", 30, () -> runtime.client().state().isLive() && runtime.log().headSeq() > 1000);
        assertNoControls(board);
        String clock = robot.lookup("#wall-clock").queryAs(Label.class).getText();
        assertTrue(clock.matches("\\d\\d:\\d\\d:\\d\\d \\S+"), clock);
        assertFalse(robot.lookup("#wall-level").queryAs(Label.class).getText().isBlank());
    }

    @Test
    void aLostFeedDimsTheBoardUnderABannerSayingSinceWhen(FxRobot robot) throws Exception {
        HealthBoardTest.await("live", 30, () -> runtime.client().state().isLive() && runtime.log().headSeq() > 1000);
        assertFalse(robot.lookup("#wall-lost-banner").query().isVisible());
        runtime.embeddedServer().close();
        HealthBoardTest.await("the lost banner", 20, () -> robot.lookup("#wall-lost-banner").query().isVisible());
        String detail = robot.lookup("#wall-lost-detail").queryAs(Label.class).getText();
        assertTrue(detail.startsWith("since "), detail);
        assertTrue(detail.contains(" old"), detail);
        assertTrue(robot.lookup("#wall-level").queryAs(Label.class).getText().endsWith("NOT LIVE"));
        assertTrue(robot.lookup(".wall-content").query().getStyleClass().contains("wall-dimmed"));
    }

    private static void assertNoControls(Parent root) {
        for (Node n : root.lookupAll("*")) {
            assertFalse(n.isFocusTraversable(), "focusable on the wall: " + n);
            assertFalse(n instanceof ButtonBase || n instanceof TextInputControl, "control on the wall: " + n);
        }
    }
}
