package org.marketspine.console.feed.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.marketspine.console.feed.FeedRefusal;
import org.marketspine.console.feed.source.SpineRows.BadRow;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Message.Command;

/**
 * What accepted commands write into spine-core's tables, the way spine-core itself would: new work
 * as PENDING {@code core_work_items}, decisions in {@code core_data_readiness}, resolutions in
 * {@code core_anomalies}. The source reads the results back at its next poll.
 */
final class SpineDatabaseWrites {
    private static final Logger LOG = Logger.getLogger(SpineDatabaseWrites.class.getName());

    /** The source's connection (opened, or reopened, on demand). */
    interface Db {
        Connection get() throws SQLException;
    }

    private final Db db;
    private final Supplier<Set<String>> tables;
    private final Clock clock;

    SpineDatabaseWrites(Db db, Supplier<Set<String>> tables, Clock clock) {
        this.db = db;
        this.tables = tables;
        this.clock = clock;
    }

    static String partitionJson(LocalDate week, String tier) {
        ObjectNode p = Codec.mapper().createObjectNode();
        p.put("week_ending", week == null ? null : week.toString());
        p.put("tier", tier);
        return p.toString();
    }

    /** An accepted retry or backfill becomes new work the way spine-core queues it: a PENDING work item. */
    long workItem(String pipeline, String tier, LocalDate week, Map<String, Object> params, String user) throws SQLException, FeedRefusal {
        if (!tables.get().contains("core_work_items")) throw new FeedRefusal("unsupported", "this database has no core_work_items table to queue work in");
        String domain = pipeline.contains(".") ? pipeline.substring(0, pipeline.lastIndexOf('.')) : pipeline;
        String now = Instant.now(clock).toString();
        try (PreparedStatement st = db.get().prepareStatement("INSERT INTO core_work_items (domain, pipeline, partition_key, params_json, desired_at, "
                + "priority, state, attempt_count, max_attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 'PENDING', 0, 3, ?, ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, domain);
            st.setString(2, pipeline);
            st.setString(3, partitionJson(week, tier));
            st.setString(4, Codec.mapper().valueToTree(params).toString());
            st.setString(5, now);
            st.setString(6, now);
            st.setString(7, now);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        } finally {
            LOG.info("queued work for " + pipeline + " " + tier + " " + week + " as asked by " + user);
        }
    }

    void readiness(Command c, String user) throws SQLException, FeedRefusal {
        if (!tables.get().contains("core_data_readiness")) throw new FeedRefusal("unsupported", "this database has no core_data_readiness table");
        String domain = c.dataset().contains(".") ? c.dataset().substring(0, c.dataset().lastIndexOf('.')) : c.dataset();
        boolean certify = c.op().equals("certify");
        String blocking = certify ? "[]" : Codec.mapper().createArrayNode().add(c.reason() == null ? "blocked by " + user : c.reason()).toString();
        String now = Instant.now(clock).toString();
        // partition_key is JSON text in spine-core's own spelling: find the row by its meaning, update it by its exact text.
        String existing = null;
        try (PreparedStatement st = db.get().prepareStatement("SELECT partition_key FROM core_data_readiness WHERE domain = ?")) {
            st.setString(1, domain);
            try (ResultSet r = st.executeQuery()) {
                while (r.next() && existing == null) {
                    try {
                        SpineRows.Partition p = SpineRows.partition(Map.of("partition_key", r.getString(1)), "partition_key");
                        if (p.tier().equals(c.tier()) && p.week().equals(c.weekEnding())) existing = r.getString(1);
                    } catch (BadRow e) {
                        // not this row
                    }
                }
            }
        }
        String sql = existing != null
                ? "UPDATE core_data_readiness SET is_ready = ?, blocking_issues = ?, certified_at = ?, certified_by = ?, updated_at = ? WHERE domain = ? AND partition_key = ?"
                : "INSERT INTO core_data_readiness (is_ready, blocking_issues, certified_at, certified_by, updated_at, domain, partition_key) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement st = db.get().prepareStatement(sql)) {
            st.setInt(1, certify ? 1 : 0);
            st.setString(2, blocking);
            st.setString(3, certify ? now : null);
            st.setString(4, user);
            st.setString(5, now);
            st.setString(6, domain);
            st.setString(7, existing != null ? existing : partitionJson(c.weekEnding(), c.tier()));
            st.executeUpdate();
        }
    }

    void resolve(String anomalyId, String user, String note) throws SQLException, FeedRefusal {
        if (anomalyId == null || !anomalyId.startsWith("spine-an-")) throw new FeedRefusal("not_found", "not a spine-core anomaly: " + anomalyId);
        try (PreparedStatement st = db.get().prepareStatement("UPDATE core_anomalies SET resolved_at = ?, resolution_note = ? WHERE id = ?")) {
            st.setString(1, Instant.now(clock).toString());
            st.setString(2, "resolved by " + user + (note == null ? "" : ": " + note));
            st.setString(3, anomalyId.substring("spine-an-".length()));
            if (st.executeUpdate() == 0) throw new FeedRefusal("not_found", "no anomaly " + anomalyId + " in core_anomalies");
        }
    }
}
