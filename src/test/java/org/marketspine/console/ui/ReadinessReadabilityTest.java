package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.bench.ScratchDirs;
import org.marketspine.console.model.GridCell;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.ui.readiness.GridCanvas;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The quant's grid read at the two screen sizes it must work at: ids whole, nothing cut, the safe filter saying what it hides. */
@ExtendWith(ApplicationExtension.class)
class ReadinessReadabilityTest {
    Stage stage;
    ConsoleRuntime runtime;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        runtime = new ConsoleRuntime(new LaunchOptions(null, null, false, 55, 1, ScratchDirs.temporary("spine-grid-read")), Clock.systemUTC());
        window = new MainWindow(runtime, runtime.start(), Clock.systemUTC());
        Workstation.present(stage, window, 1800, 1000, Styles.STYLESHEET);
        window.showWorkspace(1);
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void at1280x720IdsAreWholeAndTheSafeFilterSaysWhatItHides(FxRobot robot) throws Exception {
        idsAreWholeAndTheSafeFilterSaysWhatItHides(robot, 1280, 720);
    }

    @Test
    void at1920x1080IdsAreWholeAndTheSafeFilterSaysWhatItHides(FxRobot robot) throws Exception {
        idsAreWholeAndTheSafeFilterSaysWhatItHides(robot, 1920, 1080);
    }

    private void idsAreWholeAndTheSafeFilterSaysWhatItHides(FxRobot robot, int width, int height) throws Exception {
        robot.interact(() -> {
            stage.getScene().setRoot(new Group());
            Scene small = new Scene(window, width, height);
            small.getStylesheets().add(Styles.STYLESHEET);
            stage.setScene(small);
            stage.sizeToScene();
        });
        ReadinessGridTest.awaitLive(runtime, window);
        PlatformState s = runtime.log().head();
        // OTC's 6-week average: the rightmost column of six inputs, the one a narrowed grid would hide.
        GridCell derived = ReadinessGridTest.find(window, c -> c.derived() && c.key().tier().equals("OTC") && s.capture(c.captureId()) != null
                && s.capture(c.captureId()).recorded().inputs().size() == 6);
        assertNotNull(derived);
        // Nothing selected: the grid has the whole width (every column at 1280), the hint a line above it.
        Region detailPanel = robot.lookup("#readiness-detail").queryAs(Region.class);
        assertFalse(detailPanel.isVisible(), "no detail panel before a week is selected");
        assertTrue(robot.lookup("#readiness-hint").query().isVisible());
        assertNoneTruncated(robot, "#readiness-hint");
        robot.clickOn(ReadinessGridTest.cellAt(robot, window, derived));
        assertTrue(detailPanel.isVisible(), "the detail opens with the selection");
        // The panel narrows the grid: the week just chosen is still in view, not scrolled off to the right.
        GridCanvas grid = robot.lookup("#readiness-grid").queryAs(GridCanvas.class);
        HealthBoardTest.await("the grid narrowed by the panel", 5, () -> detailPanel.getWidth() > 0
                && grid.getWidth() + detailPanel.getWidth() <= stage.getScene().getWidth());
        robot.interact(() -> assertTrue(grid.inView(derived), "the chosen cell in view"));
        assertTrue(robot.lookup("#readiness-hint").queryAs(Label.class).getText().startsWith("Esc closes the detail"));
        HealthBoardTest.await("the detail", 5, () -> robot.lookup(".detail-input").queryAll().size() == 6);
        Pane capture = robot.lookup("#detail-capture").queryAs(Pane.class);
        assertEquals(derived.captureId(), ReadinessGridTest.shownText(capture));
        List<String> inputs = s.capture(derived.captureId()).recorded().inputs();
        List<Pane> lines = robot.lookup(".detail-input").queryAllAs(Pane.class).stream().toList();
        for (int i = 0; i < lines.size(); i++) assertTrue(ReadinessGridTest.shownText(lines.get(i)).startsWith(inputs.get(i) + " — "), ReadinessGridTest.shownText(lines.get(i)));
        Node detail = capture.getParent().getParent();
        robot.interact(() -> {
            for (Node n : List.of(capture, lines.get(0))) {
                for (Node part : ((Parent) n).getChildrenUnmodifiable()) {
                    Label l = (Label) part;
                    assertFalse(l.isWrapText(), "an id part never wraps: " + l.getText());
                    assertTrue(l.getWidth() >= l.prefWidth(-1) - 0.5, "squeezed: " + l.getText());
                    double right = l.localToScene(l.getLayoutBounds()).getMaxX();
                    assertTrue(right <= detail.localToScene(detail.getLayoutBounds()).getMaxX() + 0.5, "clipped: " + l.getText());
                }
            }
        });
        assertNoneTruncated(robot, "#tier-summaries");
        assertNoneTruncated(robot, "#cell-detail");
        // Esc from inside the detail (the focus on its Copy button) closes it too.
        Workstation.click(robot, "#detail-capture-copy");
        robot.type(KeyCode.ESCAPE);
        HealthBoardTest.await("Esc closes the detail", 5, () -> !detailPanel.isVisible() && window.readiness().selectedProperty().get() == null);

        int all = window.readiness().rows().size();
        Workstation.click(robot, "#filter-safe");
        HealthBoardTest.await("filtered", 5, () -> window.readiness().rows().size() < all);
        int hidden = all - window.readiness().rows().size();
        Label count = robot.lookup("#safe-hidden").queryAs(Label.class);
        assertTrue(count.isVisible());
        assertEquals(hidden + (hidden == 1 ? " week hidden" : " weeks hidden"), count.getText());
        assertNoneTruncated(robot, "#safe-hidden");
    }

    private static void labelled(Node n, List<Node> out) {
        if (n instanceof Labeled) out.add(n);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) labelled(c, out);
    }

    /** Every label and button under the node shows its whole text (no "…"). */
    private static void assertNoneTruncated(FxRobot robot, String query) {
        robot.interact(() -> {
            for (Node root : robot.lookup(query).queryAll()) {
                List<Node> labels = new ArrayList<>();
                labelled(root, labels);
                for (Node n : labels) {
                    if (!(n instanceof Labeled l) || !l.isVisible() || l.getText() == null || l.getText().isEmpty()) continue;
                    Node text = l.lookup(".text");
                    assertTrue(text instanceof Text t && t.getText().equals(l.getText()),
                            "truncated: \"" + l.getText() + "\" shows \"" + (text instanceof Text t ? t.getText() : "?") + "\"");
                }
            }
        });
    }
}
