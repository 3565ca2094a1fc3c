package org.marketspine.console.ui;

import javafx.scene.Node;
import org.marketspine.console.model.HealthLevel;

/** Style-class and pseudo-class names shared by views and the stylesheet (spine.css). */
public final class Styles {
    private Styles() {}

    /** The theme's compact rows (AtlantaFX), for tables that must show many rows on a small screen. */
    public static final String DENSE = atlantafx.base.theme.Styles.DENSE;
    public static final String STYLESHEET = "/org/marketspine/console/ui/spine.css";
    public static final String WALL_STYLESHEET = "/org/marketspine/console/ui/wall.css";

    public static final String CONN_BAR = "connection-bar";
    public static final String CONN_LIVE = "conn-live";
    public static final String CONN_CATCHING_UP = "conn-catching-up";
    public static final String CONN_RECONNECTING = "conn-reconnecting";
    public static final String CONN_LOST = "conn-lost";
    /** An intact bundle whose keys this reviewer's trust list does not vouch for: amber, never green. */
    public static final String CONN_UNTRUSTED = "conn-untrusted";

    public static final String FEED_NOTICE = "feed-notice";
    public static final String BUNDLE_NOTICE = "bundle-notice";
    public static final String BUNDLE_UNTRUSTED_NOTICE = "bundle-untrusted-notice";
    public static final String INTEGRITY_NOTICE = "integrity-notice";
    /** The connection bar's note on the feed's signing key. */
    public static final String KEY_SIGNED = "key-signed";
    public static final String KEY_UNTRUSTED = "key-untrusted";
    public static final String KEY_UNSIGNED = "key-unsigned";

    public static final String HEALTH_GREEN = "health-green";
    public static final String HEALTH_YELLOW = "health-yellow";
    public static final String HEALTH_RED = "health-red";

    public static final String CARD = "card";
    public static final String CARD_TITLE = "card-title";
    public static final String MUTED = "muted";
    public static final String BADGE = "badge";
    public static final String BADGE_TRANSIENT = "badge-transient";
    public static final String BADGE_SYSTEMIC = "badge-systemic";
    public static final String BADGE_CRITICAL = "badge-critical";
    public static final String MONO = "mono";
    public static final String STALE = "stale";
    public static final String FEEDBACK_OK = "feedback-ok";
    public static final String FEEDBACK_ERROR = "feedback-error";

    /**
     * Makes {@code chosen} (or none, when null) the one class of {@code exclusive} on the node;
     * does nothing when that is already so, so an unchanged refresh costs no CSS pass.
     */
    public static void switchClass(Node node, String chosen, String... exclusive) {
        var classes = node.getStyleClass();
        boolean ok = chosen == null || classes.contains(chosen);
        for (String c : exclusive) if (!c.equals(chosen) && classes.contains(c)) ok = false;
        if (ok) return;
        classes.removeAll(exclusive);
        if (chosen != null) classes.add(chosen);
    }

    public static void switchHealth(Node node, HealthLevel level) {
        switchClass(node, level == null ? null : health(level), HEALTH_GREEN, HEALTH_YELLOW, HEALTH_RED);
    }

    public static String health(HealthLevel level) {
        return switch (level) {
            case GREEN -> HEALTH_GREEN;
            case YELLOW -> HEALTH_YELLOW;
            case RED -> HEALTH_RED;
        };
    }
}
