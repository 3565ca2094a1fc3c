package org.marketspine.console.feed.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The leadership of a shared journal: a session advisory lock held on a connection of its own,
 * which PostgreSQL frees when that session ends. Kept apart from the store's other connections and
 * with its own monitor: a long write (a platform's history) must not hold up the liveness check.
 */
final class PostgresLeaderLock implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PostgresLeaderLock.class.getName());
    /** The second key of the lock (the first is the journal's lock space); the write lock is 1. */
    static final int KEY = 2;

    private final String url;
    private final Properties login;
    private final int lockSpace;
    private final String described;
    private final Object monitor = new Object();
    private Connection session;
    private volatile boolean leading;
    /** The backend of {@link #session}: a leader's write checks that this backend still holds the lock. */
    private int backend;

    /**
     * PostgreSQL frees the lock when it sees the session gone: at once after a crash of the process,
     * but after a lost machine or network only when TCP says so — keepalives make that about 11 s
     * instead of the kernel's two hours.
     */
    PostgresLeaderLock(String url, Properties credentials, int lockSpace, String described) {
        this.url = url;
        this.login = new Properties();
        login.putAll(credentials);
        login.setProperty("tcpKeepAlive", "true");
        login.setProperty("options", "-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3");
        this.lockSpace = lockSpace;
        this.described = described;
    }

    /** Takes the lock if nobody holds it; true while this server holds it. */
    boolean tryLead() throws SQLException {
        synchronized (monitor) {
            if (leading) return true;
            try {
                if (session == null || session.isClosed()) session = DriverManager.getConnection(url, login);
                try (PreparedStatement ps = session.prepareStatement("SELECT pg_try_advisory_lock(?, ?), pg_backend_pid()")) {
                    ps.setInt(1, lockSpace);
                    ps.setInt(2, KEY);
                    try (ResultSet rs = ps.executeQuery()) {
                        leading = rs.next() && rs.getBoolean(1);
                        if (leading) backend = rs.getInt(2);
                    }
                }
            } catch (SQLException e) {
                session = PostgresJournalStore.closeQuietly(session);
                throw e;
            }
            return leading;
        }
    }

    /** Whether this server still holds the lock it took (its session still answers). */
    boolean stillLeading() {
        synchronized (monitor) {
            if (!leading) return false;
            try {
                if (session.isValid(5)) return true;
            } catch (SQLException e) {
                LOG.warning("journal " + described + ": the leader's connection failed: " + e.getMessage());
            }
            release(); // the session lock went with the connection: another server may hold it now
            return false;
        }
    }

    /** Gives the lock up: the session lock goes with the session. */
    void release() {
        synchronized (monitor) {
            leading = false;
            session = PostgresJournalStore.closeQuietly(session);
        }
    }

    /**
     * Asked on {@code c}: whether the lock is held now — by any server, or with {@code mine} only by
     * this server's own session (false at once when this server has not taken it).
     */
    boolean held(Connection c, boolean mine) throws SQLException {
        int by;
        synchronized (monitor) {
            if (mine && !leading) return false;
            by = backend;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 2" + (mine ? " AND pid = ?" : "") + ")")) {
            ps.setLong(1, lockSpace);
            ps.setLong(2, KEY);
            if (mine) ps.setInt(3, by);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    @Override
    public void close() {
        release();
    }
}
