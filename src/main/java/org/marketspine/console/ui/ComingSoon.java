package org.marketspine.console.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;

/** The designed state of a workspace that is not in this version yet: what it will answer, and for whom. */
public final class ComingSoon extends VBox {
    public ComingSoon(Ikon ikon, String title, String promise) {
        getStyleClass().add("coming-soon");
        Label t = new Label(title);
        t.getStyleClass().add("title");
        Label p = new Label(promise);
        p.getStyleClass().add(Styles.MUTED);
        p.setMaxWidth(560);
        Label when = new Label("Coming in this version. The feed already carries its data; the Health board shows the platform now.");
        when.getStyleClass().add(Styles.MUTED);
        when.setMaxWidth(560);
        getChildren().addAll(Icons.of(ikon), t, p, when);
    }
}
