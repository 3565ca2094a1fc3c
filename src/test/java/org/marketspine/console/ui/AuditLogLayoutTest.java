package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12 items 16 and 19 for Lineage & audit → Audit log at 1280×720: a cell narrower than its
 * text (params, reasons, who, what) carries the whole text in a tooltip, and nothing else in the
 * view is cut without one.
 */
@ExtendWith(ApplicationExtension.class)
class AuditLogLayoutTest {
    ConsoleRuntime runtime;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        runtime = Workstation.demo(97, Clock.systemUTC());
        window = Workstation.show(stage, runtime, Clock.systemUTC(), 1280, 720);
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void noAuditTextIsCutWithoutATooltipAt1280x720(FxRobot robot) throws Exception {
        HealthBoardTest.await("live with history", 30, () -> runtime.client().state().isLive() && runtime.log().headSeq() > 1000);
        Workstation.click(robot, "Lineage & audit");
        Workstation.clickComplianceTab(robot, 2);
        TableView<?> table = robot.lookup("#audit-table").queryAs(TableView.class);
        HealthBoardTest.await("audit rows drawn", 10, () -> !table.getItems().isEmpty()
                && robot.lookup("#audit-table .table-cell").queryAll().stream().anyMatch(n -> n instanceof TableCell<?, ?> c && !c.isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
        List<List<String>> found = new ArrayList<>();
        int[] cut = new int[1];
        robot.interact(() -> {
            Parent view = (Parent) window.lookup(".audit-view");
            found.add(Truncation.in(view));
            // The test means something only if some cell is in fact narrower than its text.
            for (Node n : view.lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> c && c.getText() != null && n.lookup(".text") instanceof Text t
                        && !t.getText().equals(c.getText())) cut[0]++;
            }
        });
        assertEquals(List.of(), found.getFirst());
        // When each thing happened, what kind, who, how triggered and how it ended are what compliance reads first:
        // never cut, not even in a bold override row (at 1280 "execution" read "exe…", "system:scheduler" "system:s…").
        List<String> wholeColumns = List.of("Kind", "Who", "Trigger / role", "Outcome"); // and "At (<the display zone>)"
        List<String> wordsCut = new ArrayList<>();
        robot.interact(() -> {
            for (Node n : table.lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && (wholeColumns.contains(c.getTableColumn().getText()) || c.getTableColumn().getText().startsWith("At ("))
                        && c.getText() != null && n.lookup(".text") instanceof Text t && !t.getText().equals(c.getText())) {
                    wordsCut.add(c.getTableColumn().getText() + ": " + t.getText());
                }
            }
        });
        assertEquals(List.of(), wordsCut, "cut in a column that must read whole");
        assertTrue(cut[0] > 0, "no cell is cut at 1280×720, so the tooltips went untested");
    }
}
