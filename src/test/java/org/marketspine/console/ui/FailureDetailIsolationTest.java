package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.model.BackfillPlan;
import org.marketspine.console.model.FinraCalendar;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Trigger;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12 item 5, the parts that need a feed's answers (the embedded demo over a real
 * WebSocket, at 1280×720): a backfill's result never lands in the open failure's detail, and the
 * failure's ERROR log line wraps so its whole text is on screen.
 */
@ExtendWith(ApplicationExtension.class)
class FailureDetailIsolationTest {
    static final String LONG_ERROR = "HTTP 503 Service Unavailable from FINRA OTC transparency API (weeklySummary OTC 2025-01-03): "
            + "upstream gateway timed out after 30 s; injected by FailureDetailIsolationTest";
    ConsoleRuntime runtime;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        runtime = Workstation.demo(41, Clock.systemUTC());
        window = Workstation.show(stage, runtime, Clock.systemUTC(), 1280, 720);
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    /** A failure injected the way the platform would report it: through the feed's journal, on its platform thread. */
    private void injectFailure(FxRobot robot, String id) throws Exception {
        var p = BackfillPlan.params(HealthBoardTest.OLD_WEEK, "OTC");
        var sink = runtime.embeddedServer().sink();
        sink.platformThread().submit(() -> {
            sink.emit(Instant.now(), new EventData.ExecutionQueued(id, HealthBoardTest.INGEST, p, Trigger.SCHEDULED, "system:scheduler", null));
            sink.emit(Instant.now(), new EventData.ExecutionFailed(id, 12_000, new EventData.ErrorDetail("HTTPError", LONG_ERROR,
                    Classification.TRANSIENT)));
        }).get(10, TimeUnit.SECONDS);
        HealthBoardTest.showFailure(robot, id, 10);
    }

    private void openFailure(FxRobot robot, String id) throws Exception {
        HealthBoardTest.await("live with history", 30, () -> runtime.client().state().isLive() && runtime.log().headSeq() > 1000);
        HealthBoardTest.await("the board current", 10, () -> !window.health().staleProperty().get());
        injectFailure(robot, id);
        Workstation.click(robot, "#failure-" + id);
        HealthBoardTest.await("its detail open", 5, () -> id.equals(robot.lookup("#detail-execution").queryTextInputControl().getText()));
    }

    @Test
    void aBackfillsResultStaysOnTheBoardNotInTheOpenFailuresDetail(FxRobot robot) throws Exception {
        openFailure(robot, "ex-iso-backfill");
        Workstation.click(robot, "#backfill");
        HealthBoardTest.await("the backfill dialog", 5, () -> !robot.lookup("#backfill-from").queryAll().isEmpty());
        LocalDate latest = FinraCalendar.expectedLatestWeek("OTC", Instant.now());
        robot.interact(() -> {
            robot.lookup("#backfill-from").queryAs(DatePicker.class).setValue(latest.minusWeeks(8));
            robot.lookup("#backfill-to").queryAs(DatePicker.class).setValue(latest.minusWeeks(7));
        });
        Workstation.click(robot, "#backfill-preview-button");
        ListView<?> preview = robot.lookup("#backfill-preview").queryAs(ListView.class);
        HealthBoardTest.await("the server's preview", 10, () -> preview.getItems().size() == 2);
        Workstation.click(robot, "#backfill-send");
        HealthBoardTest.await("the confirmation", 5, () -> !robot.lookup("#confirm-backfill").queryAll().isEmpty());
        Workstation.click(robot, "#confirm-reason").write("re-run two weeks after the calendar fix", 0);
        Workstation.click(robot, "#confirm-backfill");

        Label board = robot.lookup("#board-feedback").queryAs(Label.class);
        HealthBoardTest.await("the backfill's result on the board", 10, () -> board.getText().startsWith("Backfill of")
                && board.getText().contains("accepted"));
        Label detail = robot.lookup("#command-feedback").queryAs(Label.class);
        assertEquals("", detail.getText(), "the failure's detail says nothing of a command about no one failure");
        assertFalse(detail.isVisible());
        assertEquals("ex-iso-backfill", robot.lookup("#detail-execution").queryTextInputControl().getText(), "the same detail stays open");
    }

    @Test
    void theErrorLogLineWrapsSoItsWholeTextIsOnScreen(FxRobot robot) throws Exception {
        openFailure(robot, "ex-iso-logs");
        Workstation.click(robot, "#show-logs");
        TextArea logs = robot.lookup("#logs").queryAs(TextArea.class);
        HealthBoardTest.await("the log lines", 10, () -> logs.getText().contains(LONG_ERROR));
        WaitForAsyncUtils.waitForFxEvents();
        String[] measured = WaitForAsyncUtils.asyncFx(() -> {
            ScrollPane scroll = (ScrollPane) logs.lookup(".scroll-pane");
            Bounds viewport = scroll.getViewportBounds();
            String errorLine = logs.getText().lines().filter(l -> l.contains("ERROR") && l.contains(LONG_ERROR)).findFirst().orElseThrow();
            Text oneLine = new Text(errorLine);
            oneLine.setFont(logs.getFont());
            double widest = 0;
            for (Node n : logs.lookupAll(".text")) {
                if (n instanceof Text t && t.getText() != null && t.getText().contains(LONG_ERROR)) widest = Math.max(widest, t.getLayoutBounds().getWidth());
            }
            boolean hbar = scroll.lookupAll(".scroll-bar").stream().anyMatch(b -> b instanceof ScrollBar sb
                    && sb.getOrientation() == Orientation.HORIZONTAL && sb.isVisible());
            return new String[] {Double.toString(viewport.getWidth()), Double.toString(oneLine.getLayoutBounds().getWidth()),
                    Double.toString(widest), Boolean.toString(hbar)};
        }).get(5, TimeUnit.SECONDS);
        double room = Double.parseDouble(measured[0]);
        assertTrue(Double.parseDouble(measured[1]) > room, "the ERROR line is longer than the pane is wide (else this proves nothing): "
                + measured[1] + " vs " + room);
        assertTrue(Double.parseDouble(measured[2]) > 0, "the log text is drawn");
        assertTrue(Double.parseDouble(measured[2]) <= room + 1, "the ERROR line is cut at the pane's edge: " + measured[2] + " px in " + room);
        assertFalse(Boolean.parseBoolean(measured[3]), "no sideways scrolling to read it");
    }
}
