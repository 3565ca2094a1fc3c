package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.Animation;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A window's once-a-second refresh stops when the window closes (a closed bundle window must not stay alive through it). */
@ExtendWith(ApplicationExtension.class)
class SecondTickTest {
    private Stage main;

    @Start
    void start(Stage stage) {
        main = stage;
        stage.setScene(new Scene(new StackPane(new Label("main")), 200, 100));
        stage.show();
    }

    @Test
    void theTickRunsWhileItsWindowShowsAndStopsWhenItCloses(FxRobot robot) {
        AtomicInteger refreshes = new AtomicInteger();
        Timeline[] tick = new Timeline[1];
        Stage[] second = new Stage[1];
        robot.interact(() -> {
            Label view = new Label("bundle");
            tick[0] = SecondTick.whileShowing(view, refreshes::incrementAndGet);
            assertEquals(Animation.Status.STOPPED, tick[0].getStatus(), "not in a window yet");
            second[0] = new Stage();
            second[0].setScene(new Scene(new StackPane(view), 200, 100));
            second[0].show();
        });
        assertEquals(Animation.Status.RUNNING, tick[0].getStatus());
        robot.interact(() -> second[0].hide());
        assertEquals(Animation.Status.STOPPED, tick[0].getStatus(), "still ticking after its window closed");
        assertTrue(main.isShowing());
    }
}
