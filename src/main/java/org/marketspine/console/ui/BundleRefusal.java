package org.marketspine.console.ui;

import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What a bundle that failed verification shows instead of any of its content. */
public final class BundleRefusal extends VBox {
    public BundleRefusal(Path file, String problem) {
        getStyleClass().add("bundle-refusal");
        setAlignment(Pos.CENTER);
        setId("bundle-refusal");
        Label title = new Label("FAILED — this bundle was refused");
        title.getStyleClass().add("title");
        Label what = new Label(file.toAbsolutePath().toString());
        what.getStyleClass().add(Styles.MUTED);
        Label reason = new Label(problem);
        reason.setId("bundle-refusal-reason");
        reason.getStyleClass().add("reason");
        reason.setWrapText(true);
        Label why = new Label("It failed verification, so nothing from it is shown: its events, report and lineage may have been "
                + "altered, truncated or reordered after it was signed. Ask its author for the original file, and check it with "
                + "`spine-console bundle verify FILE`.");
        why.setWrapText(true);
        getChildren().addAll(Icons.of(Icons.REFUSED), title, what, reason, why);
    }
}
