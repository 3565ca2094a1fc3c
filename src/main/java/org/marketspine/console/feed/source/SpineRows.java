package org.marketspine.console.feed.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reading spine-core's columns: ISO 8601 text times (with or without zone, 'T' or space), JSON
 * text columns, partition keys. A value that cannot be read throws {@link BadRow} with the column
 * and why, so the row is skipped with that reason and polling goes on.
 */
final class SpineRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A row this source cannot use, and why. */
    static final class BadRow extends Exception {
        BadRow(String message) {
            super(message);
        }
    }

    private SpineRows() {}

    /**
     * The longest text taken whole from a spine-core column. An error with its stack trace can run
     * to megabytes, and each becomes an event every client replays, in frames of at most 4 MiB.
     */
    static final int MAX_TEXT = 16_000;
    /** The longest JSON column read (params, details): a row with more is skipped, with that said. */
    static final int MAX_JSON = 64_000;

    static String text(Map<String, Object> row, String column) throws BadRow {
        Object v = row.get(column);
        if (v == null || v.toString().isBlank()) throw new BadRow(column + " is empty");
        return clipped(v.toString());
    }

    static String optional(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null || v.toString().isBlank() ? null : clipped(v.toString());
    }

    private static String clipped(String text) {
        if (text.length() <= MAX_TEXT) return text;
        return text.substring(0, MAX_TEXT) + "… (" + String.format("%,d", text.length()) + " characters in spine-core, clipped)";
    }

    static long number(Map<String, Object> row, String column, long otherwise) throws BadRow {
        Object v = row.get(column);
        if (v == null) return otherwise;
        if (v instanceof Number n) return n.longValue();
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new BadRow(column + " is not a number: " + v);
        }
    }

    static boolean flag(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof Number n) return n.intValue() != 0;
        String s = v.toString().trim().toLowerCase();
        return s.equals("1") || s.equals("true") || s.equals("t") || s.equals("yes");
    }

    static Instant time(Map<String, Object> row, String column) throws BadRow {
        Instant t = optionalTime(row, column);
        if (t == null) throw new BadRow(column + " is empty");
        return t;
    }

    static Instant optionalTime(Map<String, Object> row, String column) throws BadRow {
        Object v = row.get(column);
        if (v == null || v.toString().isBlank()) return null;
        if (v instanceof Instant i) return i;
        String s = v.toString().trim().replace(' ', 'T');
        try {
            if (s.endsWith("Z")) return Instant.parse(s);
            if (s.matches(".*[+-]\\d\\d:?\\d\\d$")) return OffsetDateTime.parse(s).toInstant();
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC); // spine-core writes UTC
        } catch (DateTimeParseException e) {
            throw new BadRow(column + " is not an ISO 8601 time: " + v);
        }
    }

    static JsonNode json(Map<String, Object> row, String column) throws BadRow {
        Object v = row.get(column);
        if (v == null || v.toString().isBlank()) return JSON.createObjectNode();
        if (v.toString().length() > MAX_JSON) {
            throw new BadRow(column + " is " + String.format("%,d", v.toString().length()) + " characters of JSON; at most "
                    + String.format("%,d", MAX_JSON) + " are read");
        }
        try {
            return JSON.readTree(v.toString());
        } catch (IOException e) {
            throw new BadRow(column + " is not JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /** A JSON object column as params (strings, numbers and booleans kept as such). */
    static Map<String, Object> params(Map<String, Object> row, String column) throws BadRow {
        JsonNode n = json(row, column);
        if (!n.isObject()) throw new BadRow(column + " is not a JSON object");
        Map<String, Object> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNumber() ? e.getValue().numberValue()
                : e.getValue().isBoolean() ? e.getValue().booleanValue() : e.getValue().asText()));
        return out;
    }

    /**
     * {@code {"week_ending": "2026-10-16", "tier": "OTC"}} — spine-core spells it with or without
     * spaces and key order varies, so it is read by meaning. Some rows are keyed by week alone
     * ({@code tier} null): the caller decides which tiers such a row covers.
     */
    record Partition(LocalDate week, String tier) {}

    static Partition partition(Map<String, Object> row, String column) throws BadRow {
        Partition p = partitionOrNull(row, column);
        if (p == null) throw new BadRow(column + " is empty");
        if (p.tier() == null) throw new BadRow(column + " lacks a tier");
        return p;
    }

    /** A partition key that may lack its tier, or be absent (null). */
    static Partition partitionOrNull(Map<String, Object> row, String column) throws BadRow {
        Object v = row.get(column);
        if (v == null || v.toString().isBlank()) return null;
        JsonNode n = json(row, column);
        String week = n.path("week_ending").asText(null);
        String tier = n.path("tier").asText(null);
        if (week == null) throw new BadRow(column + " lacks week_ending");
        try {
            return new Partition(LocalDate.parse(week), tier == null || tier.isBlank() ? null : tier);
        } catch (DateTimeParseException e) {
            throw new BadRow(column + ": week_ending " + week + " is not a date");
        }
    }

    /** Kinds spine-core 0.4.0 may prefix a name with ({@code operation:finra.otc_transparency.ingest_week}). */
    private static final Pattern KIND = Pattern.compile("^(operation|workflow|task|step|pipeline):");

    /** A work name as the console shows it: without spine-core's kind prefix. */
    static String workName(String raw) {
        return KIND.matcher(raw.trim()).replaceFirst("");
    }

    /**
     * Whether two spellings name the same work: spine-core writes short names in some tables
     * ({@code ingest_week}) and qualified ones in others ({@code finra.otc_transparency.ingest_week}).
     */
    static boolean sameWork(String a, String b) {
        if (a == null || b == null) return false;
        String x = workName(a);
        String y = workName(b);
        return x.equals(y) || x.endsWith("." + y) || y.endsWith("." + x);
    }
}
