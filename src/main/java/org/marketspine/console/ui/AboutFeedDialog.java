package org.marketspine.console.ui;

import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "About this feed": the {@link FeedFacts} of the current snapshot, kept up to date while open.
 * Every value is selectable text, so the fingerprint can be copied or read out to the feed's operator.
 */
public final class AboutFeedDialog extends Dialog<Void> {
    private final GridPane grid = new GridPane();

    public AboutFeedDialog(StatePublisher publisher, Supplier<String> url) {
        setTitle("About this feed");
        setHeaderText("About this feed");
        getDialogPane().getStyleClass().add("about-feed");
        getDialogPane().setId("about-feed-dialog");
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        grid.getStyleClass().add("about-grid");
        Label how = new Label("To check this feed is the one you think it is, read the feed key fingerprint out to the feed's "
                + "operator: they see theirs with `spine-console feed key show --journal FILE`. Every character must match.");
        how.getStyleClass().add(Styles.MUTED);
        Wrap.decision(how);
        how.setMaxWidth(720);
        VBox body = new VBox(grid, how);
        body.getStyleClass().add("about-body");
        getDialogPane().setContent(body);
        getDialogPane().setPrefWidth(820);
        setResizable(true);
        show(publisher.current(), url.get());
        ChangeListener<ConsoleSnapshot> update = (o, a, s) -> show(s, url.get());
        publisher.snapshotProperty().addListener(update);
        setOnHidden(e -> publisher.snapshotProperty().removeListener(update));
    }

    private void show(ConsoleSnapshot s, String url) {
        FeedFacts facts = FeedFacts.of(s, url);
        if (grid.getChildren().isEmpty()) build(facts);
        for (FeedFacts.Row r : facts.rows()) {
            TextInputControl value = (TextInputControl) grid.lookup("#about-" + r.id());
            if (!r.value().equals(value.getText())) value.setText(r.value());
        }
        boolean bad = s.integrity() != null || s.isUntrustedBundle();
        Styles.switchClass(grid.lookup("#about-integrity"), bad ? "about-bad" : null, "about-bad");
    }

    private void build(FeedFacts facts) {
        int row = 0;
        for (FeedFacts.Row r : facts.rows()) {
            Label key = new Label(r.label());
            key.getStyleClass().add("key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            TextInputControl value = r.id().equals("integrity") ? area() : new TextField();
            value.setEditable(false);
            value.setId("about-" + r.id());
            value.getStyleClass().add("about-value");
            if (r.id().equals("fingerprint")) value.getStyleClass().add(Styles.MONO);
            key.setLabelFor(value);
            grid.addRow(row++, key, value);
            GridPane.setFillWidth(value, true);
            GridPane.setHgrow(value, Priority.ALWAYS);
        }
    }

    private static TextInputControl area() {
        TextArea a = new TextArea();
        a.setWrapText(true);
        a.setPrefRowCount(6);
        return a;
    }

    /** The fingerprint as shown, for tests. */
    public String fingerprint() {
        return ((TextInputControl) grid.lookup("#about-fingerprint")).getText();
    }
}
