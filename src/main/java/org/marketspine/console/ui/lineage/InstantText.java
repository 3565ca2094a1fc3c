package org.marketspine.console.ui.lineage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.marketspine.console.ui.Times;

/**
 * Instants the user types or edits (compare, go to, export range): written in the display zone as
 * every other time on screen is, ISO 8601 with the zone's id, e.g.
 * {@code 2026-10-16T10:00:00-04:00 (America/New_York)} — keeping any fraction of a second, so that
 * a field still names the exact instant it was filled with (an export's end must not drop the
 * last event of its second).
 */
final class InstantText {
    private static final DateTimeFormatter ZONED = DateTimeFormatter.ISO_ZONED_DATE_TIME;

    private InstantText() {}

    static String format(Instant t) {
        return format(t, Times.zone());
    }

    static String format(Instant t, ZoneId zone) {
        return t == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(zone)) + " (" + Times.shortZone(zone) + ")";
    }

    /** e.g. {@code 2026-10-16T10:00:00-04:00}: for cells under a header that names the zone. */
    static String offset(Instant t) {
        return t == null ? "—" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZone(Times.zone()).withNano(0));
    }

    /**
     * Reads what a person may paste: the form above, an offset or UTC instant
     * ({@code 2026-10-16T14:00:00Z}), or Java's zoned form ({@code …-04:00[America/New_York]}).
     */
    static Instant parse(String text) {
        String s = text == null ? "" : text.trim();
        int paren = s.indexOf(" (");
        if (paren > 0 && s.endsWith(")")) s = s.substring(0, paren);
        try {
            return ZonedDateTime.parse(s, ZONED).toInstant();
        } catch (DateTimeParseException zonedFailed) {
            return Instant.parse(s); // throws DateTimeParseException for the caller's message
        }
    }
}
