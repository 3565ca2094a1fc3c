package org.marketspine.console.feed.source;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.marketspine.console.feed.FeedRefusal;
import org.marketspine.console.feed.source.SpineRows.BadRow;
import org.marketspine.console.model.Execution;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Command;

/**
 * What accepted commands write into spine-core's tables, the way spine-core itself does it (see
 * docs/connect-market-spine.md): a retry is a new {@code pending} execution — what spine-core's
 * worker claims — with {@code trigger_source = 'retry'} and {@code parent_execution_id}, plus the
 * {@code created} and {@code retried} events; a backfill is one pending execution per week in the
 * {@code backfill} lane; certify/block update {@code core_data_readiness}, resolve
 * {@code core_anomalies}, each bound with the column's own type. Before queuing, the database
 * itself is asked whether the partition already has work queued or running — whoever queued it.
 * Each command runs in one transaction: all of it is written or none.
 */
final class SpineDatabaseWrites {
    private static final Logger LOG = Logger.getLogger(SpineDatabaseWrites.class.getName());

    /** The source's connection (opened, or reopened, on demand). */
    interface Db {
        Connection get() throws SQLException;
    }

    private final Db db;
    private final Supplier<SpineSchema> schema;
    private final Clock clock;

    SpineDatabaseWrites(Db db, Supplier<SpineSchema> schema, Clock clock) {
        this.db = db;
        this.schema = schema;
        this.clock = clock;
    }

    /** spine-core's own spelling (Python's json.dumps with sorted keys): {@code {"tier": "OTC", "week_ending": "2026-10-16"}}. */
    static String partitionJson(LocalDate week, String tier) {
        ObjectNode p = Codec.mapper().createObjectNode();
        p.put("tier", tier);
        p.put("week_ending", week == null ? null : week.toString());
        return "{\"tier\": " + p.get("tier") + ", \"week_ending\": " + p.get("week_ending") + "}";
    }

    private SpineSchema schema() throws FeedRefusal {
        SpineSchema s = schema.get();
        if (s == null) throw new FeedRefusal("unavailable", "the spine-core database has not been read yet; try again in a moment");
        return s;
    }

    /** Runs {@code work} in one transaction; a failure rolls all of it back. */
    private <T> T transaction(SqlWork<T> work) throws SQLException, FeedRefusal {
        Connection c = db.get();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T out = work.run(c);
            c.commit();
            return out;
        } catch (SQLException | FeedRefusal | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException, FeedRefusal;
    }

    // ---- already queued (R4/R13): decided from the database's state, whoever queued the work ----

