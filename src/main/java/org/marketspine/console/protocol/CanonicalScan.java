package org.marketspine.console.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * Cheap text scans so that the common case costs no parse: a feed that sends its items already in
 * canonical form (ours does) has each item's text hashed as it stands. {@link #isCanonical} is
 * conservative — it may say "no" to a canonical text (numbers with a fraction, escapes beyond the
 * required ones, surrogates), never "yes" to one that is not; a "no" only means the caller
 * canonicalizes through a parse.
 */
public final class CanonicalScan {
    private static final int MAX_DEPTH = 64;
    /** Integers up to 15 digits are exactly what ECMAScript prints for them. */
    private static final int MAX_INT_DIGITS = 15;

    private CanonicalScan() {}

    /**
     * The texts of the items of an {@code events} frame written as {@code {"type":"events","items":[…]}}
     * (our server's shape), or null for any other shape (the caller then parses the frame).
     */
    public static List<String> items(String frame) {
        String head = "{\"type\":\"events\",\"items\":[";
        if (!frame.startsWith(head) || !frame.endsWith("]}")) return null;
        List<String> out = new ArrayList<>();
        int i = head.length();
        int end = frame.length() - 2;
        if (i == end) return out;
        while (i < end) {
            if (frame.charAt(i) != '{') return null;
            int close = skipValue(frame, i, end);
            if (close < 0) return null;
            out.add(frame.substring(i, close));
            i = close;
            if (i < end) {
                if (frame.charAt(i) != ',') return null;
                i++;
            }
        }
        return out;
    }

    /**
     * The items of an {@code events} frame in our server's shape, when every one is canonical, in
     * one pass over the frame (each item's span recorded as the scan passes it); null otherwise
     * (then {@link #items} and a parse per item decide).
     */
    public static List<String> canonicalItems(String frame) {
        String head = "{\"type\":\"events\",\"items\":[";
        if (!frame.startsWith(head) || !frame.endsWith("]}")) return null;
        Scanner s = new Scanner(frame);
        s.pos = head.length();
        int end = frame.length() - 2;
        List<String> out = new ArrayList<>();
        while (s.pos < end) {
            int start = s.pos;
            if (frame.charAt(start) != '{' || !s.object(1)) return null;
            out.add(frame.substring(start, s.pos));
            if (s.pos < end) {
                if (frame.charAt(s.pos) != ',') return null;
                s.pos++;
            }
        }
        return s.pos == end ? out : null;
    }

    /** True only if {@code json} is, byte for byte, its own RFC 8785 canonical form (see the class comment). */
    public static boolean isCanonical(String json) {
        Scanner s = new Scanner(json);
        return s.value(0) && s.pos == json.length();
    }

    /** The index just after the JSON value starting at {@code i} (strings and nesting respected), or -1. */
    private static int skipValue(String t, int i, int end) {
        int depth = 0;
        boolean inString = false;
        for (int k = i; k < end; k++) {
            char c = t.charAt(k);
            if (inString) {
                if (c == '\\') k++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '{', '[' -> depth++;
                case '}', ']' -> {
                    depth--;
                    if (depth == 0) return k + 1;
                    if (depth < 0) return -1;
                }
                default -> { }
            }
        }
        return -1;
    }

    private static final class Scanner {
        final String t;
        int pos;

        Scanner(String t) {
            this.t = t;
        }

        boolean value(int depth) {
            if (pos >= t.length() || depth > MAX_DEPTH) return false;
            char c = t.charAt(pos);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string() >= 0;
                case 't' -> literal("true");
                case 'f' -> literal("false");
                case 'n' -> literal("null");
                default -> c == '-' || (c >= '0' && c <= '9') ? integer() : false;
            };
        }

