package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12 item 19: at 1280×720 and 1920×1080 the operator's board shows every decision text
 * whole (status reason, failure errors, retry advice, badges, ids) — wrapped, or in a tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class BoardLayoutTest {
    ConsoleRuntime runtime;
    MainWindow window;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        runtime = Workstation.demo(97, Clock.systemUTC());
        window = Workstation.show(stage, runtime, Clock.systemUTC(), 1280, 720);
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private void resize(FxRobot robot, double w, double h) {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
            window.getScene().getRoot().applyCss();
            window.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void noDecisionTextIsCutAt1280x720Or1920x1080(FxRobot robot) throws Exception {
        HealthBoardTest.await("live with history", 30, () -> runtime.client().state().isLive() && runtime.log().headSeq() > 1000
                && !window.health().failures().isEmpty());
        HealthBoardTest.await("the top failure's detail", 5, () -> !robot.lookup("#detail-execution").queryAll().isEmpty());
        for (double[] size : new double[][] {{1280, 720}, {1920, 1080}}) {
            resize(robot, size[0], size[1]);
            WaitForAsyncUtils.waitForFxEvents();
            List<List<String>> cut = new ArrayList<>();
            robot.interact(() -> cut.add(Truncation.in((Parent) window.lookup(".health-view"))));
            assertEquals(List.of(), cut.get(0), "at " + (int) size[0] + "×" + (int) size[1]);
        }
    }
}
