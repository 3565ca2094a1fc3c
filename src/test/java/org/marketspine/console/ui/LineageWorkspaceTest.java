package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.audit.BundleKeys;
import org.marketspine.console.audit.BundleVerifier;
import org.marketspine.console.audit.TrustList;
import org.marketspine.console.bench.ScratchDirs;
import org.marketspine.console.model.AuditLog;
import org.marketspine.console.model.BackfillPlan;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.LineageGraph;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.Trigger;
import org.marketspine.console.ui.lineage.LineageCanvas;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.marketspine.console.testing.TestHome;

/** The compliance workspace against the embedded demo feed, driven through the real views. */
@ExtendWith(ApplicationExtension.class)
class LineageWorkspaceTest {
    static final String NORMALIZED = "finra.otc_transparency.normalized";
    ConsoleRuntime runtime;
    MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = ScratchDirs.temporary("spine-lineage");
        runtime = new ConsoleRuntime(new LaunchOptions(null, null, false, 77, 1, dir), Clock.systemUTC());
        StatePublisher publisher = runtime.start();
        window = new MainWindow(runtime, publisher, Clock.systemUTC());
        Workstation.present(stage, window, 1800, 1000, Styles.STYLESHEET);
        window.showWorkspace(2);
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private void awaitLive() throws Exception {
        HealthBoardTest.await("live with history", 30, () -> runtime.client().state().isLive() && runtime.log().headSeq() > 1000);
        HealthBoardTest.await("a laid-out graph", 15, () -> !window.lineage().layoutProperty().get().boxes().isEmpty());
    }

    private LineageCanvas canvas() {
        return window.complianceView().canvas();
    }

    /** Puts the text in the search box and waits until the node is laid out and selected. */
    private void find(FxRobot robot, String text, String nodeId) throws Exception {
        Workstation.paste(robot, "#lineage-search", text);
        Workstation.click(robot, "#lineage-find");
        HealthBoardTest.await("the node laid out and selected", 15, () -> window.lineage().layoutProperty().get().boxes().containsKey(nodeId)
                && nodeId.equals(window.lineage().selectedProperty().get()));
    }

    private List<String> shown(FxRobot robot, String nodeId) {
        List<List<String>> out = new ArrayList<>();
        robot.interact(() -> out.add(canvas().shown(nodeId)));
        return out.getFirst();
    }

    private void goTo(FxRobot robot, Instant t) {
        Workstation.paste(robot, "#timeline-goto", t.toString());
        robot.type(KeyCode.ENTER);
    }

