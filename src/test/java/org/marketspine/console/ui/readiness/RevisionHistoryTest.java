package org.marketspine.console.ui.readiness;

import static org.junit.jupiter.api.Assertions.*;
import static org.marketspine.console.ui.readiness.ReadinessFixtures.*;

import java.nio.file.Path;
import java.time.LocalDate;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.ui.Styles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A week revised many times lists its newest revisions and counts the rest; one whose captures revise
 * each other (a feed's cycle) is listed once and the screen stays responsive.
 */
@ExtendWith(ApplicationExtension.class)
class RevisionHistoryTest {
    static final LocalDate WEEK = LocalDate.parse("2026-11-13");
    @TempDir
    static Path dir;
    ReadinessViewModel vm;

    @Start
    void start(Stage stage) {
        vm = viewModel(dir, "ws://127.0.0.1:9/feed");
        CellDetail detail = new CellDetail(vm);
        Scene scene = new Scene(new ScrollPane(detail), 500, 700);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    private void show(ReadinessFixtures f, String current) {
        f.readiness(NORMALIZED, "OTC", WEEK, ReadinessStatus.PRELIMINARY, current);
        WaitForAsyncUtils.asyncFx(() -> {
            vm.update(snapshot(f.state(), "feed-1"));
            vm.select(vm.find(NORMALIZED, "OTC", WEEK));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** One "Symbol changes" button per revision listed. */
    private static long revisionsListed(FxRobot robot) {
        return robot.lookup(".button").queryAllAs(Button.class).stream().filter(b -> b.getText().equals("Symbol changes")).count();
    }

    @Test
    void aWeekRevisedTwentyFiveTimesListsTheNewestTwentyAndCountsTheRest(FxRobot robot) {
        ReadinessFixtures f = new ReadinessFixtures().capture("c0", NORMALIZED, "OTC", WEEK, null);
        for (int i = 1; i <= 25; i++) f.capture("c" + i, NORMALIZED, "OTC", WEEK, "c" + (i - 1));
        show(f, "c25");
        assertEquals(20, revisionsListed(robot));
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals("… and 5 earlier revisions")),
                "the older five are counted");
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a walk that trusts the cycle never returns
    void capturesThatReviseEachOtherAreListedOnce(FxRobot robot) {
        ReadinessFixtures f = new ReadinessFixtures().capture("a", NORMALIZED, "OTC", WEEK, "b").capture("b", NORMALIZED, "OTC", WEEK, "a");
        show(f, "b");
        assertEquals(2, revisionsListed(robot));
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream().noneMatch(l -> l.getText().contains("earlier revision")));
    }
}
