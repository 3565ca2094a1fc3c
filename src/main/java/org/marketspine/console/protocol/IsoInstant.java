package org.marketspine.console.protocol;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads the wire's UTC times ({@code 2026-11-23T08:15:00Z}, with up to nine fraction digits)
 * without a formatter: every event carries one, and {@link Instant#parse} dominated decoding.
 * Anything else goes through {@link Instant#parse}; null when it is not an ISO instant.
 */
final class IsoInstant {
    private IsoInstant() {}

    static Instant parse(String s) {
        int n = s.length();
        if (n >= 20 && s.charAt(n - 1) == 'Z' && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T'
                && s.charAt(13) == ':' && s.charAt(16) == ':') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            int nanos = 0;
            boolean ok = year >= 0 && month >= 0 && day >= 0 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60
                    && second >= 0 && second < 60;
            if (ok && n > 20) {
                ok = s.charAt(19) == '.' && n - 21 >= 1 && n - 21 <= 9;
                int fraction = ok ? digits(s, 20, n - 1) : -1;
                ok = ok && fraction >= 0;
                if (ok) {
                    nanos = fraction;
                    for (int i = n - 21; i < 9; i++) nanos *= 10;
                }
            } else if (ok) {
                ok = n == 20;
            }
            if (ok) {
                try {
                    long days = LocalDate.of(year, month, day).toEpochDay();
                    return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second, nanos);
                } catch (DateTimeException e) {
                    return null; // e.g. February 30th: not a time at all
                }
            }
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The decimal number in {@code s[from, to)}, or -1 when one of those is not a digit. */
    static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
