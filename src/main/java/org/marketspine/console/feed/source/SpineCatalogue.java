package org.marketspine.console.feed.source;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** Whether a database's catalogue (its tables and columns) may have changed since it was last read, cheaply. */
final class SpineCatalogue {
    private static final Duration CATALOGUE_EVERY = Duration.ofSeconds(30);
    private Connection catalogueOf;
    private long catalogueStamp;
    private long catalogueAt;

    /**
     * Whether the tables may have changed since {@code known} was read: always before the first
     * read; on SQLite when its {@code schema_version} moved (a counter SQLite bumps on every DDL);
     * on PostgreSQL at most every {@link #CATALOGUE_EVERY}. Reading the whole catalogue every poll
     * costs more than the poll.
     */
    boolean changed(Connection c, SpineSchema known) throws SQLException {
        if (known == null || c != catalogueOf) {
            catalogueOf = c;
            catalogueStamp = stamp(c);
            catalogueAt = System.nanoTime();
            return true;
        }
        if (known.sqlite()) {
            long now = stamp(c);
            boolean moved = now != catalogueStamp;
            catalogueStamp = now;
            return moved;
        }
        if (System.nanoTime() - catalogueAt < CATALOGUE_EVERY.toNanos()) return false;
        catalogueAt = System.nanoTime();
        return true;
    }

    private static long stamp(Connection c) throws SQLException {
        if (!c.getMetaData().getURL().startsWith("jdbc:sqlite:")) return 0;
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("PRAGMA schema_version")) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

}
