package org.marketspine.console.ui.lineage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.marketspine.console.audit.BundleKeys;
import org.marketspine.console.audit.BundleWriter;
import org.marketspine.console.audit.FeedProof;
import org.marketspine.console.model.EventHistory;
import org.marketspine.console.protocol.SigningKeys;
import org.marketspine.console.ui.ConsoleRuntime;

/** Lineage & audit → Export bundle: a time range, a file, a progress bar; signed with the user's key. */
final class ExportBundleDialog extends Dialog<Void> {
    private final TextField from = new TextField();
    private final TextField to = new TextField();
    private final TextField file = new TextField();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();

    ExportBundleDialog(ConsoleRuntime runtime, LineageViewModel vm) {
        setTitle("Export audit bundle");
        setHeaderText("A signed bundle of the journal up to the end of the range, with a report — it opens offline and proves it was not altered.");
        LineageViewModel.Range range = vm.exportRange();
        from.setText(InstantText.format(range.from()));
        to.setText(InstantText.format(range.to()));
        from.setPrefColumnCount(34);
        to.setPrefColumnCount(34);
        file.setText(Path.of(System.getProperty("user.home"), "spine-audit-" + LocalDate.now() + ".spinebundle").toString());
        file.setPrefColumnCount(36);
        from.setId("export-from");
        to.setId("export-to");
        file.setId("export-file");
        progress.setId("export-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        status.setId("export-status");
        status.setWrapText(true);
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setInitialFileName(Path.of(file.getText()).getFileName().toString());
            File f = c.showSaveDialog(getDialogPane().getScene().getWindow());
            if (f != null) file.setText(f.getPath());
        });
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        g.addRow(0, label("From (ISO 8601)"), from);
        g.addRow(1, label("To (ISO 8601)"), to);
        g.addRow(2, label("File"), file, choose);
        g.addRow(3, label("Signed with"), signer());
        g.add(progress, 0, 4, 3, 1);
        g.add(status, 0, 5, 3, 1);
        getDialogPane().setContent(g);
        ButtonType export = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(export, ButtonType.CLOSE);
        Button go = (Button) getDialogPane().lookupButton(export);
        go.setId("export-go");
        go.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open to show progress and the result
            start(runtime, vm, go);
        });
    }

    /** Labels keep their whole text: the fields beside them give way first. */
    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /**
     * The key the bundle will be signed with, named as a reviewer will see it — in a read-only
     * field as wide as the fingerprint, so it is compared whole and can be copied.
     */
    private Node signer() {
        Path keyFile = BundleKeys.defaultFile();
        TextField f = new TextField();
        f.setId("export-signer");
        f.setEditable(false);
        if (!Files.exists(keyFile)) {
            f.setText("a new key, created at " + keyFile);
        } else {
            try {
                f.setText(BundleKeys.load(keyFile).fingerprint());
            } catch (IOException | RuntimeException ex) {
                f.setText("cannot read the key " + keyFile + ": " + ex.getMessage());
            }
        }
        f.setPrefColumnCount(f.getText().length() + 1);
        f.setMinWidth(Region.USE_PREF_SIZE);
        f.setTooltip(new Tooltip(f.getText()));
        return f;
    }

    private void start(ConsoleRuntime runtime, LineageViewModel vm, Button go) {
        Instant a;
        Instant b;
        try {
            a = InstantText.parse(from.getText());
            b = InstantText.parse(to.getText());
        } catch (DateTimeParseException ex) {
            status.setText("Both ends must be ISO 8601 instants, e.g. " + InstantText.format(Instant.parse("2026-10-16T14:00:00Z")) + ".");
            return;
        }
        if (!a.isBefore(b)) {
            status.setText("The range must start before it ends.");
            return;
        }
        Path out = Path.of(file.getText().trim());
        go.setDisable(true);
        status.setText("Exporting…");
        var w = runtime.snapshot().welcome();
        EventHistory history = vm.history(); // taken here, on the FX thread: the export writes exactly what is shown
        Thread.ofVirtual().name("bundle-export").start(() -> {
            try {
                SigningKeys keys = BundleKeys.loadOrCreate(BundleKeys.defaultFile());
                BundleWriter.Span span = BundleWriter.span(history, a, b);
                runtime.publisher().deliver(() -> status.setText("Asking the feed for its signed checkpoint at seq " + span.lastSeq() + "…"));
                FeedProof proof;
                try {
                    proof = runtime.feedProof(span.lastSeq()).get(30, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException ex) {
                    throw new IOException("the feed's signed checkpoint at seq " + span.lastSeq() + " is needed and did not come ("
                            + (ex.getCause() == null ? "no answer within 30 s" : ex.getCause().getMessage()) + ")", ex);
                }
                BundleWriter.Written written;
                try (BundleWriter.ItemTexts texts = runtime.itemTexts()) {
                    written = BundleWriter.write(out, history, texts, proof, span,
                            new BundleWriter.Source(w == null || w.feedId() == null ? "unknown" : w.feedId(), w == null ? "unknown" : w.platform(),
                                    w == null ? "unknown" : w.server(), runtime.feedKey()),
                            (w == null ? System.getProperty("user.name") : w.user()) + " via Spine Console", keys, Instant.now(),
                            p -> runtime.publisher().deliver(() -> progress.setProgress(p)));
                }
                runtime.publisher().deliver(() -> {
                    status.setText(String.format("Wrote %s: %,d events, %,d bytes, signed by %s, with the feed's checkpoint at seq %,d (feed key %s).",
                            written.file(), written.events(), written.bytes(), written.signer(), written.lastSeq(), proof.key().fingerprint()));
                    go.setDisable(false);
                });
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                runtime.publisher().deliver(() -> {
                    status.setText("Export interrupted, nothing was written.");
                    go.setDisable(false);
                });
            } catch (IOException | RuntimeException ex) {
                runtime.publisher().deliver(() -> {
                    status.setText("Export failed, nothing was written: " + ex.getMessage());
                    go.setDisable(false);
                });
            }
        });
    }
}
