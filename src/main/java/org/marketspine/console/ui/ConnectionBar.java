package org.marketspine.console.ui;

import java.time.Instant;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The always-visible strip that says whether the feed is live, catching up, reconnecting or lost. */
public final class ConnectionBar extends HBox {
    private final Label text = new Label();
    private final FontIcon icon = new FontIcon(Icons.SYNC);

    private final Label security = new Label();
    private final javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();

    public ConnectionBar() {
        getStyleClass().add(Styles.CONN_BAR);
        text.setId("connection-text");
        Wrap.decision(text);
        text.setTooltip(whole);
        javafx.scene.layout.HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        security.setId("connection-security");
        security.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(icon, text, security);
    }

    /** The transport's security, said once the address is known: a lock for wss://, "not encrypted" for ws:// off loopback. */
    public void transport(java.net.URI url) {
        String note = ConnectionText.security(url);
        security.setText(note);
        security.setGraphic(note.startsWith("TLS") ? new FontIcon(Icons.LOCK) : null);
        Styles.switchClass(security, note.startsWith("not encrypted") ? "security-plain" : note.isEmpty() ? null : "security-tls",
                "security-plain", "security-tls");
    }

    public void show(ConsoleSnapshot s, Instant now) {
        ConnectionText t = ConnectionText.of(s, now);
        text.setText(t.text());
        whole.setText(t.text());
        Styles.switchClass(this, t.styleClass(), Styles.CONN_LIVE, Styles.CONN_CATCHING_UP, Styles.CONN_RECONNECTING, Styles.CONN_LOST);
        icon.setIconCode(switch (s.connection().phase()) {
            case LIVE -> s.isCurrent() ? Icons.LIVE : Icons.WAIT;
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
