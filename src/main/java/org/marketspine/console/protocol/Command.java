package org.marketspine.console.protocol;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command as the console, the codec and the server's rules see it: one type per op, each with
 * exactly the fields its op takes. On the wire it is the flat {@link Message.Command} frame of
 * the protocol; {@link #of} reads one (refusing missing fields by code), {@link #toWire} writes one.
 */
public sealed interface Command {
    /** The protocol's op name. */
    String op();

    /** Why the operator sent it (for acknowledge: the note); may be null. */
    String reason();

    record Retry(String executionId, String reason) implements Command {
        public String op() { return "retry"; }
    }

    record Cancel(String executionId, String reason) implements Command {
        public String op() { return "cancel"; }
    }

    record Backfill(String pipeline, String tier, LocalDate fromWeek, LocalDate toWeek, String reason) implements Command {
        public String op() { return "backfill"; }
    }

    /** Certify or block: one partition's readiness, set by a person. */
    sealed interface Readiness extends Command permits Certify, Block {
        String dataset();

        String tier();

        LocalDate weekEnding();
    }

    record Certify(String dataset, String tier, LocalDate weekEnding, String reason) implements Readiness {
        public String op() { return "certify"; }
    }

    record Block(String dataset, String tier, LocalDate weekEnding, String reason) implements Readiness {
        public String op() { return "block"; }
    }

    record Acknowledge(String anomalyId, String note) implements Command {
        public String op() { return "acknowledge"; }

        public String reason() { return note; }
    }

    /** A command frame that cannot be carried out as sent: {@code code} is the protocol's error code. */
    final class Malformed extends CodedException {
        Malformed(String code, String message) {
            super(code, message);
        }
    }

    /** The longest reason or note a command may carry: a person's words, not a file. */
    int MAX_REASON = 2_000;
    /** The longest op, id or name a command may carry (the platform's own are a few dozen characters). */
    int MAX_NAME = 200;

    /**
     * The typed command of a frame; refuses an op the protocol does not have, a missing required
     * field and an overlong one (every command is journaled and replayed to every client: one
     * client's megabyte of reason must not become everyone's).
     */
    static Command of(Message.Command c) throws Malformed {
        checkLengths(c);
        return switch (c.op()) {
            case "retry" -> new Retry(required(c.executionId(), "execution_id"), c.reason());
            case "cancel" -> new Cancel(required(c.executionId(), "execution_id"), c.reason());
            // The backfill plan names what is missing or wrong with its range (not_found, invalid_range): not checked here.
            case "backfill" -> new Backfill(c.pipeline(), c.tier(), c.fromWeek(), c.toWeek(), c.reason());
            case "certify" -> new Certify(partition(c.dataset(), c.tier(), c.weekEnding()), c.tier(), c.weekEnding(), c.reason());
            case "block" -> new Block(partition(c.dataset(), c.tier(), c.weekEnding()), c.tier(), c.weekEnding(), c.reason());
            case "acknowledge" -> new Acknowledge(required(c.anomalyId(), "anomaly_id"), c.note());
            default -> throw new Malformed("unsupported", "this feed does not offer the command '" + clipped(c.op(), MAX_NAME) + "'");
        };
    }

    private static void checkLengths(Message.Command c) throws Malformed {
        length(c.op(), "op", MAX_NAME);
        length(c.executionId(), "execution_id", MAX_NAME);
        length(c.pipeline(), "pipeline", MAX_NAME);
        length(c.tier(), "tier", MAX_NAME);
        length(c.dataset(), "dataset", MAX_NAME);
        length(c.anomalyId(), "anomaly_id", MAX_NAME);
        length(c.reason(), "reason", MAX_REASON);
        length(c.note(), "note", MAX_REASON);
    }

    private static void length(String value, String field, int max) throws Malformed {
        if (value != null && value.length() > max) {
            throw new Malformed("invalid_params", field + " is " + String.format("%,d", value.length()) + " characters long; at most "
                    + String.format("%,d", max));
        }
    }

    /**
     * A text as the journal records it: whole up to {@code max} characters, else its start and how
     * long it was (a refused command is journaled too, and must stay a small event).
     */
    static String clipped(String text, int max) {
        if (text == null || text.length() <= max) return text;
        return text.substring(0, max) + "… (" + String.format("%,d", text.length()) + " characters, clipped)";
    }

    private static <T> T required(T value, String field) throws Malformed {
        if (value == null || value instanceof String s && s.isBlank()) throw new Malformed("invalid_params", field + " is required");
        return value;
    }

    private static String partition(String dataset, String tier, LocalDate week) throws Malformed {
        if (dataset == null || tier == null || week == null) throw new Malformed("invalid_params", "dataset, tier and week_ending are required");
        return dataset;
    }

    /** The protocol frame of this command, with the caller's request id. */
    default Message.Command toWire(String id) {
        return switch (this) {
            case Retry r -> new Message.Command(id, op(), r.executionId(), r.reason(), null, null, null, null, null, null, null, null);
            case Cancel x -> new Message.Command(id, op(), x.executionId(), x.reason(), null, null, null, null, null, null, null, null);
            case Backfill b -> new Message.Command(id, op(), null, b.reason(), b.pipeline(), b.tier(), b.fromWeek(), b.toWeek(), null, null,
                    null, null);
            case Readiness r -> new Message.Command(id, op(), null, r.reason(), null, r.tier(), null, null, r.dataset(), r.weekEnding(),
                    null, null);
            case Acknowledge a -> new Message.Command(id, op(), null, null, null, null, null, null, null, null, a.anomalyId(), a.note());
        };
    }

    /** A frame's fields, as the audit log shows them (protocol field names, in the frame's order), overlong ones clipped. */
    static Map<String, Object> paramsOf(Message.Command w) {
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, "execution_id", w.executionId());
        put(p, "pipeline", w.pipeline());
        put(p, "tier", w.tier());
        put(p, "from_week", w.fromWeek());
        put(p, "to_week", w.toWeek());
        put(p, "dataset", w.dataset());
        put(p, "week_ending", w.weekEnding());
        put(p, "anomaly_id", w.anomalyId());
        put(p, "reason", w.reason(), MAX_REASON);
        put(p, "note", w.note(), MAX_REASON);
        return p;
    }

    private static void put(Map<String, Object> p, String key, Object value) {
        put(p, key, value, MAX_NAME);
    }

    private static void put(Map<String, Object> p, String key, Object value, int max) {
        if (value != null) p.put(key, clipped(value.toString(), max));
    }
}
