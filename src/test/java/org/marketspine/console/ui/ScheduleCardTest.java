package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.feed.client.ConnectionState.Phase;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.protocol.Stage;
import org.marketspine.console.testing.MutableClock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The health board's schedule card is never a blank area: before the feed answers it says it is
 * waiting, on a feed that declares no schedule it says so, and with schedules it lists them.
 */
@ExtendWith(ApplicationExtension.class)
class ScheduleCardTest {
    static final Instant T0 = Instant.parse("2026-11-30T13:00:00Z");
    final MutableClock clock = new MutableClock(T0);
    ScriptedFeed feed;

    @Start
    void start(javafx.stage.Stage stage) throws Exception {
        feed = new ScriptedFeed(clock);
        feed.show(stage, 1280, 720);
    }

    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return n.getScene() != null && n.getLayoutBounds().getHeight() > 0;
    }

    private static String emptyText(FxRobot robot) {
        var found = robot.lookup("#schedule-empty").queryAllAs(Label.class);
        return found.isEmpty() || !showing(found.iterator().next()) ? null : found.iterator().next().getText();
    }

    @Test
    void waitingBeforeTheFeedAnswers_thenNoneDeclared_thenTheSchedules(FxRobot robot) throws Exception {
        HealthBoardTest.await("the waiting message in the card", 5, () -> emptyText(robot) != null);
        assertEquals("Waiting for the feed… its schedules are unknown until it answers.", emptyText(robot));
        Node card = robot.lookup("#schedule").query();
        assertTrue(robot.lookup("#schedule .schedule-empty .ikonli-font-icon").tryQuery().isPresent(), "the message has its icon");

        robot.interact(() -> {
            feed.append(T0, new EventData.PipelineDeclared("analytics.volume_avg_6w.compute", "analytics.volume", Stage.COMPUTE,
                    List.of("in"), List.of("out"), null));
            feed.connection(Phase.LIVE, SourceState.CURRENT);
        });
        HealthBoardTest.await("none declared", 5, () -> "No schedules declared by this feed.".equals(emptyText(robot)));

        robot.interact(() -> feed.append(T0, new EventData.PipelineDeclared(HealthBoardTest.INGEST, "finra", Stage.INGEST,
                List.of("src"), List.of("raw"), new EventData.Schedule("0 14 * * MON", "UTC", 6))));
        HealthBoardTest.await("the weekly files listed", 5, () -> robot.lookup("#schedule .schedule-row").queryAll().size() == 3);
        assertNull(emptyText(robot), "no empty message beside the rows");
        assertTrue(card.isVisible());

        // Two days on, nothing ran: the overdue rows' longer lines wrap inside the card at 1280×720 (they ran off its edge,
        // cut mid-date, with no "…" and no tooltip).
        clock.advance(Duration.ofDays(2));
        HealthBoardTest.await("overdue rows", 5, () -> !robot.lookup("#schedule .overdue").queryAll().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        // Measured on the FX thread: bounds computed from the test thread race the FX thread's text layout.
        List<String> wrong = new ArrayList<>();
        robot.interact(() -> {
            double right = card.localToScene(card.getLayoutBounds()).getMaxX();
            for (Label l : robot.lookup("#schedule .schedule-row .label").queryAllAs(Label.class)) {
                if (l.getWidth() <= 0) wrong.add("\"" + l.getText() + "\" is not laid out");
                if (l.localToScene(l.getLayoutBounds()).getMaxX() > right + 0.5) wrong.add("\"" + l.getText() + "\" runs past the card's edge");
            }
            wrong.addAll(Truncation.in((Parent) card));
        });
        assertEquals(List.of(), wrong);
    }
}
