package org.marketspine.console.ui.readiness;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marketspine.console.model.Anomaly;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.CertificationChecks;
import org.marketspine.console.model.GridCell;
import org.marketspine.console.model.InputStates;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.RevisionChain;
import org.marketspine.console.protocol.Severity;
import org.marketspine.console.ui.CommandConfirmation;
import org.marketspine.console.ui.Styles;
import org.marketspine.console.ui.Times;
import org.marketspine.console.ui.Wrap;

/** The selected cell: capture, certification, anomalies, upstream inputs, revision history, checks, actions. */
final class CellDetail extends VBox {
    /** The newest revisions listed with their symbol changes; a week revised hundreds of times lists the rest as a count. */
    private static final int REVISIONS_SHOWN = 20;
    private final ReadinessViewModel vm;
    private final VBox body = new VBox(8);
    private final Label feedback = new Label();
    private final Button certify = new Button("Certify");
    private final Button block = new Button("Block…");
    private final Label actionBlocked = new Label();

    CellDetail(ReadinessViewModel vm) {
        this.vm = vm;
        getStyleClass().add(Styles.CARD);
        setId("cell-detail");
        setPrefWidth(460);
        setMinWidth(380);
        certify.setId("certify");
        block.setId("block");
        feedback.setId("readiness-feedback");
        feedback.setWrapText(true);
        feedback.textProperty().bind(vm.feedbackProperty());
        feedback.getStyleClass().add("feedback-text");
        actionBlocked.getStyleClass().add(Styles.MUTED);
        actionBlocked.setWrapText(true);
        getChildren().add(body);
        // Both change what every quant may use: confirmed, with a reason for the audit log; Enter cancels.
        certify.setOnAction(e -> {
            GridCell c = vm.selectedProperty().get();
            if (c == null) return;
            CommandConfirmation.ask("Certify week", "Certify " + c.key() + "?",
                    "Quants will see CERTIFIED: safe to use for research and reporting.", "Certify", "confirm-certify")
                    .ifPresent(reason -> vm.certify(c, reason));
        });
        block.setOnAction(e -> {
            GridCell c = vm.selectedProperty().get();
            if (c == null) return;
            CommandConfirmation.ask("Block week", "Block " + c.key() + "?",
                    "Quants will see BLOCKED with your reason.", "Block", "confirm-block").ifPresent(reason -> vm.block(c, reason));
        });
        vm.selectedProperty().addListener((o, a, c) -> render(c));
    }

    private void render(GridCell c) {
        body.getChildren().clear();
        if (c == null) return;
        PlatformState s = vm.state();
        Label title = new Label(c.key().dataset() + " · " + c.key().tier() + " · week ending " + c.key().weekEnding());
        title.getStyleClass().add(Styles.CARD_TITLE);
        title.setWrapText(true);
        title.setId("detail-title");
        Label badge = new Label(c.badge());
        badge.getStyleClass().addAll("status-badge", "badge-" + c.status().name().toLowerCase());
        badge.setId("detail-badge");
        Label reason = new Label(c.reason() + (c.by().isEmpty() ? "" : " — " + c.by())
                + (c.changedAt() == null ? "" : ", " + Times.absolute(c.changedAt())));
        reason.setWrapText(true);
        reason.setId("detail-reason");
        IdFlow capture = new IdFlow().id(c.captureId());
        capture.setId("detail-capture");
        Button copy = new Button("Copy");
        copy.setId("detail-capture-copy");
        copy.setOnAction(e -> ReadinessView.put(c.captureId()));
        copy.setDisable(c.captureId() == null);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        HBox captureRow = new HBox(8, capture, copy);
        HBox.setHgrow(capture, Priority.ALWAYS);
        FlowPane status = new FlowPane(8, 4, badge, marks(c));
        body.getChildren().addAll(title, status, reason, section("Capture (copy it into your notebook)"), captureRow,
                Wrap.decision(new Label(c.symbolsText())));
        if (c.derived() && c.computedAt() != null) {
            Label computed = new Label("Computed " + Times.absolute(c.computedAt()) + (c.stale()
                    ? " — STALE: an input was revised after this compute" : ""));
            computed.setWrapText(true);
            if (c.stale()) computed.getStyleClass().add("stale-text");
            body.getChildren().add(computed);
        }
        anomalies(s, c);
        inputs(s, c);
        revisions(s, c);
        checks(c);
    }

