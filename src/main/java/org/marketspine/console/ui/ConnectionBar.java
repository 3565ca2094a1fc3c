package org.marketspine.console.ui;

import java.net.URI;
import java.time.Instant;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The always-visible strip that says whether the feed is live, catching up, reconnecting or lost;
 * how it is reached (TLS or not), which key signs its history, and the way to "About this feed".
 */
public final class ConnectionBar extends HBox {
    private final Label text = new Label();
    private final FontIcon icon = new FontIcon(Icons.SYNC);

    private final Label security = new Label();
    private final Tooltip whole = new Tooltip();
    private final Label key = new Label();
    private final Tooltip keyWhole = new Tooltip();
    private final Button about = new Button("_About this feed", Icons.of(Icons.ABOUT));

    public ConnectionBar() {
        getStyleClass().add(Styles.CONN_BAR);
        text.setId("connection-text");
        Wrap.decision(text);
        text.setTooltip(whole);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE); // the notes and the About button keep to the right edge
        security.setId("connection-security");
        security.setMinWidth(Region.USE_PREF_SIZE);
        key.setId("connection-feed-key");
        key.getStyleClass().add("feed-key");
        key.setMinWidth(Region.USE_PREF_SIZE);
        key.setTooltip(keyWhole);
        key.managedProperty().bind(key.visibleProperty());
        about.setId("about-feed");
        about.getStyleClass().add("about-feed-button");
        about.setMinWidth(Region.USE_PREF_SIZE);
        about.setTooltip(new Tooltip("Which feed this is, who you are signed in as, the key its history is signed with (to check "
                + "with its operator), and whether that history is trusted (Alt+A)"));
        getChildren().addAll(icon, text, security, key, about);
    }

    /** The transport's security, said once the address is known: a lock for wss://, "not encrypted" for ws:// off loopback. */
    public void transport(URI url) {
        String note = ConnectionText.security(url);
        security.setText(note);
        security.setGraphic(note.startsWith("TLS") ? new FontIcon(Icons.LOCK) : null);
        Styles.switchClass(security, note.startsWith("not encrypted") ? "security-plain" : note.isEmpty() ? null : "security-tls",
                "security-plain", "security-tls");
    }

    /** What "About this feed" does (the window opens the dialog). */
    public void onAbout(Runnable action) {
        about.setOnAction(e -> action.run());
    }

    public void show(ConsoleSnapshot s, Instant now) {
        ConnectionText t = ConnectionText.of(s, now);
        text.setText(t.text());
        whole.setText(t.text());
        Styles.switchClass(this, t.styleClass(), Styles.CONN_LIVE, Styles.CONN_CATCHING_UP, Styles.CONN_RECONNECTING, Styles.CONN_LOST,
                Styles.CONN_UNTRUSTED);
        ConnectionText.KeyNote note = ConnectionText.keyNote(s);
        if (!note.text().equals(key.getText())) {
            key.setText(note.text());
            keyWhole.setText(note.tooltip());
            key.setGraphic(note.text().isEmpty() ? null : Icons.of(Icons.FINGERPRINT));
        }
        key.setVisible(!note.text().isEmpty());
        Styles.switchClass(key, note.styleClass(), Styles.KEY_SIGNED, Styles.KEY_UNTRUSTED, Styles.KEY_UNSIGNED);
        icon.setIconCode(s.integrity() != null || s.isUntrustedBundle() ? Icons.UNTRUSTED : switch (s.connection().phase()) {
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

    /** The key note as shown ("signed by feed key SHA256:abcd…"), for tests. */
    public String keyText() {
        return key.getText();
    }
}
