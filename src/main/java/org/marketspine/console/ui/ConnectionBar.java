package org.marketspine.console.ui;

import java.time.Instant;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The always-visible strip that says whether the feed is live, catching up, reconnecting or lost. */
public final class ConnectionBar extends HBox {
    private final Label text = new Label();
    private final FontIcon icon = new FontIcon(Icons.SYNC);

    public ConnectionBar() {
        getStyleClass().add(Styles.CONN_BAR);
        text.setId("connection-text");
        getChildren().addAll(icon, text);
    }

    public void show(ConsoleSnapshot s, Instant now) {
        ConnectionText t = ConnectionText.of(s, now);
        text.setText(t.text());
        Styles.switchClass(this, t.styleClass(), Styles.CONN_LIVE, Styles.CONN_CATCHING_UP, Styles.CONN_RECONNECTING, Styles.CONN_LOST);
        icon.setIconCode(switch (s.connection().phase()) {
            case LIVE -> Icons.LIVE;
            case LOST, CLOSED -> Icons.LOST;
            case REFUSED -> Icons.REFUSED;
            case BUNDLE -> Icons.BUNDLE;
            default -> Icons.SYNC;
        });
    }

    public String text() {
        return text.getText();
    }
}
