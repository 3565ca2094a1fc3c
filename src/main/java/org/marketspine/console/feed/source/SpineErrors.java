package org.marketspine.console.feed.source;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.marketspine.console.feed.FeedRefusal;
import org.marketspine.console.feed.Redact;

/**
 * What a database error means for the person who caused it, decided on SQLState classes and
 * driver codes, never on message text: a busy or locked database, a lost connection or a
 * serialization conflict passes (try again); a constraint, a type or a missing column will refuse
 * the same write every time until someone changes the database.
 */
final class SpineErrors {
    /** SQLite's SQLITE_BUSY and SQLITE_LOCKED primary result codes. */
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private SpineErrors() {}

    static boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (!(t instanceof SQLException s)) continue;
            String state = s.getSQLState() == null ? "" : s.getSQLState();
            int code = s.getErrorCode() & 0xff; // extended SQLite codes carry the primary one in their low byte
            if (s instanceof SQLTransientException || s instanceof SQLRecoverableException) return true;
            if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57") || state.equals("55P03")) return true;
            if (isSqlite(s) && (code == SQLITE_BUSY || code == SQLITE_LOCKED)) return true;
        }
        return false;
    }

    /** Busy or locked: another writer holds the database (SQLite), or a lock is not available (PostgreSQL 55P03). */
    static boolean isLocked(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return (isSqlite(e) && (code == SQLITE_BUSY || code == SQLITE_LOCKED)) || "55P03".equals(e.getSQLState());
    }

    private static boolean isSqlite(SQLException e) {
        return e.getClass().getName().startsWith("org.sqlite.");
    }

    /** The refusal a user reads for a write the database would not take. */
    static FeedRefusal refusal(SQLException e) {
        String safe = Redact.jdbcUrl(String.valueOf(e.getMessage()));
        String state = e.getSQLState() == null ? "unknown" : e.getSQLState();
        if (isTransient(e)) {
            return new FeedRefusal("unavailable", "the spine-core database could not take the write just now (SQLState " + state + ": "
                    + safe + "); nothing was written — try again");
        }
        return new FeedRefusal("database_refused", "the spine-core database refused the write (SQLState " + state + ": " + safe
                + "); nothing was written, and the same command will be refused until the database is changed");
    }
}
