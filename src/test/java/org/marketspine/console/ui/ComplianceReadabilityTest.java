package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.audit.BundleKeys;
import org.marketspine.console.bench.ScratchDirs;
import org.marketspine.console.model.AuditLog;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.LineageGraph;
import org.marketspine.console.ui.lineage.LayoutPhase;
import org.marketspine.console.ui.lineage.LineageViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.marketspine.console.testing.TestHome;

/**
 * Issue 12, items 14–18: what the compliance persona decides from reads whole and says the same
 * instant everywhere — against the embedded demo feed, through the real views.
 */
@ExtendWith(ApplicationExtension.class)
class ComplianceReadabilityTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Preferences PREFS = Preferences.userNodeForPackage(Times.class);
    private final String zoneBefore = PREFS.get("display.zone", null);
    ConsoleRuntime runtime;
    MainWindow window;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        runtime = Workstation.demo(77, Clock.systemUTC());
        window = Workstation.show(stage, runtime, Clock.systemUTC(), 1800, 1000);
        window.showWorkspace(2);
    }

    @AfterEach
    void stop() {
        runtime.close();
        // The display zone is a user preference: leave it as it was found.
        if (zoneBefore == null) PREFS.remove("display.zone");
        else PREFS.put("display.zone", zoneBefore);
        TestHome.restoreConfig();
    }

    private void awaitLive() throws Exception {
        HealthBoardTest.await("live with history", 30, () -> runtime.client().state().isLive() && runtime.log().headSeq() > 1000);
        HealthBoardTest.await("a laid-out graph", 15, () -> !window.lineage().layoutProperty().get().boxes().isEmpty());
    }

    /** A Labeled shows its whole text: the text it draws is its text, not a start of it with "…". */
    static boolean fullyShown(Labeled l) {
        Node drawn = l.lookup(".text");
        return drawn instanceof Text t && t.getText().equals(l.getText());
    }

    private void goTo(FxRobot robot, Instant t) {
        Workstation.paste(robot, "#timeline-goto", t.toString());
        robot.type(KeyCode.ENTER);
    }

    private void find(FxRobot robot, String text, String nodeId) throws Exception {
        Workstation.paste(robot, "#lineage-search", text);
        Workstation.click(robot, "#lineage-find");
        HealthBoardTest.await("the node laid out and selected", 15, () -> window.lineage().layoutProperty().get().boxes().containsKey(nodeId)
                && nodeId.equals(window.lineage().selectedProperty().get()));
    }

    @Test
    void item14_aDerivedCapturesInputsReadApartWithTheirWeekAndIdAndCarryTheFullIdInATooltip(FxRobot robot) throws Exception {
        awaitLive();
        Capture derived = runtime.log().head().captures().values().stream().filter(c -> c.recorded().inputs().size() >= 6 && !c.isSuperseded())
                .findFirst().orElseThrow();
        find(robot, derived.captureId(), LineageGraph.captureNode(derived.captureId()));
        HealthBoardTest.await("the inputs in the detail", 5, () -> robot.lookup(".input-link").queryAll().size() == derived.recorded().inputs().size());
        Set<String> texts = new HashSet<>();
        Set<String> tips = new HashSet<>();
        for (Node n : robot.lookup(".input-link").queryAll()) {
            Hyperlink l = (Hyperlink) n;
            assertNotNull(l.getTooltip(), "input without a tooltip: " + l.getText());
            String id = l.getTooltip().getText();
            Capture input = runtime.log().head().capture(id);
            assertNotNull(input, "the tooltip is the input's full capture id: " + id);
            assertTrue(l.getText().contains("wk " + input.recorded().weekEnding()), l.getText());
            assertTrue(l.getText().contains(id.substring(id.lastIndexOf(':') + 1)), "the id's own part: " + l.getText());
            assertTrue(fullyShown(l), "clipped: " + l.getText());
            texts.add(l.getText());
            tips.add(id);
        }
        assertEquals(new HashSet<>(derived.recorded().inputs()), tips);
        assertEquals(derived.recorded().inputs().size(), texts.size(), "inputs indistinguishable: " + texts);
    }

    @Test
    void item15_theFirstViewOfAnAllTiersWeekReadsAt100PercentAt1280x720_andTheTimelineHasDates(FxRobot robot) throws Exception {
        awaitLive();
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        // The week with the most captures, all tiers at once: the hairball of the issue.
        LocalDate busiest = runtime.log().head().captures().values().stream()
                .collect(Collectors.groupingBy(x -> x.recorded().weekEnding(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        var before = window.lineage().layoutProperty().get();
        robot.interact(() -> {
            window.lineage().tierProperty().set(LineageViewModel.ALL_TIERS);
            window.lineage().weekProperty().set(busiest);
        });
        HealthBoardTest.await("the all-tiers week laid out", 15, () -> window.lineage().layoutProperty().get() != before
                && window.lineage().phaseProperty().get() == LayoutPhase.SHOWN);
        int nodes = window.lineage().layoutProperty().get().boxes().size();
        assertTrue(nodes > 40, "a large graph: " + nodes);
        double[] scale = new double[1];
        robot.interact(() -> scale[0] = window.complianceView().canvas().scale());
        assertTrue(scale[0] >= 1.0, "first view zoomed out to " + scale[0] + ": its text is drawn below its stylesheet size");

        List<Label> ticks = new ArrayList<>();
        for (Node n : robot.lookup("#timeline-ticks .timeline-tick").queryAll()) if (n instanceof Label l) ticks.add(l);
        assertTrue(ticks.size() >= 3, "date labels under the timeline: " + ticks.size());
        LocalDate first = runtime.log().firstAt().atZone(Times.zone()).toLocalDate();
        LocalDate last = runtime.log().lastAt().atZone(Times.zone()).toLocalDate();
        LocalDate previous = null;
        for (Label l : ticks) {
            LocalDate d = LocalDate.parse(l.getText());
            assertFalse(d.isBefore(first) || d.isAfter(last), d + " outside " + first + "…" + last);
            assertTrue(previous == null || d.isAfter(previous), "in order: " + previous + ", " + d);
            assertTrue(fullyShown(l), l.getText());
            previous = d;
        }
    }

    /** Item 19 as it applies here: at 1280×720 the detail does not take a third of the graph's width before anything is selected. */
    @Test
    void item19_at1280x720TheGraphHasTheWidthUntilANodeIsSelected_thenTheDetailSitsBesideIt(FxRobot robot) throws Exception {
        awaitLive();
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        Node canvas = window.complianceView().canvas();
        Node detail = robot.lookup("#lineage-detail").query();
        assertFalse(detail.isVisible(), "nothing selected: no detail panel");
        assertTrue(robot.lookup("#lineage-hint").query().isVisible());
        assertTrue(canvas.getLayoutBounds().getWidth() > 0.9 * stage.getScene().getWidth(), "graph width " + canvas.getLayoutBounds().getWidth());
        Capture c = runtime.log().head().captures().values().stream()
                .filter(x -> window.lineage().graphProperty().get().node(LineageGraph.captureNode(x.captureId())) != null).findFirst().orElseThrow();
        find(robot, c.captureId(), LineageGraph.captureNode(c.captureId()));
        HealthBoardTest.await("the detail shown", 5, detail::isVisible);
        robot.interact(() -> { });
        double canvasRight = canvas.localToScene(canvas.getLayoutBounds()).getMaxX();
        double detailLeft = detail.localToScene(detail.getLayoutBounds()).getMinX();
        assertTrue(canvasRight <= detailLeft + 1, "the detail covers the graph: " + canvasRight + " > " + detailLeft);
    }

    @Test
    void item16_auditTimesKeepTheirZone_andASelectedRowShowsItsParamsInFull(FxRobot robot) throws Exception {
        Times.setZone(NEW_YORK);
        awaitLive();
        Workstation.clickComplianceTab(robot, 2);
        @SuppressWarnings("unchecked")
        TableView<AuditLog.Entry> table = robot.lookup("#audit-table").queryAs(TableView.class);
        HealthBoardTest.await("audit rows", 10, () -> !table.getItems().isEmpty());
        robot.interact(() -> { });
        String header = table.getColumns().getFirst().getText();
        int checked = 0;
        for (Node n : robot.lookup("#audit-table .table-cell").queryAll()) {
            if (!(n instanceof TableCell<?, ?> cell) || cell.getTableColumn() != table.getColumns().getFirst() || cell.isEmpty() || cell.getText() == null) continue;
            assertTrue(fullyShown(cell), "time cut: " + cell.getText());
            assertTrue((header + cell.getText()).contains("America/New_York"), header + " / " + cell.getText());
            assertTrue(cell.getTooltip() != null && cell.getTooltip().getText().endsWith("(America/New_York)"), "tooltip with the zone");
            checked++;
        }
        assertTrue(checked > 0, "no time cell drawn");

        AuditLog.Entry longest = table.getItems().stream().max(Comparator.comparing(e -> e.params().length())).orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(longest));
        Label params = robot.lookup("#audit-detail-params").queryAs(Label.class);
        assertEquals(longest.params(), params.getText());
        assertTrue(params.isVisible() && fullyShown(params), "params in full: " + longest.params());
    }

    @Test
    void item16_theExportDialogShowsItsSignerAndLabelsWhole_andTakesTheAuditLogsDayRange(FxRobot robot) throws Exception {
        TestHome.useConfig(ScratchDirs.temporary("spine-keys"));
        String fingerprint = BundleKeys.loadOrCreate(BundleKeys.defaultFile()).fingerprint();
        awaitLive();
        Workstation.clickComplianceTab(robot, 2);
        LocalDate last = runtime.log().lastAt().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate from = last.minusDays(9);
        LocalDate to = last.minusDays(2);
        robot.interact(() -> {
            robot.lookup("#audit-from").queryAs(DatePicker.class).setValue(from);
            robot.lookup("#audit-to").queryAs(DatePicker.class).setValue(to);
        });
        Workstation.click(robot, "#export-bundle");
        HealthBoardTest.await("the export dialog", 5, () -> robot.lookup("#export-signer").tryQuery().isPresent());
        assertEquals(from.atStartOfDay().toInstant(ZoneOffset.UTC), parse(robot.lookup("#export-from").queryAs(TextField.class).getText()));
        assertEquals(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), parse(robot.lookup("#export-to").queryAs(TextField.class).getText()));
        TextField signer = robot.lookup("#export-signer").queryAs(TextField.class);
        assertEquals(fingerprint, signer.getText());
        Text measured = new Text(fingerprint);
        measured.setFont(signer.getFont());
        assertTrue(signer.getWidth() >= measured.getLayoutBounds().getWidth(), "fingerprint cut: " + signer.getWidth());
        for (String label : List.of("From (ISO 8601)", "To (ISO 8601)", "File", "Signed with")) {
            Label l = (Label) robot.lookup(n -> n instanceof Label x && label.equals(x.getText())).query();
            assertTrue(fullyShown(l), "label cut: " + label);
        }
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    /** A field's instant: as the app writes it (ISO 8601 with an offset, the zone's id in parentheses) or as a person typed Java's zoned form. */
    private static Instant parse(String field) {
        if (field.endsWith("]")) return ZonedDateTime.parse(field).toInstant();
        assertTrue(field.matches(".+ \\([^)]+\\)"), "the zone's id after the instant: " + field);
        return OffsetDateTime.parse(field.substring(0, field.indexOf(" ("))).toInstant();
    }

    @Test
    void item17_thePastSidePanelNamesTheBannersInstant_andAnEmptyGraphSaysWhy(FxRobot robot) throws Exception {
        awaitLive();
        Instant start = runtime.log().firstAt();
        LineageViewModel vm = window.lineage();
        Capture c = vm.head().captures().values().stream()
                .filter(x -> vm.graphProperty().get().node(LineageGraph.captureNode(x.captureId())) != null)
                .filter(x -> x.recordedAt().isAfter(start.plusSeconds(3600))).findFirst().orElseThrow();
        String node = LineageGraph.captureNode(c.captureId());
        find(robot, c.captureId(), node);
        Instant t = runtime.log().event(c.seq()).at().minusMillis(1);
        goTo(robot, t);
        HealthBoardTest.await("the past banner", 5, () -> robot.lookup("#past-banner").query().isVisible());
        assertTrue(robot.lookup("#past-banner-text").queryAs(Label.class).getText().contains(Times.absolute(t)));
        Supplier<Optional<Label>> absent = () -> robot.lookup("#node-detail .label")
                .match(n -> ((Label) n).getText().startsWith("Not yet recorded at ")).tryQueryAs(Label.class);
        HealthBoardTest.await("the absent node's detail", 5, () -> absent.get().isPresent());
        assertEquals("Not yet recorded at " + Times.absolute(t) + ".", absent.get().orElseThrow().getText(), "the banner's instant");

        // Before anything of this week was recorded, the canvas says so instead of staying blank.
        goTo(robot, start);
        HealthBoardTest.await("the empty-graph message", 5, () -> robot.lookup("#lineage-status").queryAs(Label.class).isVisible());
        String message = robot.lookup("#lineage-status").queryAs(Label.class).getText();
        assertTrue(message.startsWith("Nothing in this scope had been recorded yet at " + Times.absolute(start)), message);
    }

    @Test
    void item18_compareSummarisesGroupsAndShowsItsInstantsInTheDisplayZone(FxRobot robot) throws Exception {
        Times.setZone(NEW_YORK);
        awaitLive();
        Workstation.clickComplianceTab(robot, 1);
        TextField a = robot.lookup("#compare-a").queryAs(TextField.class);
        TextField b = robot.lookup("#compare-b").queryAs(TextField.class);
        robot.interact(() -> {
            Instant last = runtime.log().lastAt();
            a.setText(DateTimeFormatter.ISO_ZONED_DATE_TIME.format(last.minus(Duration.ofDays(14)).atZone(NEW_YORK)));
            b.setText(DateTimeFormatter.ISO_ZONED_DATE_TIME.format(last.atZone(NEW_YORK)));
        });
        Workstation.click(robot, "#compare-run");
        Label summary = robot.lookup("#compare-summary").queryAs(Label.class);
        HealthBoardTest.await("the summary", 5, () -> summary.isVisible() && !summary.getText().isEmpty());
        assertTrue(summary.getText().startsWith("From " + Times.absolute(parse(a.getText()))), summary.getText());
        assertTrue(summary.getText().contains("captures added"), summary.getText());
        @SuppressWarnings("unchecked")
        TreeView<String> result = robot.lookup("#compare-result").queryAs(TreeView.class);
        List<String> sections = result.getRoot().getChildren().stream().map(TreeItem::getValue).toList();
        assertTrue(sections.stream().anyMatch(s -> s.startsWith("Captures added: ")), sections.toString());
        assertTrue(sections.stream().anyMatch(s -> s.startsWith("Executions run: ")), sections.toString());
        TreeItem<String> added = result.getRoot().getChildren().getFirst();
        assertFalse(added.getChildren().isEmpty(), "captures added are grouped");
        assertTrue(added.getChildren().getFirst().getValue().matches(".+ \\(\\d+\\)"), added.getChildren().getFirst().getValue());

        // The fields themselves: the timeline's instant, in the display zone with its id. The timeline is set to a past
        // instant first: live, its instant moves with every demo event (the test read a newer one than the click took).
        Instant past = runtime.log().lastAt().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        robot.interact(() -> window.lineage().scrubTo(past));
        Node useTimeline = WaitForAsyncUtils.asyncFx(() -> robot.lookup(n -> n instanceof Button x && "A = timeline".equals(x.getText())).queryAs(Node.class)).get(10, TimeUnit.SECONDS);
        Workstation.click(robot, useTimeline);
        assertTrue(a.getText().endsWith(" (America/New_York)"), a.getText());
        assertEquals(past, parse(a.getText()));
    }
}
