package org.marketspine.console.ui;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.prefs.Preferences;

/**
 * How times read everywhere: relative ("2 h ago") for scanning, absolute ISO 8601 with the zone
 * for proof. The display zone is a preference (default: this computer's zone).
 */
public final class Times {
    private Times() {}

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final Preferences PREFS = Preferences.userNodeForPackage(Times.class);

    public static ZoneId zone() {
        String id = PREFS.get("display.zone", "");
        try {
            return id.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneId.systemDefault();
        }
    }

    public static void setZone(ZoneId zone) {
        PREFS.put("display.zone", zone.getId());
    }

    /** e.g. {@code 2026-11-25T09:14:03Z (UTC)} or {@code 2026-11-25T10:14:03+01:00 (Europe/Paris)}. */
    public static String absolute(Instant t) {
        if (t == null) return "—";
        ZoneId z = zone();
        return ISO.format(t.atZone(z).withNano(0)) + " (" + ZoneChoices.canonical(z) + ")";
    }

    /** e.g. {@code 09:14 UTC} or {@code 04:14 America/New_York}: a short time with the same zone name as everywhere else. */
    public static String clock(Instant t) {
        if (t == null) return "—";
        ZoneId z = zone();
        return CLOCK.format(t.atZone(z)) + " " + shortZone(z);
    }

    /** The zone as the user picked it (its id; every spelling of UTC is "UTC"), never an ambiguous abbreviation like "CST". */
    public static String shortZone(ZoneId z) {
        return ZoneChoices.canonical(z);
    }

    /** e.g. "just now", "42 s ago", "3 min ago", "2 h ago", "4 d ago", "in 3 h". */
    public static String relative(Instant t, Instant now) {
        if (t == null) return "never";
        Duration d = Duration.between(t, now);
        boolean future = d.isNegative();
        String amount = span(d.abs());
        if (amount == null) return "just now";
        return future ? "in " + amount : amount + " ago";
    }

    /** e.g. "42 s", "3 min", "2 h 5 min", "4 d"; null under 2 seconds. */
    public static String span(Duration d) {
        long s = d.getSeconds();
        if (s < 2) return null;
        if (s < 60) return s + " s";
        if (s < 3600) return (s / 60) + " min";
        if (s < 86_400) return (s / 3600) + " h" + (s % 3600 >= 60 && s < 10 * 3600 ? " " + (s % 3600) / 60 + " min" : "");
        return (s / 86_400) + " d" + (s < 3 * 86_400 && s % 86_400 >= 3600 ? " " + (s % 86_400) / 3600 + " h" : "");
    }
}
