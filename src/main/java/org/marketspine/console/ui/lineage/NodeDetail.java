package org.marketspine.console.ui.lineage;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marketspine.console.model.Anomaly;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.LineageAt;
import org.marketspine.console.model.LineageGraph;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.ui.Styles;
import org.marketspine.console.ui.Times;

/** The selected node, as it was at the instant shown: ids to copy, figures, exact inputs, who ran it. */
final class NodeDetail extends VBox {
    private final LineageViewModel vm;

    NodeDetail(LineageViewModel vm) {
        this.vm = vm;
        setId("node-detail");
        getStyleClass().addAll(Styles.CARD, "detail");
        setSpacing(6);
        vm.selectedProperty().addListener((o, a, b) -> render());
        vm.atProperty().addListener((o, a, b) -> render());
        render();
    }

    /**
     * What the detail shows, as values. A live event that changes none of it leaves the detail as it
     * is: rebuilt on every event, it dropped the selection a reviewer was making in an id field and
     * swallowed a click on an input link that landed as an event arrived.
     */
    private record Shown(String id, LineageGraph.Node node, LineageAt.Look look, List<String> labels, List<Object> subject, ZoneId zone,
                         Instant shownAt) {}

    private Shown shown;

    private Shown shownNow() {
        String id = vm.selectedProperty().get();
        LineageAt at = vm.atProperty().get();
        LineageGraph.Node n = id == null ? null : vm.graphProperty().get().node(id);
        if (n == null || at == null) return new Shown(null, null, null, List.of(), List.of(), Times.zone(), null);
        PlatformState s = at.state();
        List<Object> subject = new ArrayList<>();
        switch (n.kind()) {
            case CAPTURE -> {
                Capture c = s.capture(n.ref());
                subject.add(c);
                if (c != null) {
                    for (String input : c.recorded().inputs()) subject.add(s.capture(input));
                    for (Anomaly a : s.anomalies().values()) if (c.captureId().equals(a.detected().captureId())) subject.add(a);
                }
            }
            case EXECUTION -> subject.add(s.execution(n.ref()));
            case SOURCE_FILE -> subject.add(n.ref());
        }
        LineageAt.Look look = at.look(id);
        return new Shown(id, n, look, vm.labels(id), subject, Times.zone(), look.present() ? null : vm.shownAt());
    }

    private void render() {
        Shown now = shownNow();
        if (now.equals(shown)) return;
        shown = now;
        getChildren().clear();
        LineageGraph.Node n = now.node();
        if (n == null) {
            Label hint = new Label("Select a node to see where it came from: its exact inputs, the run that made it, "
                    + "who triggered it. Drag to pan, wheel to zoom, F to fit.");
            hint.setWrapText(true);
            hint.getStyleClass().add(Styles.MUTED);
            getChildren().add(hint);
            return;
        }
        PlatformState s = vm.atProperty().get().state();
        LineageAt.Look look = now.look();
        Label title = new Label(now.labels().isEmpty() ? n.ref() : now.labels().getFirst());
        title.getStyleClass().add(Styles.CARD_TITLE);
        title.setWrapText(true);
        title.setId("node-title");
        getChildren().add(title);
        if (!look.present()) {
            // The instant the banner names, not the last event before it: both must say the same T.
            Label absent = new Label("Not yet recorded at " + Times.absolute(vm.shownAt()) + ".");
            absent.setWrapText(true);
            getChildren().add(absent);
            return;
        }
        Label badge = new Label(look.badge());
        badge.setId("node-badge");
        badge.getStyleClass().addAll("status-badge", "badge-" + switch (look.tone()) {
            case CERTIFIED, SUCCEEDED -> "certified";
            case PRELIMINARY -> "preliminary";
            case BLOCKED, FAILED -> "blocked";
            default -> "missing";
        });
        getChildren().add(badge);
        switch (n.kind()) {
            case CAPTURE -> capture(s, s.capture(n.ref()));
            case EXECUTION -> execution(s.execution(n.ref()));
            case SOURCE_FILE -> file(n, s);
        }
    }

