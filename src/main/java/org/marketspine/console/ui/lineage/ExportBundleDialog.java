package org.marketspine.console.ui.lineage;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import org.marketspine.console.audit.BundleKeys;
import org.marketspine.console.audit.BundleWriter;
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
        Instant last = vm.log().lastAt();
        Instant end = vm.timeProperty().get() != null ? vm.timeProperty().get() : last;
        to.setText(end == null ? "" : end.toString());
        from.setText(end == null ? "" : end.minus(java.time.Duration.ofDays(30)).toString());
        file.setText(Path.of(System.getProperty("user.home"), "spine-audit-" + java.time.LocalDate.now() + ".spinebundle").toString());
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
            java.io.File f = c.showSaveDialog(getDialogPane().getScene().getWindow());
            if (f != null) file.setText(f.getPath());
        });
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        g.addRow(0, new Label("From (ISO 8601)"), from);
        g.addRow(1, new Label("To (ISO 8601)"), to);
        g.addRow(2, new Label("File"), file, choose);
        g.add(progress, 0, 3, 3, 1);
        g.add(status, 0, 4, 3, 1);
        getDialogPane().setContent(g);
        ButtonType export = new ButtonType("Export", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(export, ButtonType.CLOSE);
        Button go = (Button) getDialogPane().lookupButton(export);
        go.setId("export-go");
        go.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open to show progress and the result
            start(runtime, vm, go);
        });
    }

    private void start(ConsoleRuntime runtime, LineageViewModel vm, Button go) {
        Instant a;
        Instant b;
        try {
            a = Instant.parse(from.getText().trim());
            b = Instant.parse(to.getText().trim());
        } catch (DateTimeParseException ex) {
            status.setText("Both ends must be ISO 8601 instants, e.g. 2026-10-16T14:00:00Z.");
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
        Thread.ofVirtual().name("bundle-export").start(() -> {
            try {
                BundleKeys keys = BundleKeys.loadOrCreate(BundleKeys.defaultFile());
                BundleWriter.Written written = BundleWriter.write(out, vm.log(), a, b,
                        new BundleWriter.Source(w == null || w.feedId() == null ? "unknown" : w.feedId(), w == null ? "unknown" : w.platform(),
                                w == null ? "unknown" : w.server(), runtime.feedKey()),
                        (w == null ? System.getProperty("user.name") : w.user()) + " via Spine Console", keys, Instant.now(),
                        p -> runtime.publisher().deliver(() -> progress.setProgress(p)));
                runtime.publisher().deliver(() -> {
                    status.setText(String.format("Wrote %s: %,d events, %,d bytes, signed by %s.", written.file(), written.events(),
                            written.bytes(), written.signer()));
                    go.setDisable(false);
                });
            } catch (java.io.IOException | RuntimeException ex) {
                runtime.publisher().deliver(() -> {
                    status.setText("Export failed, nothing was written: " + ex.getMessage());
                    go.setDisable(false);
                });
            }
        });
    }
}
