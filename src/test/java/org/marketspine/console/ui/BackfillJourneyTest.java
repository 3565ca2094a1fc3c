package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;
import static org.marketspine.console.ui.HealthBoardTest.INGEST;
import static org.marketspine.console.ui.HealthBoardTest.await;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.model.FinraCalendar;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Backfill from the operator's board, as a user does it: a range checked before anything is sent, the feed's preview, a reason, the audit record. */
@ExtendWith(ApplicationExtension.class)
class BackfillJourneyTest {
    ConsoleRuntime runtime;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        runtime = Workstation.demo(98, Clock.systemUTC());
        window = Workstation.show(stage, runtime, Clock.systemUTC(), 1600, 960);
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private void awaitLive() {
        HealthBoardTest.awaitLive(runtime, window);
    }

    @Test
    void aBackfillWithABadRangeCannotBeSentAndAGoodOneShowsItsPreview(FxRobot robot) throws Exception {
        awaitLive();
        Workstation.click(robot, "#backfill");
        await("the backfill dialog", 5, () -> !robot.lookup("#backfill-from").queryAll().isEmpty());
        DatePicker from = robot.lookup("#backfill-from").queryAs(DatePicker.class);
        DatePicker to = robot.lookup("#backfill-to").queryAs(DatePicker.class);
        Button send = robot.lookup("#backfill-send").queryButton();
        Button preview = robot.lookup("#backfill-preview-button").queryButton();
        LocalDate latest = FinraCalendar.expectedLatestWeek("OTC", Instant.now());

        robot.interact(() -> {
            from.setValue(latest);
            to.setValue(latest.minusWeeks(2));
        });
        Label validation = robot.lookup("#backfill-validation").queryAs(Label.class);
        assertTrue(validation.getText().contains("is after to_week"), validation.getText());
        assertTrue(send.isDisabled());
        assertTrue(preview.isDisabled());

        robot.interact(() -> to.setValue(latest.plusWeeks(2)));
        assertTrue(validation.getText().contains("in the future"), validation.getText());
        assertTrue(send.isDisabled());

        robot.interact(() -> {
            from.setValue(latest.minusWeeks(8));
            to.setValue(latest.minusWeeks(6));
        });
        assertEquals("", validation.getText());
        assertTrue(send.isDisabled(), "nothing is sent before a preview");
        Workstation.click(robot, "#backfill-preview-button");
        @SuppressWarnings("unchecked")
        ListView<String> list = robot.lookup("#backfill-preview").queryAs(ListView.class);
        await("the server's preview", 10, () -> list.getItems().size() == 3 && list.getItems().get(0).contains("week ending"));
        assertTrue(list.getItems().get(0).endsWith(latest.minusWeeks(8).toString()), list.getItems().toString());
        assertFalse(send.isDisabled());
        assertEquals("Send backfill (3 partitions)…", send.getText());
        assertFalse(send.isDefaultButton(), "Enter must not send a backfill");
        Workstation.click(robot, "#backfill-send");
        await("the confirmation", 5, () -> !robot.lookup("#confirm-backfill").queryAll().isEmpty());
        assertTrue(robot.lookup("#confirm-backfill").queryButton().isDisabled(), "a backfill needs a reason");
        Workstation.click(robot, "#confirm-reason").write("re-normalize after the calendar fix", 0);
        Workstation.click(robot, "#confirm-backfill");
        Label feedback = robot.lookup("#board-feedback").queryAs(Label.class);
        await("the backfill result on the board", 10, () -> feedback.getText().contains("accepted"));
        assertFalse(robot.lookup("#command-feedback").queryAs(Label.class).getText().contains("Backfill"),
                "a backfill's result never shows in a failure's detail");
        await("the audit record with the operator's reason", 10, () -> runtime.log().head().commands().stream()
                .anyMatch(c -> "backfill".equals(c.data().op())
                        && "re-normalize after the calendar fix".equals(c.data().params().get("reason"))));
    }

    @Test
    void backfillDatesAreIsoAndManyCertifiedWarningsAreOneLine(FxRobot robot) throws Exception {
        awaitLive();
        Workstation.click(robot, "#backfill");
        await("the backfill dialog", 5, () -> !robot.lookup("#backfill-from").queryAll().isEmpty());
        DatePicker from = robot.lookup("#backfill-from").queryAs(DatePicker.class);
        DatePicker to = robot.lookup("#backfill-to").queryAs(DatePicker.class);
        LocalDate latest = FinraCalendar.expectedLatestWeek("OTC", Instant.now());
        assertEquals(to.getValue().toString(), to.getEditor().getText(), "dates read as ISO 8601");
        LocalDate before = from.getValue();
        robot.interact(() -> {
            from.getEditor().setText("3/4/2026");
            from.getEditor().commitValue();
            from.commitValue();
        });
        Label validation = robot.lookup("#backfill-validation").queryAs(Label.class);
        assertTrue(validation.getText().contains("is not a date; use yyyy-mm-dd"), validation.getText());
        assertEquals(before, from.getValue(), "bad text keeps the previous date");
        assertNotNull(validation.getTooltip(), "a long validation message is readable whole");
        robot.interact(() -> {
            robot.lookup("#backfill-pipeline").queryComboBox().getSelectionModel().select(INGEST);
            from.setValue(latest.minusWeeks(20));
            to.setValue(latest.minusWeeks(6));
        });
        Workstation.click(robot, "#backfill-preview-button");
        @SuppressWarnings("unchecked")
        ListView<String> list = robot.lookup("#backfill-preview").queryAs(ListView.class);
        await("the server's preview", 10, () -> list.getItems().size() == 15 && list.getItems().get(0).contains("week ending"));
        Label recert = robot.lookup("#backfill-recertify").queryAs(Label.class);
        assertTrue(recert.getText().matches("⚠ \\d+ certified captures? will need re-certification.*"), recert.getText());
        assertFalse(robot.lookup("#backfill-warnings").query().isVisible(), "the individual warnings wait behind 'show'");
        assertTrue(list.getHeight() >= 100, "the partition list is readable, not one squashed line: " + list.getHeight());
        Workstation.click(robot, "#backfill-show-warnings");
        assertTrue(robot.lookup("#backfill-warnings").query().isVisible());
        Workstation.click(robot, "Cancel");
    }
}