    @Test
    void scrubbingBeforeARevisionShowsTheOriginalCurrentAndAfterItSuperseded(FxRobot robot) throws Exception {
        awaitLive();
        PlatformState s = runtime.log().head();
        Capture old = s.captures().values().stream().filter(c -> c.recorded().dataset().equals(NORMALIZED) && !c.isSuperseded()
                && c.recorded().supersedes() == null).findFirst().orElseThrow();
        String revised = old.captureId() + "-rev";
        var sink = runtime.embeddedServer().sink();
        Instant[] injectedAt = new Instant[1];
        sink.platformThread().submit(() -> {
            injectedAt[0] = Instant.now();
            sink.emit(injectedAt[0], new EventData.CaptureRecorded(revised, NORMALIZED, old.recorded().tier(), old.recorded().weekEnding(),
                    org.marketspine.console.protocol.Stage.NORMALIZE, old.recorded().rows() + 10, old.recorded().symbols() + 1,
                    old.recorded().executionId(), old.recorded().inputs(), old.captureId(), null));
        }).get(10, TimeUnit.SECONDS);
        HealthBoardTest.await("the revision in the client", 10, () -> runtime.log().head().capture(revised) != null);
        String oldNode = LineageGraph.captureNode(old.captureId());
        String newNode = LineageGraph.captureNode(revised);
        find(robot, revised, newNode);
        HealthBoardTest.await("live: original superseded", 5, () -> shown(robot, oldNode).contains("SUPERSEDED"));
        assertFalse(robot.lookup("#past-banner").query().isVisible());
        Node exportButton = robot.lookup("#export-bundle").query();
        double exportY = exportButton.localToScene(exportButton.getLayoutBounds()).getMinY();

        Instant eventAt = runtime.log().event(runtime.log().head().capture(revised).seq()).at();
        goTo(robot, eventAt.minusMillis(1));
        HealthBoardTest.await("the past banner", 5, () -> robot.lookup("#past-banner").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(exportY, exportButton.localToScene(exportButton.getLayoutBounds()).getMinY(), 0.5,
                "issue 12 item 20: the banner appearing does not push the controls down");
        assertTrue(robot.lookup("#past-banner-text").queryAs(Label.class).getText().contains("You are looking at the past"));
        assertTrue(shown(robot, newNode).isEmpty(), "the revision did not exist yet: " + shown(robot, newNode));
        List<String> original = shown(robot, oldNode);
        assertFalse(original.isEmpty());
        assertNotEquals("SUPERSEDED", original.getFirst(), "the original was current then");

        goTo(robot, eventAt);
        HealthBoardTest.await("the revision at its instant", 5, () -> !shown(robot, newNode).isEmpty());
        assertEquals("SUPERSEDED", shown(robot, oldNode).getFirst());

        Workstation.click(robot, "#past-banner-live");
        HealthBoardTest.await("live again", 5, () -> !robot.lookup("#past-banner").query().isVisible());
    }

    @Test
    void aDerivedCapturesEdgesPointAtTheExactInputCaptures(FxRobot robot) throws Exception {
        awaitLive();
        PlatformState s = runtime.log().head();
        Capture derived = s.captures().values().stream().filter(c -> c.recorded().inputs().size() >= 6 && !c.isSuperseded())
                .findFirst().orElseThrow();
        String node = LineageGraph.captureNode(derived.captureId());
        find(robot, derived.captureId(), node);
        // The detail lists the exact inputs…
        HealthBoardTest.await("the inputs in the detail", 5, () -> robot.lookup(".input-link").queryAll().size() == derived.recorded().inputs().size());
        Set<String> listed = new HashSet<>();
        for (Node n : robot.lookup(".input-link").queryAll()) listed.add(((Hyperlink) n).getTooltip().getText());
        assertEquals(new HashSet<>(derived.recorded().inputs()), listed);
        // …and the drawn edges into the computing run come from exactly those captures.
        String exec = LineageGraph.executionNode(derived.recorded().executionId());
        Set<String> drawnInto = new HashSet<>();
        for (var line : window.lineage().layoutProperty().get().lines()) if (line.to().equals(exec)) drawnInto.add(line.from());
        Set<String> expected = new HashSet<>();
        for (String in : derived.recorded().inputs()) expected.add(LineageGraph.captureNode(in));
        assertEquals(expected, drawnInto);
        for (String in : expected) assertFalse(shown(robot, in).isEmpty(), "input drawn: " + in);
        // A live event elsewhere leaves the detail as it is: rebuilt, it dropped a selection in an id field
        // and swallowed a click on a link it had just replaced.
        Node shownFirst = robot.lookup("#node-detail").queryAs(VBox.class).getChildren().getFirst();
        Hyperlink link = robot.lookup(".input-link").nth(0).queryAs(Hyperlink.class);
        var sink = runtime.embeddedServer().sink();
        sink.platformThread().submit(() -> sink.emit(Instant.now(), new EventData.ExecutionQueued("ex-test-elsewhere",
                "finra.otc_transparency.ingest_week", BackfillPlan.params(LocalDate.of(2026, 10, 2), "OTC"), Trigger.MANUAL, "tester", null)))
                .get(10, TimeUnit.SECONDS);
        HealthBoardTest.await("the event in the shown state", 10,
                () -> window.lineage().atProperty().get().state().execution("ex-test-elsewhere") != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(shownFirst, robot.lookup("#node-detail").queryAs(VBox.class).getChildren().getFirst(), "the detail was rebuilt");
        assertNotNull(link.getScene(), "the input link was replaced");
        // Clicking an input walks upstream.
        Workstation.click(robot, link);
        HealthBoardTest.await("the input selected", 5, () -> expected.contains(window.lineage().selectedProperty().get()));
    }

    @Test
    void theAuditLogListsARejectedCommandWithItsReason_andItsCsvRoundTrips(FxRobot robot) throws Exception {
        awaitLive();
        Message.CommandResult r = runtime.command(new Command.Backfill("finra.otc_transparency.ingest_week", "OTC",
                LocalDate.of(2026, 10, 16), LocalDate.of(2026, 9, 4), null))
                .get(10, TimeUnit.SECONDS);
        assertFalse(r.ok());
        Workstation.clickComplianceTab(robot, 2);
        @SuppressWarnings("unchecked")
        TableView<AuditLog.Entry> table = robot.lookup("#audit-table").queryAs(TableView.class);
        HealthBoardTest.await("the rejected command in the log", 10, () -> table.getItems().stream()
                .anyMatch(e -> e.kind().equals("command") && e.outcome().equals("rejected") && e.reason().contains("invalid_range")));
        AuditLog.Entry rejected = table.getItems().stream().filter(e -> e.outcome().equals("rejected")).findFirst().orElseThrow();
        assertEquals("backfill", rejected.what());
        assertTrue(rejected.isOverride());

        Path csv = ScratchDirs.temporary("spine-audit").resolve("audit.csv");
        robot.interact(() -> window.complianceView().exportAudit(csv));
        assertTrue(robot.lookup("#audit-message").queryAs(Label.class).getText().startsWith("Exported"));
        List<AuditLog.Entry> shown = List.copyOf(table.getItems());
        assertEquals(shown, AuditLog.parseCsv(Files.readString(csv)));
    }

    @Test
    void exportingABundleFromTheWorkspaceWritesOneThatVerifies(FxRobot robot) throws Exception {
        awaitLive();
        TestHome.useConfig(ScratchDirs.temporary("spine-keys"));
        Path out = ScratchDirs.temporary("spine-export").resolve("ui.spinebundle");
        Workstation.click(robot, "#export-bundle");
        Workstation.paste(robot, "#export-file", out.toString());
        Workstation.click(robot, "#export-go");
        HealthBoardTest.await("the export", 30, () -> robot.lookup("#export-status").queryAs(Label.class).getText().startsWith("Wrote"));
        assertEquals(1.0, robot.lookup("#export-progress").queryAs(ProgressBar.class).getProgress(), 1e-9);
        String feedKey = runtime.snapshot().feedFingerprint();
        assertNotNull(feedKey, "the demo feed signs its checkpoints");
        String exporter = BundleKeys.load(BundleKeys.defaultFile()).fingerprint();
        var untrusted = BundleVerifier.verify(out, TrustList.of(List.of()), false);
        assertEquals(BundleVerifier.Outcome.NOT_TRUSTED, untrusted.outcome(), untrusted.summary());
        var verdict = BundleVerifier.verify(out, TrustList.of(List.of(feedKey, exporter)), false);
        assertTrue(verdict.verified(), verdict.summary());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        TestHome.restoreConfig();
    }

    @Test
    void retentionFlagsWhatIsHeldPastRetentionAndListsPurges(FxRobot robot) throws Exception {
        awaitLive();
        Workstation.clickComplianceTab(robot, 3);
        HealthBoardTest.await("a past-retention flag", 10, () -> robot.lookup(".past-retention").tryQuery().isPresent());
        assertTrue(robot.lookup(".past-retention").queryAs(Label.class).getText().contains("PAST RETENTION"));
        assertFalse(robot.lookup("#retention-purges").queryAs(TableView.class).getItems().isEmpty());
        // Said above the source cards too, which a 1280×720 screen shows only a few lines of.
        Label finding = robot.lookup("#retention-finding").queryAs(Label.class);
        assertTrue(finding.getText().startsWith("⚠ ") && finding.getText().contains("held PAST RETENTION"), finding.getText());
        assertTrue(finding.getStyleClass().contains("past-retention"));
    }
}
