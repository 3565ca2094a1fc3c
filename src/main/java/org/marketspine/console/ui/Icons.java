package org.marketspine.console.ui;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.marketspine.console.model.HealthLevel;

/** The icons the console uses, by meaning. */
public final class Icons {
    private Icons() {}

    public static FontIcon of(Ikon ikon, String... styleClasses) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().addAll(styleClasses);
        return icon;
    }

    public static Ikon health(HealthLevel level) {
        return switch (level) {
            case GREEN -> Material2AL.CHECK_CIRCLE;
            case YELLOW -> Material2MZ.WARNING;
            case RED -> Material2AL.ERROR;
        };
    }

    public static final Ikon PIN = Material2MZ.PUSH_PIN;
    public static final Ikon LIVE = Material2AL.CLOUD_DONE;
    public static final Ikon LOST = Material2AL.CLOUD_OFF;
    public static final Ikon SYNC = Material2MZ.SYNC;
    public static final Ikon WAIT = Material2AL.HOURGLASS_EMPTY;
    public static final Ikon SCHEDULE = Material2MZ.SCHEDULE;
    public static final Ikon RETRY = Material2MZ.REPLAY;
    public static final Ikon BACKFILL = Material2AL.DATE_RANGE;
    public static final Ikon LOGS = Material2AL.HISTORY;
    public static final Ikon READINESS = Material2AL.GRID_ON;
    public static final Ikon LINEAGE = Material2AL.ACCOUNT_TREE;
    public static final Ikon REFUSED = Material2AL.LINK_OFF;
    public static final Ikon STEP_BACK = Material2MZ.SKIP_PREVIOUS;
    public static final Ikon STEP_FORWARD = Material2MZ.SKIP_NEXT;
    public static final Ikon PLAY = Material2MZ.PLAY_ARROW;
    public static final Ikon PAUSE = Material2MZ.PAUSE;
    public static final Ikon PAST = Material2AL.HISTORY;
    public static final Ikon BUNDLE = Material2MZ.VERIFIED_USER;
    public static final Ikon OPEN = Material2AL.FOLDER_OPEN;
    public static final Ikon EXPORT = Material2MZ.SAVE_ALT;
    public static final Ikon FIT = Material2AL.FULLSCREEN;
    public static final Ikon LOCK = Material2AL.LOCK;
    public static final Ikon FINGERPRINT = Material2AL.FINGERPRINT;
    public static final Ikon ABOUT = Material2AL.INFO;
    /** Intact but not vouched for, or a history that disagrees with what its feed signed: never the "verified" shield. */
    public static final Ikon UNTRUSTED = Material2MZ.REPORT_PROBLEM;
    public static final Ikon INTEGRITY = Material2MZ.REPORT;
    /** Not known now: data that is not current is neither green nor red. */
    public static final Ikon UNKNOWN = Material2AL.HELP_OUTLINE;
}
