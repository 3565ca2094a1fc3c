package org.marketspine.console.feed.source;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;

/** How the spine-db source opens (and closes) its connections, SQLite or PostgreSQL, and where a SQLite file is. */
final class SpineConnections {
    private static final Logger LOG = Logger.getLogger(SpineConnections.class.getName());
    private final String url;
    private final String user;
    private final String password;
    private final boolean readOnly;

    SpineConnections(String url, String user, String password, boolean readOnly) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.readOnly = readOnly;
    }

    Connection open() throws SQLException {
        Properties props = new Properties();
        if (user != null) props.setProperty("user", user);
        if (password != null) props.setProperty("password", password);
        boolean sqlite = url.startsWith("jdbc:sqlite:");
        // SQLITE_OPEN_READONLY, or READWRITE without CREATE: a missing or moved file is an error, never a new empty platform.
        if (sqlite) props.setProperty("open_mode", readOnly ? "1" : "2");
        if (sqlite) props.setProperty("busy_timeout", "2000"); // the reader and a command's write take turns instead of failing
        if (!sqlite) {
            // A half-open connection must fail the poll (and say 'failing'), not block the reader or a command forever.
            props.putIfAbsent("connectTimeout", "10");
            props.putIfAbsent("socketTimeout", "30");
        }
        Connection db = DriverManager.getConnection(url, props);
        if (!sqlite) {
            // spine-core's TIMESTAMP columns hold UTC; the session must not read or default them in the JVM's zone.
            try (Statement st = db.createStatement()) {
                st.execute("SET TIME ZONE 'UTC'");
            }
        }
        if (readOnly && !sqlite) db.setReadOnly(true);
        db.setAutoCommit(true);
        return db;
    }

    /** The database file of a {@code jdbc:sqlite:} URL (null for PostgreSQL and in-memory databases). */
    Path sqliteFile() {
        if (!url.startsWith("jdbc:sqlite:")) return null;
        String path = url.substring("jdbc:sqlite:".length());
        int q = path.indexOf('?');
        if (q >= 0) path = path.substring(0, q);
        if (path.startsWith("file:")) path = path.substring("file:".length());
        return path.isEmpty() || path.startsWith(":memory:") ? null : Path.of(path);
    }

    static Connection closeQuietly(Connection db) {
        try {
            if (db != null) db.close();
        } catch (SQLException e) {
            LOG.fine("closing the spine-core connection: " + e.getMessage());
        }
        return null;
    }

}
