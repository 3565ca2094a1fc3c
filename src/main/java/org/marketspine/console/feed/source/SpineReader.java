package org.marketspine.console.feed.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads only what changed in spine-core's tables since the last poll, per table (see
 * docs/connect-market-spine.md, "How it polls"): rows whose write times (created/updated/
 * started/completed…) reach back to {@link #OVERLAP} before the newest time seen (or now, if that is later), rows that were still open
 * (pending, running…) last time, and on SQLite rows past the highest {@code rowid} seen. Small
 * declaration tables are read whole. Every {@link #VERIFY_EVERY}th poll checks a table's
 * {@code count(*)} against the rows it has seen: a table rebuilt, rows deleted, or rows written with times before the cursor (a clock
 * that went backwards) make the counts disagree, and that table is read whole again.
 */
final class SpineReader {
    private static final Logger LOG = Logger.getLogger(SpineReader.class.getName());
    /** How far before the newest time seen each poll reaches back: writers' clocks differ a little. */
    static final Duration OVERLAP = Duration.ofMinutes(5);
    /** Space-spelled: ' ' sorts before 'T', so this is at or before both spellings of the same minute (and of every later one). */
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int CHUNK = 500;

    /** Tables read only to answer a request (logs), never polled: a log table grows by lines per run, for years. */
    static final Set<String> ON_REQUEST = Set.of("core_execution_logs");

    /** True once since it was last asked: a table was read whole because its count no longer matched (memory built from it is stale). */
    private boolean reread;

    boolean rereadWhole() {
        boolean was = reread;
        reread = false;
        return was;
    }

    /** How a table is followed: its key, the times a write moves, and which rows are still open. */
    record Plan(String table, List<String> key, List<String> times, String statusColumn, Set<String> open) {}

    static final Map<String, Plan> PLANS = Stream.of(
            // A run's later writes (started, ended) are to a row that was open: re-read by key, so only its creation is followed by time.
            new Plan("core_executions", List.of("id"), List.of("created_at"), "status", Set.of("pending", "queued", "running")),
            new Plan("core_workflow_runs", List.of("run_id"), List.of("created_at", "started_at"), "status",
                    Set.of("pending", "queued", "running")),
            new Plan("core_manifest", List.of("domain", "partition_key", "stage"), List.of("updated_at"), null, Set.of()),
            new Plan("core_source_fetches", List.of("id"), List.of("started_at", "completed_at"), null, Set.of()),
            new Plan("core_anomalies", List.of("id"), List.of("detected_at", "resolved_at", "created_at"), null, Set.of()),
            new Plan("core_data_readiness", List.of("domain", "partition_key", "ready_for"), List.of("updated_at", "certified_at"), null, Set.of()),
            new Plan("core_work_items", List.of("id"), List.of("updated_at", "created_at", "completed_at"), "state",
                    Set.of("pending", "running", "retry_wait")),
            new Plan("core_execution_events", List.of("id"), List.of("timestamp"), null, Set.of()),
            new Plan("core_dead_letters", List.of("id"), List.of("created_at", "resolved_at", "last_retry_at"), null, Set.of()),
            new Plan("core_schedule_runs", List.of("id"), List.of("created_at", "scheduled_at", "started_at", "completed_at"), "status",
                    Set.of("pending", "running"))).collect(Collectors.toUnmodifiableMap(Plan::table, p -> p));

    /** What has been seen of one table. */
    private static final class Cursor {
        /** Key → a fingerprint of the row as last read: a row read again unchanged is not handed on. */
        final Map<String, Integer> seen = new HashMap<>();
        final Set<String> open = new HashSet<>();
        Instant newest;
        long rowid = -1;
    }

    /** Every how many polls the row counts are checked (cheap, but not free on PostgreSQL). */
    static final int VERIFY_EVERY = 5;
    private final Map<String, Cursor> cursors = new HashMap<>();
    private final Map<String, List<Map<String, Object>>> declarations = new HashMap<>();
    private long polls;
    private final Clock clock;

    /** {@code clock}: now, beyond which no cursor moves (a writer whose clock runs ahead must not hide the others' rows). */
    SpineReader(Clock clock) {
        this.clock = clock;
    }

    /** Forgets every cursor: the next read is whole (a reconnect, a changed schema). */
    void reset() {
        cursors.clear();
        declarations.clear();
    }

    /** The rows of each table new or changed since the last call (all of them the first time). */
    Map<String, List<Map<String, Object>>> read(Connection c, SpineSchema schema, BiConsumer<String, Integer> progress)
            throws SQLException {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        polls++;
        for (String t : schema.tables()) {
            if (ON_REQUEST.contains(t)) continue;
            progress.accept(t, out.size());
            Plan plan = PLANS.get(t);
            if (plan == null || !schema.columns(t).keySet().containsAll(plan.key())) {
                // Declarations: small, read whole — on the polls that verify counts; in between, as last read.
                if (polls % VERIFY_EVERY == 1 || !declarations.containsKey(t)) declarations.put(t, SpineTables.read(c, schema, t, "", List.of()));
                out.put(t, new ArrayList<>(declarations.get(t)));
                continue;
            }
            out.put(t, changed(c, schema, plan));
        }
        return out;
    }

    private List<Map<String, Object>> changed(Connection c, SpineSchema schema, Plan plan) throws SQLException {
        String t = plan.table();
        Cursor cur = cursors.get(t);
        if (cur != null && cur.seen.isEmpty()) cur = null; // an empty table is read whole: nothing to follow yet, and it costs nothing
        if (cur != null) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> r : incremental(c, schema, plan, cur)) if (remember(plan, cur, r)) rows.add(r);
            if (polls % VERIFY_EVERY != 0 || count(c, t) == cur.seen.size()) return rows;
            LOG.info(t + " no longer matches what was read of it (rows deleted, the table rebuilt, or rows written with earlier"
                    + " times): reading it whole");
            reread = true;
        }
        cur = new Cursor();
        cursors.put(t, cur);
        List<Map<String, Object>> rows = SpineTables.read(c, schema, t, "", List.of());
        for (Map<String, Object> r : rows) remember(plan, cur, r);
        return rows;
    }

    /**
     * One query per predicate (each can use its index; an OR of them makes SQLite scan the table),
     * merged by key.
     */
    private List<Map<String, Object>> incremental(Connection c, SpineSchema schema, Plan plan, Cursor cur) throws SQLException {
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        if (cur.newest != null) {
            // Never from beyond now: rows written later with true times would be older than a future-dated one already seen.
            Instant now = clock.instant();
            Instant upTo = cur.newest.isAfter(now) ? now : cur.newest;
            var utc = upTo.minus(OVERLAP).atOffset(ZoneOffset.UTC);
            for (String col : plan.times()) {
                SpineSchema.Column column = schema.column(plan.table(), col);
                if (column == null) continue;
                // Typed: a timestamp. Text: the minute spelled with a space, which sorts at or before every spelling of a later
                // time ("2026-10-19 14:00:01" and "2026-10-19T14:00:01+00:00" alike); same-day 'T' rows are read again and
                // dropped unchanged by their fingerprint.
                Object from = column.isTimestamp() ? utc.toLocalDateTime() : MINUTE.format(utc);
                for (Map<String, Object> r : SpineTables.read(c, schema, plan.table(), " WHERE " + col + " >= ?", List.of(from))) {
                    byKey.putIfAbsent(key(plan, r), r);
                }
            }
        }
        if (schema.sqlite()) {
            for (Map<String, Object> r : SpineTables.read(c, schema, plan.table(), " WHERE rowid > ?", List.of(cur.rowid))) {
                byKey.putIfAbsent(key(plan, r), r);
            }
        }
        // Rows open last time may have ended without moving a time column (a status update alone).
        if (!cur.open.isEmpty() && plan.key().size() == 1) {
            List<String> open = new ArrayList<>(cur.open);
            int type = schema.column(plan.table(), plan.key().getFirst()).jdbcType();
            boolean integer = type == Types.INTEGER || type == Types.BIGINT || type == Types.SMALLINT;
            for (int i = 0; i < open.size(); i += CHUNK) {
                List<String> part = open.subList(i, Math.min(open.size(), i + CHUNK));
                List<Object> ids = new ArrayList<>();
                for (String k : part) ids.add(integer ? (Object) Long.valueOf(k) : k);
                for (Map<String, Object> r : SpineTables.read(c, schema, plan.table(),
                        " WHERE " + plan.key().getFirst() + " IN (" + "?, ".repeat(part.size() - 1) + "?)", ids)) {
                    byKey.putIfAbsent(key(plan, r), r);
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /** Records a row read; true when it is new or changed since it was last read. */
    private boolean remember(Plan plan, Cursor cur, Map<String, Object> r) {
        String k = key(plan, r);
        Object rowid = r.remove(SpineTables.ROWID);
        int fingerprint = r.hashCode();
        Integer before = cur.seen.put(k, fingerprint);
        if (rowid instanceof Number n && n.longValue() > cur.rowid) cur.rowid = n.longValue();
        Object status = plan.statusColumn() == null ? null : r.get(plan.statusColumn());
        if (status != null && plan.open().contains(status.toString().toLowerCase(Locale.ROOT))) cur.open.add(k);
        else cur.open.remove(k);
        for (String col : plan.times()) {
            try {
                Instant at = SpineRows.optionalTime(r, col);
                if (at != null && (cur.newest == null || at.isAfter(cur.newest))) cur.newest = at;
            } catch (SpineRows.BadRow e) {
                // A time the translators will skip the row for (and say why); it moves no cursor.
            }
        }
        return before == null || before != fingerprint;
    }

    private static String key(Plan plan, Map<String, Object> r) {
        if (plan.key().size() == 1) return String.valueOf(r.get(plan.key().getFirst()));
        StringBuilder b = new StringBuilder();
        for (String k : plan.key()) b.append(r.get(k)).append('\u0001');
        return b.toString();
    }

    private static long count(Connection c, String table) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM " + table); ResultSet r = st.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }
}