        boolean object(int depth) {
            pos++; // {
            if (pos < t.length() && t.charAt(pos) == '}') {
                pos++;
                return true;
            }
            int prevStart = -1;
            int prevEnd = -1;
            while (true) {
                if (pos >= t.length() || t.charAt(pos) != '"') return false;
                int keyStart = pos + 1;
                int keyEnd = string();
                if (keyEnd < 0) return false;
                // Keys with escapes are compared by their values: leave those to the parse.
                for (int k = keyStart; k < keyEnd; k++) if (t.charAt(k) == '\\') return false;
                if (prevStart >= 0 && compare(prevStart, prevEnd, keyStart, keyEnd) >= 0) return false; // unsorted or repeated
                prevStart = keyStart;
                prevEnd = keyEnd;
                if (pos >= t.length() || t.charAt(pos) != ':') return false;
                pos++;
                if (!value(depth + 1)) return false;
                if (pos >= t.length()) return false;
                char c = t.charAt(pos++);
                if (c == '}') return true;
                if (c != ',') return false;
            }
        }

        boolean array(int depth) {
            pos++; // [
            if (pos < t.length() && t.charAt(pos) == ']') {
                pos++;
                return true;
            }
            while (true) {
                if (!value(depth + 1)) return false;
                if (pos >= t.length()) return false;
                char c = t.charAt(pos++);
                if (c == ']') return true;
                if (c != ',') return false;
            }
        }

        /** UTF-16 code-unit order of two raw key texts, as String.compareTo. */
        int compare(int aStart, int aEnd, int bStart, int bEnd) {
            int n = Math.min(aEnd - aStart, bEnd - bStart);
            for (int i = 0; i < n; i++) {
                int d = t.charAt(aStart + i) - t.charAt(bStart + i);
                if (d != 0) return d;
            }
            return (aEnd - aStart) - (bEnd - bStart);
        }

        /** Scans a string at pos (on its opening quote); returns the index of its closing quote and moves past it, or -1. */
        int string() {
            int i = pos + 1;
            while (i < t.length()) {
                char c = t.charAt(i);
                if (c == '"') {
                    pos = i + 1;
                    return i;
                }
                if (c < 0x20) return -1; // raw control characters are not JSON
                if (c >= 0xD800 && c <= 0xDFFF) return -1; // surrogates: left to the parse
                if (c == '\\') {
                    if (i + 1 >= t.length()) return -1;
                    char e = t.charAt(i + 1);
                    switch (e) {
                        case '"', '\\', 'b', 'f', 'n', 'r', 't' -> i += 2;
                        case 'u' -> {
                            // Canonical form escapes only control characters this way, in lowercase hex, and only
                            // those without a short escape.
                            if (i + 5 >= t.length() || t.charAt(i + 2) != '0' || t.charAt(i + 3) != '0') return -1;
                            char h = t.charAt(i + 4);
                            char l = t.charAt(i + 5);
                            if (h != '0' && h != '1') return -1;
                            if (!((l >= '0' && l <= '9') || (l >= 'a' && l <= 'f'))) return -1;
                            int v = (h - '0') * 16 + Character.digit(l, 16);
                            if (v == '\b' || v == '\f' || v == '\n' || v == '\r' || v == '\t') return -1;
                            i += 6;
                        }
                        default -> {
                            return -1; // e.g. \/ : valid JSON, never canonical
                        }
                    }
                    continue;
                }
                i++;
            }
            return -1;
        }

        boolean literal(String word) {
            if (!t.startsWith(word, pos)) return false;
            pos += word.length();
            return true;
        }

        /** -?(0|[1-9][0-9]*), at most 15 digits; anything with a fraction or exponent is left to the parse. */
        boolean integer() {
            int i = pos;
            if (t.charAt(i) == '-') i++;
            int digitsFrom = i;
            while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') i++;
            int digits = i - digitsFrom;
            if (digits == 0 || digits > MAX_INT_DIGITS) return false;
            if (t.charAt(digitsFrom) == '0' && digits > 1) return false;
            if (digits == 1 && t.charAt(digitsFrom) == '0' && digitsFrom > pos) return false; // -0 prints as 0
            if (i < t.length() && (t.charAt(i) == '.' || t.charAt(i) == 'e' || t.charAt(i) == 'E')) return false;
            pos = i;
            return true;
        }
    }
}