    private void capture(PlatformState s, Capture c) {
        EventData.CaptureRecorded r = c.recorded();
        getChildren().add(copyable("capture id", c.captureId()));
        GridPane facts = facts(List.of(
                "dataset", r.dataset(), "tier", r.tier(), "week ending", r.weekEnding().toString(), "stage", r.stage().name().toLowerCase(),
                "rows", String.format("%,d", r.rows()), "symbols", String.format("%,d", r.symbols()),
                "recorded", Times.absolute(c.recordedAt()),
                "status", c.isSuperseded() ? "superseded by " + c.supersededBy() + " at " + Times.absolute(c.supersededAt()) : "current",
                "revises", r.supersedes() == null ? "—" : r.supersedes()));
        getChildren().add(facts);
        getChildren().add(section("Produced by"));
        getChildren().add(link(LineageGraph.executionNode(r.executionId()), r.executionId()));
        getChildren().add(section("Exact inputs (" + r.inputs().size() + ")"));
        if (r.inputs().isEmpty()) getChildren().add(muted(r.source() != null ? "source file " + r.source().locator() : "none"));
        for (String input : r.inputs()) {
            Hyperlink l = link(LineageGraph.captureNode(input), NodeLabels.input(input, s.capture(input)));
            l.getStyleClass().add("input-link");
            l.setWrapText(true);
            l.setTooltip(new Tooltip(input));
            getChildren().add(l);
        }
        List<Anomaly> open = new ArrayList<>();
        for (Anomaly a : s.anomalies().values()) if (a.isOpen() && c.captureId().equals(a.detected().captureId())) open.add(a);
        getChildren().add(section("Open anomalies (" + open.size() + ")"));
        for (Anomaly a : open) getChildren().add(wrapped("⚠ " + a.severity().name() + " · " + a.detected().message()));
    }

    private void execution(Execution e) {
        getChildren().add(copyable("execution id", e.executionId()));
        List<String> f = new ArrayList<>(List.of("pipeline", e.pipeline(), "trigger", e.trigger().name().toLowerCase(),
                "triggered by", e.triggeredBy(), "params", e.params().toString(), "attempt", String.valueOf(e.attempt()),
                "queued", e.queuedAt() == null ? "—" : Times.absolute(e.queuedAt()),
                "started", e.startedAt() == null ? "—" : Times.absolute(e.startedAt()),
                "ended", e.endedAt() == null ? "—" : Times.absolute(e.endedAt())));
        if (e.retryOf() != null) f.addAll(List.of("retry of", e.retryOf()));
        if (e.error() != null) f.addAll(List.of("error", e.error().type() + " (" + e.error().classification().name().toLowerCase() + "): " + e.error().message()));
        getChildren().add(facts(f));
        Button jump = new Button("Show the platform when this run ended");
        jump.setId("jump-to-execution");
        jump.setOnAction(x -> vm.jumpToExecution(e.executionId()));
        getChildren().add(jump);
    }

    private void file(LineageGraph.Node n, PlatformState s) {
        for (Capture c : s.captures().values()) {
            EventData.SourceFile f = c.recorded().source();
            if (f == null || !LineageGraph.fileRef(f).equals(n.ref())) continue;
            getChildren().add(copyable("locator", f.locator()));
            getChildren().add(copyable("sha256", f.sha256()));
            getChildren().add(facts(List.of("bytes", String.format("%,d", f.bytes()), "read into", c.captureId())));
            return;
        }
    }

    private Hyperlink link(String nodeId, String text) {
        Hyperlink l = new Hyperlink(text);
        l.setOnAction(x -> vm.select(nodeId));
        return l;
    }

    private static Node copyable(String what, String value) {
        TextField f = new TextField(value);
        f.setEditable(false);
        f.setId("node-" + what.replace(' ', '-'));
        f.setTooltip(new Tooltip(what + " — select and copy"));
        return new VBox(2, muted(what), f);
    }

    private static GridPane facts(List<String> kv) {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(3);
        for (int i = 0; i + 1 < kv.size(); i += 2) {
            Label k = muted(kv.get(i));
            k.setMinWidth(Region.USE_PREF_SIZE);
            g.addRow(i / 2, k, wrapped(kv.get(i + 1)));
        }
        return g;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.MUTED);
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
