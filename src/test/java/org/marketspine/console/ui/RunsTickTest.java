package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.feed.client.ConnectionState.Phase;
import org.marketspine.console.model.BackfillPlan;
import org.marketspine.console.model.Execution;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.protocol.Trigger;
import org.marketspine.console.testing.MutableClock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The runs window's relative times ("14 s ago") and the duration of a running run re-read the
 * board's clock every second, like the rest of the board — with no event from the feed.
 */
@ExtendWith(ApplicationExtension.class)
class RunsTickTest {
    static final Instant T0 = Instant.parse("2026-11-30T13:00:00Z");
    static final String INGEST = "finra.otc_transparency.ingest_week";
    final MutableClock clock = new MutableClock(T0);
    ScriptedFeed feed;

    @Start
    void start(Stage stage) throws Exception {
        feed = new ScriptedFeed(clock);
        var p = BackfillPlan.params(LocalDate.of(2026, 11, 20), "OTC");
        feed.append(T0, new EventData.ExecutionQueued("ex-run", INGEST, p, Trigger.SCHEDULED, "system:scheduler", null));
        feed.append(T0.plusSeconds(2), new EventData.ExecutionStarted("ex-run", INGEST, p, Trigger.SCHEDULED, "system:scheduler", null, 1));
        feed.connection(Phase.LIVE, SourceState.CURRENT);
        clock.advance(Duration.ofSeconds(14));
        feed.show(stage, 1280, 720);
    }

    /** The text of the run's cell in a column, read on the FX thread (null while not drawn). */
    private static String cell(TableView<?> table, String executionId, String column) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
            for (Node n : table.lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> c && c.getTableRow() != null && c.getTableRow().getItem() instanceof Execution x
                        && x.executionId().equals(executionId) && c.getTableColumn().getText().equals(column)) {
                    return c.getText();
                }
            }
            return null;
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the runs table", e);
        }
    }

    @Test
    void queuedAgoAndRunningDurationTickWithTheBoardClockWithoutAFeedEvent(FxRobot robot) throws Exception {
        Workstation.click(robot, "#show-runs");
        HealthBoardTest.await("the runs window", 5, () -> !robot.lookup("#runs-table").queryAll().isEmpty());
        TableView<?> table = robot.lookup("#runs-table").queryAs(TableView.class);
        HealthBoardTest.await("the run as of the first tick", 5, () -> "14 s ago".equals(cell(table, "ex-run", "Queued"))
                && "running 12 s".equals(cell(table, "ex-run", "Duration")));

        // Five seconds pass on the board's clock; the feed says nothing. The next tick re-reads every visible cell.
        clock.advance(Duration.ofSeconds(5));
        HealthBoardTest.await("the run re-read on the next tick", 5, () -> "19 s ago".equals(cell(table, "ex-run", "Queued"))
                && "running 17 s".equals(cell(table, "ex-run", "Duration")));
        assertTrue(WaitForAsyncUtils.asyncFx(() -> ((TableCell<?, ?>) table.lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> c && "19 s ago".equals(c.getText())).findFirst().orElseThrow())
                .getTooltip().getText().contains("Queued 2026-11-30T")).get(5, TimeUnit.SECONDS), "the absolute time on hover");
    }
}
