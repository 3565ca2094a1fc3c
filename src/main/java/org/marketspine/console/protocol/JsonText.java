package org.marketspine.console.protocol;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A cursor over compact JSON text for {@link CanonicalEvents}: each read either takes exactly the
 * form it knows and moves on, or says no (null, or {@link #NO_NUMBER}) and the whole item goes the
 * general way. Nothing here guesses: no spaces, no floats or exponents, no leading zeros.
 */
final class JsonText {
    /** What {@link #integer} gives for anything that is not a plain integer of at most 18 digits. */
    static final long NO_NUMBER = Long.MIN_VALUE;

    /**
     * The short strings this thread read last, by hash: a pipeline, a dataset, a tier, a user, a
     * capture id comes back in event after event, and a million decoded events held a string each
     * time — half of everything a verifier kept, copied by every collection. An equal string is
     * handed out again instead (strings are values: no reader can tell).
     */
    private static final int SHARED = 1024;
    private static final int SHARED_MAX_LENGTH = 48;
    private static final ThreadLocal<String[]> RECENT = ThreadLocal.withInitial(() -> new String[SHARED]);
    /** The same for dates (week endings: a few hundred in ten years, in nearly every event), by their text. */
    private static final int SHARED_DATES = 256;
    private static final ThreadLocal<RecentDates> RECENT_DATES = ThreadLocal.withInitial(RecentDates::new);

    private static final class RecentDates {
        final String[] texts = new String[SHARED_DATES];
        final LocalDate[] dates = new LocalDate[SHARED_DATES];
    }

    private final String s;
    private final String[] recent;
    private int i;

    JsonText(String s, int at) {
        this.s = s;
        this.i = at;
        this.recent = RECENT.get();
    }

    boolean eat(String literal) {
        if (!s.startsWith(literal, i)) return false;
        i += literal.length();
        return true;
    }

    boolean eat(char c) {
        if (i >= s.length() || s.charAt(i) != c) return false;
        i++;
        return true;
    }

    boolean at(char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    boolean atEnd() {
        return i == s.length();
    }

    /** A JSON string (escapes decoded), or null when the cursor is not on a well-formed one. */
    String string() {
        if (!eat('"')) return null;
        int start = i;
        int n = s.length();
        int hash = 0;
        for (int j = start; j < n; j++) {
            char c = s.charAt(j);
            if (c == '"') {
                i = j + 1;
                return j - start <= SHARED_MAX_LENGTH ? shared(start, j, hash) : s.substring(start, j);
            }
            if (c == '\\') return escaped(start, j);
            if (c < 0x20) return null; // a raw control character: not JSON
            hash = 31 * hash + c;
        }
        return null;
    }

    private String shared(int start, int end, int hash) {
        int slot = (hash ^ (hash >>> 16)) & (SHARED - 1);
        String known = recent[slot];
        int length = end - start;
        if (known != null && known.length() == length && s.regionMatches(start, known, 0, length)) return known;
        String fresh = s.substring(start, end);
        recent[slot] = fresh;
        return fresh;
    }

    private String escaped(int start, int firstEscape) {
        StringBuilder b = new StringBuilder(firstEscape - start + 16).append(s, start, firstEscape);
        int n = s.length();
        int j = firstEscape;
        while (j < n) {
            char c = s.charAt(j++);
            if (c == '"') {
                i = j;
                return b.toString();
            }
            if (c < 0x20) return null;
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (j >= n) return null;
            char e = s.charAt(j++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (j + 4 > n) return null;
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(s.charAt(j + k), 16);
                        if (d < 0) return null;
                        v = v * 16 + d;
                    }
                    b.append((char) v);
                    j += 4;
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    /** -?(0|[1-9][0-9]*), at most 18 digits, not followed by a fraction or exponent; else {@link #NO_NUMBER}. */
    long integer() {
        int n = s.length();
        int j = i;
        boolean negative = j < n && s.charAt(j) == '-';
        if (negative) j++;
        int first = j;
        long v = 0;
        while (j < n) {
            char c = s.charAt(j);
            if (c < '0' || c > '9') break;
            v = v * 10 + (c - '0');
            j++;
        }
        int digits = j - first;
        if (digits == 0 || digits > 18 || (digits > 1 && s.charAt(first) == '0')) return NO_NUMBER;
        if (j < n && (s.charAt(j) == '.' || s.charAt(j) == 'e' || s.charAt(j) == 'E')) return NO_NUMBER;
        i = j;
        return negative ? -v : v;
    }

    /** {@link #date(String)}, handing out the date it made last time for the same text. */
    static LocalDate sharedDate(String text) {
        RecentDates recent = RECENT_DATES.get();
        int slot = text.hashCode() & (SHARED_DATES - 1);
        String known = recent.texts[slot];
        if (known != null && known.equals(text)) return recent.dates[slot];
        LocalDate d = date(text);
        if (d != null) {
            recent.texts[slot] = text;
            recent.dates[slot] = d;
        }
        return d;
    }

    /** {@code yyyy-MM-dd} exactly, a real date; else null. */
    static LocalDate date(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') return null;
        int y = IsoInstant.digits(text, 0, 4);
        int m = IsoInstant.digits(text, 5, 7);
        int d = IsoInstant.digits(text, 8, 10);
        if (y < 0 || m < 0 || d < 0) return null;
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A UTC instant in the wire's own shape ({@code …T08:15:00Z}, fraction optional); anything else null. */
    static Instant instant(String text) {
        if (text.length() < 20 || text.length() > 30 || text.charAt(10) != 'T' || text.charAt(text.length() - 1) != 'Z'
                || IsoInstant.digits(text, 0, 4) < 0) {
            return null;
        }
        return IsoInstant.parse(text);
    }
}
