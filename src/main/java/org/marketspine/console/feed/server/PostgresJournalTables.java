package org.marketspine.console.feed.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQL of a shared journal's two tables — {@code spine_feed_events} (one row per journaled
 * item) and {@code spine_feed_meta} (feed id, feed key, the leader's source status) — and of the
 * write lock every append takes. In the connection's current schema.
 */
final class PostgresJournalTables {
    /** The advisory lock's second key: the first is the lock space, one per schema. */
    private static final int WRITE_LOCK = 1;

    private PostgresJournalTables() {}

    /** The first advisory-lock key of this schema's journal: journals in different schemas do not contend. */
    static int lockSpace(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT hashtext(current_schema() || '.spine_feed_events') & 2147483647")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS spine_feed_events (seq BIGINT PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL,"
                    + " item TEXT NOT NULL, chain TEXT NOT NULL, origin TEXT NOT NULL, written_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            s.execute("CREATE TABLE IF NOT EXISTS spine_feed_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        }
    }

    /** Whether the journal was ever made here (read-only callers must not create it). */
    static boolean exist(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT to_regclass('spine_feed_meta') IS NOT NULL")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Held until the transaction ends: the one writer of the next seq and chain value. */
    static void lockForWrite(Connection c, int lockSpace) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            ps.setInt(1, lockSpace);
            ps.setInt(2, WRITE_LOCK);
            ps.execute();
        }
    }

    static String readMeta(Connection c, String key) throws SQLException {
        return Sql.oneString(c, "SELECT value FROM spine_feed_meta WHERE key = ?", key);
    }

    static void writeMeta(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO spine_feed_meta(key, value) VALUES (?, ?) "
                + "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }
}
