package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.bench.ScratchDirs;
import org.marketspine.console.model.BackfillPlan;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.ExecutionStatus;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Trigger;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 12 item 7, as a user meets it: the app on its embedded demo, a retry sent from the board
 * still running, the app closed cleanly and started again on the same data directory. The
 * restarted board shows no WorkerLost failure — a clean shutdown does not fail its own runs.
 */
@ExtendWith(ApplicationExtension.class)
class DemoRestartTest {
    Stage stage;
    LaunchOptions options;
    ConsoleRuntime first;
    ConsoleRuntime second;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        options = new LaunchOptions(null, null, false, 53, 1, ScratchDirs.temporary("spine-demo-restart"));
        first = new ConsoleRuntime(options, Clock.systemUTC());
        Workstation.show(stage, first, Clock.systemUTC(), 1280, 720);
    }

    @AfterEach
    void stop() {
        first.close();
        if (second != null) second.close();
    }

    private static boolean workerLost(Execution x) {
        return x.error() != null && x.error().type().equals("WorkerLost");
    }

    @Test
    void aCleanShutdownAndRestartAddsNoWorkerLostFailure(FxRobot robot) throws Exception {
        HealthBoardTest.await("live with history", 30, () -> first.client().state().isLive() && first.log().headSeq() > 1000);
        // A failure to retry, reported the way the platform would, through the feed's journal.
        var p = BackfillPlan.params(HealthBoardTest.OLD_WEEK, "OTC");
        var sink = first.embeddedServer().sink();
        sink.platformThread().submit(() -> {
            sink.emit(Instant.now(), new EventData.ExecutionQueued("ex-restart", HealthBoardTest.INGEST, p, Trigger.SCHEDULED,
                    "system:scheduler", null));
            sink.emit(Instant.now(), new EventData.ExecutionFailed("ex-restart", 12_000, new EventData.ErrorDetail("HTTPError",
                    "HTTP 503 (injected)", Classification.TRANSIENT)));
        }).get(10, TimeUnit.SECONDS);
        HealthBoardTest.showFailure(robot, "ex-restart", 10);
        Workstation.click(robot, "#failure-ex-restart");
        HealthBoardTest.await("retry enabled", 5, () -> !robot.lookup("#retry").queryButton().isDisabled());
        Workstation.click(robot, "#retry");
        HealthBoardTest.await("the confirmation", 5, () -> !robot.lookup("#confirm-retry").queryAll().isEmpty());
        Workstation.click(robot, "#confirm-reason").write("transient 503", 0);
        Workstation.click(robot, "#confirm-retry");
        Label feedback = robot.lookup("#command-feedback").queryAs(Label.class);
        HealthBoardTest.await("the retry accepted", 10, () -> feedback.getText().contains("accepted → queued "));
        String retried = feedback.getText().replaceAll(".*accepted → queued (\\S+?)\\.?$", "$1");
        // An ingest runs for 40 s or more: it is still in flight when the app closes a moment later.
        HealthBoardTest.await("the retry in flight on the board", 10, () -> first.log().head().execution(retried) != null
                && first.log().head().execution(retried).status().isActive());

        first.close(); // what the app does when its window closes

        second = new ConsoleRuntime(options, Clock.systemUTC());
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            try {
                window[0] = Workstation.show(stage, second, Clock.systemUTC(), 1280, 720);
            } catch (Exception e) {
                throw new IllegalStateException("cannot show the restarted board", e);
            }
        });
        // Current: the restarted demo has said all it had to say about the runs it found in flight.
        HealthBoardTest.await("the restarted board live and current", 30, () -> second.client().state().isLive()
                && second.snapshot().isCurrent() && second.log().headSeq() == second.embeddedServer().journal().headSeq());
        HealthBoardTest.await("the board refreshed", 5, () -> !window[0].health().failures().isEmpty());

        assertEquals(ExecutionStatus.SUCCEEDED, second.log().head().execution(retried).status(), "the clean shutdown finished the retry");
        List<String> lost = second.log().head().executions().values().stream().filter(DemoRestartTest::workerLost)
                .map(Execution::executionId).toList();
        assertEquals(List.of(), lost, "runs failed by the restart itself");
        assertTrue(window[0].health().failures().stream().noneMatch(f -> workerLost(f.execution())), "a WorkerLost failure on the board");
        for (Node n : robot.lookup("#failures .label").queryAll()) {
            String text = ((Label) n).getText();
            assertFalse(text != null && text.contains("WorkerLost"), text);
        }
    }
}