    /** The grid's marks, each in its own look, with what it means spelled out where the word alone is not enough. */
    private HBox marks(GridCell c) {
        HBox box = new HBox(8);
        box.setId("detail-marks");
        for (CellMarks.Mark m : CellMarks.of(c, vm.changed(c))) {
            Label l = new Label(m.kind() == CellMarks.Kind.CHANGED ? "CHANGED since you last looked"
                    : m.kind() == CellMarks.Kind.CRITICAL ? m.text() + " anomaly open" : m.text());
            l.getStyleClass().addAll("cell-marks", m.kind().styleClass());
            l.setMinWidth(Region.USE_PREF_SIZE);
            box.getChildren().add(l);
        }
        return box;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private void anomalies(PlatformState s, GridCell c) {
        body.getChildren().add(section("Open anomalies"));
        int n = 0;
        for (Anomaly a : s.openAnomalies()) {
            if (!a.detected().tier().equals(c.key().tier()) || !a.detected().weekEnding().equals(c.key().weekEnding())) continue;
            Label l = new Label(a.severity().name() + " · " + a.detected().category() + " · " + a.detected().message()
                    + (a.isAcknowledged() ? " (acknowledged by " + a.acknowledgedBy() + ")" : ""));
            l.setWrapText(true);
            if (a.severity() == Severity.CRITICAL) l.getStyleClass().add(CellMarks.Kind.CRITICAL.styleClass());
            body.getChildren().add(l);
            n++;
        }
        if (n == 0) body.getChildren().add(muted("None open."));
    }

    /** The exact captures used, each with the readiness of that very capture, and their count in the same words. */
    private void inputs(PlatformState s, GridCell c) {
        List<InputStates.Input> inputs = InputStates.of(s, s.capture(c.captureId()));
        if (inputs.isEmpty()) return;
        body.getChildren().add(section("Upstream inputs (the exact captures used)"));
        Label summary = new Label("Now: " + InputStates.summary(inputs));
        summary.setId("detail-inputs");
        summary.setWrapText(true);
        body.getChildren().add(summary);
        for (InputStates.Input in : inputs) {
            IdFlow line = new IdFlow().id(in.captureId()).words(" — " + InputStates.words(in.state()) + (in.supersededBy() == null ? "" : " by "));
            if (in.supersededBy() != null) line.id(in.supersededBy());
            line.getStyleClass().add("detail-input");
            body.getChildren().add(line);
        }
    }

    private void revisions(PlatformState s, GridCell c) {
        Capture current = s.capture(c.captureId());
        if (current == null || current.recorded().supersedes() == null) return;
        body.getChildren().add(section("Revision history"));
        List<Capture> revisions = RevisionChain.newestFirst(s, current, Integer.MAX_VALUE); // walked once: listed and counted
        List<Capture> shown = revisions.subList(0, Math.min(REVISIONS_SHOWN, revisions.size()));
        for (Capture at : shown) {
            Capture older = s.capture(at.recorded().supersedes());
            IdFlow l = new IdFlow().words(Times.absolute(at.recordedAt()) + ": ").id(at.captureId()).words(" superseded ")
                    .id(at.recorded().supersedes());
            Label diff = new Label(older == null ? "" : "rows " + signed(at.recorded().rows() - older.recorded().rows())
                    + " · symbols " + signed(at.recorded().symbols() - older.recorded().symbols()));
            diff.getStyleClass().add(Styles.MUTED);
            Button details = new Button("Symbol changes");
            Capture newer = at;
            details.setOnAction(e -> captureDiff(older, newer, diff));
            body.getChildren().addAll(l, new HBox(8, diff, details));
        }
        int earlier = revisions.size() - shown.size();
        if (earlier > 0) {
            Label more = new Label("… and " + earlier + " earlier revision" + (earlier == 1 ? "" : "s"));
            more.getStyleClass().add(Styles.MUTED);
            body.getChildren().add(more);
        }
    }

    private void captureDiff(Capture older, Capture newer, Label into) {
        if (older == null) return;
        into.setText("Asking the feed…");
        vm.captureDiff(older.captureId(), newer.captureId(), (r, e) -> {
            if (e != null) into.setText("No answer: " + e.getMessage());
            else if (!r.ok()) into.setText(r.error().code().equals("unsupported") ? "This feed does not offer capture diffs."
                    : "Refused: " + r.error().message());
            else into.setText("rows " + signed(r.data().path("rows_delta").asLong()) + " · symbols "
                    + signed(r.data().path("symbols_delta").asLong()) + " · added " + r.data().path("symbols_added").size()
                    + " · removed " + r.data().path("symbols_removed").size()
                    + (r.data().path("symbols_added").size() > 0 ? " (e.g. " + r.data().path("symbols_added").get(0).asText() + ")" : ""));
        });
    }

    private static String signed(long n) {
        return (n > 0 ? "+" : "") + String.format("%,d", n);
    }

    private void checks(GridCell c) {
        body.getChildren().add(section("Pre-certification checks"));
        for (CertificationChecks.Check check : vm.checks(c)) {
            Label l = new Label((check.passed() ? "✓ " : "✗ ") + check.name() + " — " + check.detail());
            l.setWrapText(true);
            l.getStyleClass().add(check.passed() ? "check-pass" : "check-fail");
            body.getChildren().add(l);
        }
        String blocked = vm.actionBlockedReason();
        certify.setDisable(blocked != null);
        block.setDisable(blocked != null);
        actionBlocked.setText(blocked == null ? "" : blocked);
        body.getChildren().addAll(new HBox(8, certify, block), actionBlocked, feedback);
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.MUTED);
        return l;
    }
}