    /** What already holds this partition — a pending/queued/running execution or an open work item — or null. */
    String queuedWork(Connection c, SpineSchema s, String pipeline, String tier, LocalDate week) throws SQLException {
        if (s.has("core_executions")) {
            try (PreparedStatement st = c.prepareStatement("SELECT id, " + s.name("core_executions", "pipeline") + ", params, status"
                    + " FROM core_executions WHERE lower(status) IN ('pending', 'queued', 'running')"); ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    if (!SpineRows.sameWork(r.getString(2), pipeline)) continue;
                    if (samePartition(r.getString(3), tier, week)) return "execution " + r.getString(1) + " (" + r.getString(4) + ")";
                }
            }
        }
        if (s.has("core_work_items")) {
            try (PreparedStatement st = c.prepareStatement("SELECT id, " + s.name("core_work_items", "pipeline") + ", partition_key, state, domain"
                    + " FROM core_work_items WHERE upper(state) IN ('PENDING', 'RUNNING', 'RETRY_WAIT')"); ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    // Work items carry short names beside their domain: ingest_week of another domain is other work.
                    String name = SpineRows.workName(r.getString(2));
                    if (!SpineRows.sameWork(name.contains(".") ? name : r.getString(5) + "." + name, pipeline)) continue;
                    if (samePartition(r.getString(3), tier, week)) return "spine-core work item " + r.getLong(1) + " (" + r.getString(4) + ")";
                }
            }
        }
        return null;
    }

    private static boolean samePartition(String json, String tier, LocalDate week) {
        return samePartition(json, tier, week, false);
    }

    /** {@code exactTier}: a row keyed by week alone covers every tier, so a decision about one tier must not write it. */
    private static boolean samePartition(String json, String tier, LocalDate week, boolean exactTier) {
        try {
            SpineRows.Partition p = SpineRows.partitionOrNull(Collections.singletonMap("k", json), "k");
            if (exactTier) return p != null && p.week().equals(week) && Objects.equals(p.tier(), tier);
            return p != null && p.week().equals(week) && (p.tier() == null || tier == null || p.tier().equals(tier));
        } catch (BadRow e) {
            return false; // a key that is not a partition cannot hold this one
        }
    }

    private static void refuseIfQueued(String holder, String pipeline, String tier, LocalDate week) throws FeedRefusal {
        if (holder != null) {
            throw new FeedRefusal("already_running", pipeline + " for " + tier + " week ending " + week + " is already queued or running in"
                    + " spine-core as " + holder + "; wait for it to finish");
        }
    }

    // ---- retry ----

    /** The row a retry copies: the execution itself, or what a dead letter / workflow run recorded of it. */
    private record Original(String workflow, String params, String lane, String logicalKey, String parent, int retries) {}

    ObjectNode retry(Execution x, String user, String reason) throws SQLException, FeedRefusal {
        SpineSchema s = schema();
        String id = x.executionId();
        if (id.startsWith(SpineRuns.WORK_ITEM)) return retryWorkItem(s, x, user);
        if (!s.has("core_executions")) {
            throw new FeedRefusal("unsupported", "this database has no core_executions table for spine-core's worker to run a retry from");
        }
        return transaction(c -> {
            refuseIfQueued(queuedWork(c, s, x.pipeline(), x.tier(), x.weekEnding()), x.pipeline(), x.tier(), x.weekEnding());
            Original o = original(c, s, x);
            String newId = UUID.randomUUID().toString();
            Instant now = Instant.now(clock);
            insertExecution(c, s, newId, o, "retry", o.lane(), now);
            ObjectNode created = Codec.mapper().createObjectNode().put("workflow", o.workflow()).put("requested_by", user);
            if (reason != null) created.put("reason", reason);
            if (o.parent() != null) created.put("retry_of", o.parent());
            event(c, s, newId, "created", now, created);
            if (o.parent() != null && !id.startsWith(SpineRuns.DEAD_LETTER)) {
                event(c, s, o.parent(), "retried", now, Codec.mapper().createObjectNode().put("new_run_id", newId));
            }
            LOG.info("queued a retry of " + id + " as pending execution " + newId + " for " + user);
            ObjectNode data = Codec.mapper().createObjectNode();
            data.putArray("execution_ids").add(newId);
            return data;
        });
    }

    private Original original(Connection c, SpineSchema s, Execution x) throws SQLException, FeedRefusal {
        String id = x.executionId();
        String paramsJson = Codec.mapper().valueToTree(x.params()).toString();
        if (id.startsWith(SpineRuns.DEAD_LETTER) && s.has("core_dead_letters")) {
            try (PreparedStatement st = c.prepareStatement("SELECT " + s.name("core_dead_letters", "pipeline")
                    + ", params, execution_id, retry_count FROM core_dead_letters WHERE id = ?")) {
                st.setString(1, id.substring(SpineRuns.DEAD_LETTER.length()));
                try (ResultSet r = st.executeQuery()) {
                    if (r.next()) return new Original(r.getString(1), Objects.requireNonNullElse(r.getString(2), "{}"), "normal", null,
                            r.getString(3), r.getInt(4) + 1);
                }
            }
        } else if (!id.startsWith(SpineRuns.WORKFLOW_RUN)) {
            boolean hasLane = s.hasColumn("core_executions", "lane");
            boolean hasKey = s.hasColumn("core_executions", "logical_key");
            boolean hasCount = s.hasColumn("core_executions", "retry_count");
            try (PreparedStatement st = c.prepareStatement("SELECT " + s.name("core_executions", "pipeline") + ", params"
                    + (hasLane ? ", lane" : "") + (hasKey ? ", logical_key" : "") + (hasCount ? ", retry_count" : "")
                    + " FROM core_executions WHERE id = ?")) {
                st.setString(1, id);
                try (ResultSet r = st.executeQuery()) {
                    if (r.next()) {
                        int col = 3;
                        String lane = hasLane ? r.getString(col++) : null;
                        String key = hasKey ? r.getString(col++) : null;
                        int count = hasCount ? r.getInt(col) : 0;
                        return new Original(r.getString(1), Objects.requireNonNullElse(r.getString(2), "{}"),
                                lane == null || lane.equals("backfill") ? "normal" : lane, key, id, count + 1);
                    }
                }
            }
            throw new FeedRefusal("not_found", "execution " + id + " is no longer in core_executions");
        }
        // A workflow run (or a dead letter whose row is gone): what the journal knows of it.
        return new Original(x.pipeline(), paramsJson, "normal", null, null, 1);
    }

    private void insertExecution(Connection c, SpineSchema s, String id, Original o, String trigger, String lane, Instant now)
            throws SQLException {
        SpineBind bind = new SpineBind(s);
        List<String> cols = new ArrayList<>(List.of("id", s.name("core_executions", "pipeline"), "params", "status", "trigger_source", "created_at"));
        if (s.hasColumn("core_executions", "lane")) cols.add("lane");
        if (s.hasColumn("core_executions", "logical_key")) cols.add("logical_key");
        if (s.hasColumn("core_executions", "parent_execution_id")) cols.add("parent_execution_id");
        if (s.hasColumn("core_executions", "retry_count")) cols.add("retry_count");
        String sql = "INSERT INTO core_executions (" + String.join(", ", cols) + ") VALUES (" + "?, ".repeat(cols.size() - 1) + "?)";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, id);
            st.setString(2, o.workflow());
            bind.json(st, 3, "core_executions", "params", o.params());
            st.setString(4, "pending");
            st.setString(5, trigger);
            bind.time(st, 6, "core_executions", "created_at", now);
            for (int i = 6; i < cols.size(); i++) {
                switch (cols.get(i)) {
                    case "lane" -> st.setString(i + 1, lane);
                    case "logical_key" -> st.setString(i + 1, o.logicalKey());
                    case "parent_execution_id" -> st.setString(i + 1, o.parent());
                    case "retry_count" -> st.setInt(i + 1, trigger.equals("retry") ? o.retries() : 0);
                    default -> throw new IllegalStateException(cols.get(i));
                }
            }
            st.executeUpdate();
        }
    }

    /** An entry in core_execution_events, where the database has that table (0.4.0). */
    private void event(Connection c, SpineSchema s, String executionId, String type, Instant at, ObjectNode data) throws SQLException {
        if (!s.has("core_execution_events")) return;
        SpineBind bind = new SpineBind(s);
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO core_execution_events (id, execution_id, event_type, timestamp, data) VALUES (?, ?, ?, ?, ?)")) {
            st.setString(1, UUID.randomUUID().toString());
            st.setString(2, executionId);
            st.setString(3, type);
            bind.time(st, 4, "core_execution_events", "timestamp", at);
            bind.json(st, 5, "core_execution_events", "data", data.toString());
            st.executeUpdate();
        }
    }

    /** A failed work item goes back to PENDING in place (its unique key forbids a second row). */
    private ObjectNode retryWorkItem(SpineSchema s, Execution x, String user) throws SQLException, FeedRefusal {
        return transaction(c -> {
            refuseIfQueued(queuedWork(c, s, x.pipeline(), x.tier(), x.weekEnding()), x.pipeline(), x.tier(), x.weekEnding());
            String life = x.executionId().substring(SpineRuns.WORK_ITEM.length());
            long item = Long.parseLong(life.contains(".") ? life.substring(0, life.indexOf('.')) : life);
            SpineBind bind = new SpineBind(s);
            try (PreparedStatement st = c.prepareStatement("UPDATE core_work_items SET state = 'PENDING', attempt_count = 0, updated_at = ?"
                    + " WHERE id = ? AND upper(state) IN ('FAILED', 'CANCELLED', 'COMPLETE')")) {
                bind.time(st, 1, "core_work_items", "updated_at", Instant.now(clock));
                st.setLong(2, item);
                if (st.executeUpdate() == 0) {
                    throw new FeedRefusal("not_found", "spine-core work item " + item + " is no longer in core_work_items as ended work");
                }
            }
            LOG.info("moved spine-core work item " + item + " back to PENDING for " + user);
            ObjectNode data = Codec.mapper().createObjectNode();
            data.putArray("execution_ids"); // the work item itself runs again: it appears as its next life, wi-<id>.<n>
            data.putArray("work_items").add(item);
            return data;
        });
    }

    // ---- backfill ----

    ObjectNode backfill(Command.Backfill cmd, String user) throws SQLException, FeedRefusal {
        SpineSchema s = schema();
        if (!s.has("core_executions")) {
            throw new FeedRefusal("unsupported", "this database has no core_executions table for spine-core's worker to run a backfill from");
        }
        return transaction(c -> {
            List<LocalDate> weeks = new ArrayList<>();
            for (LocalDate w = cmd.fromWeek(); !w.isAfter(cmd.toWeek()); w = w.plusWeeks(1)) {
                refuseIfQueued(queuedWork(c, s, cmd.pipeline(), cmd.tier(), w), cmd.pipeline(), cmd.tier(), w);
                weeks.add(w);
            }
            String workflow = spelling(c, s, cmd.pipeline());
            Instant now = Instant.now(clock);
            ObjectNode data = Codec.mapper().createObjectNode();
            ArrayNode ids = data.putArray("execution_ids");
            for (LocalDate w : weeks) {
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("week_ending", w.toString());
                params.put("tier", cmd.tier());
                String id = UUID.randomUUID().toString();
                // spine-core's trigger enum has no 'backfill': its backfills are 'api' runs in the backfill lane.
                insertExecution(c, s, id, new Original(workflow, Codec.mapper().valueToTree(params).toString(), "backfill", null, null, 0),
                        "api", "backfill", now);
                ObjectNode created = Codec.mapper().createObjectNode().put("workflow", workflow).put("requested_by", user).put("backfill", true);
                if (cmd.reason() != null) created.put("reason", cmd.reason());
                event(c, s, id, "created", now, created);
                ids.add(id);
            }
            LOG.info("queued a backfill of " + cmd.pipeline() + " " + cmd.tier() + " " + cmd.fromWeek() + ".." + cmd.toWeek() + " ("
                    + weeks.size() + " pending executions) for " + user);
            return data;
        });
    }

    /** The name spine-core's own rows give this pipeline (kind prefix and all), so its worker resolves the same handler. */
    private static String spelling(Connection c, SpineSchema s, String pipeline) throws SQLException {
        String col = s.name("core_executions", "pipeline");
        try (PreparedStatement st = c.prepareStatement("SELECT " + col + " FROM core_executions ORDER BY created_at DESC");
             ResultSet r = st.executeQuery()) {
            while (r.next()) if (SpineRows.sameWork(r.getString(1), pipeline)) return r.getString(1);
        }
        return pipeline;
    }

    // ---- certify / block / resolve ----

    void readiness(Command.Readiness c, String user) throws SQLException, FeedRefusal {
        SpineSchema s = schema();
        if (!s.has("core_data_readiness")) throw new FeedRefusal("unsupported", "this database has no core_data_readiness table");
        String domain = c.dataset().contains(".") ? c.dataset().substring(0, c.dataset().lastIndexOf('.')) : c.dataset();
        boolean certify = c instanceof Command.Certify;
        String blocking = certify ? "[]" : Codec.mapper().createArrayNode().add(c.reason() == null ? "blocked by " + user : c.reason()).toString();
        SpineBind bind = new SpineBind(s);
        transaction(conn -> {
            // partition_key is JSON text in spine-core's own spelling: find the rows by meaning, update them by their exact text.
            List<String> existing = new ArrayList<>();
            try (PreparedStatement st = conn.prepareStatement("SELECT partition_key FROM core_data_readiness WHERE domain = ?")) {
                st.setString(1, domain);
                try (ResultSet r = st.executeQuery()) {
                    while (r.next()) {
                        String key = r.getString(1);
                        if (samePartition(key, c.tier(), c.weekEnding(), true) && !existing.contains(key)) existing.add(key);
                    }
                }
            }
            Instant now = Instant.now(clock);
            if (existing.isEmpty()) existing.add(null);
            for (String key : existing) {
                String sql = key != null
                        ? "UPDATE core_data_readiness SET is_ready = ?, blocking_issues = ?, certified_at = ?, certified_by = ?, updated_at = ?"
                                + " WHERE domain = ? AND partition_key = ?"
                        : "INSERT INTO core_data_readiness (is_ready, blocking_issues, certified_at, certified_by, updated_at, domain, partition_key)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
                try (PreparedStatement st = conn.prepareStatement(sql)) {
                    bind.flag(st, 1, "core_data_readiness", "is_ready", certify);
                    bind.json(st, 2, "core_data_readiness", "blocking_issues", blocking);
                    bind.time(st, 3, "core_data_readiness", "certified_at", certify ? now : null);
                    st.setString(4, user);
                    bind.time(st, 5, "core_data_readiness", "updated_at", now);
                    st.setString(6, domain);
                    st.setString(7, key != null ? key : partitionJson(c.weekEnding(), c.tier()));
                    st.executeUpdate();
                }
            }
            return null;
        });
    }
}
