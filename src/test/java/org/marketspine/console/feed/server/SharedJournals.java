package org.marketspine.console.feed.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Shared journals for one test: a fresh schema in the PostgreSQL of {@code SPINE_TEST_PG_URL}
 * ({@code .ci/run} starts one; without it the test is skipped, never passed), dropped afterwards
 * with every journal the test opened.
 */
final class SharedJournals implements AutoCloseable {
    final String url;
    final String user;
    final String password;
    final String schema;
    private final String base;
    private final List<Journal> opened = new ArrayList<>();

    private SharedJournals(String base, String user, String password) throws SQLException {
        this.base = base;
        this.user = user;
        this.password = password;
        this.schema = "journal_" + java.util.UUID.randomUUID().toString().replace("-", "");
        sql("CREATE SCHEMA " + schema);
        this.url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static SharedJournals create() throws SQLException {
        String pg = System.getenv("SPINE_TEST_PG_URL");
        assumeTrue(pg != null && !pg.isBlank(), "no PostgreSQL for this run (set SPINE_TEST_PG_URL; .ci/run does)");
        return new SharedJournals(pg, System.getenv("SPINE_TEST_PG_USER"), System.getenv("SPINE_TEST_PG_PASSWORD"));
    }

    /** One more server's view of the journal. */
    Journal open() {
        Journal j = Journal.openShared(url, user, password);
        opened.add(j);
        return j;
    }

    /** Closes one server's journal now (a server going away). */
    void close(Journal j) {
        opened.remove(j);
        j.close();
    }

    void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** Ends the database session that holds this journal's leader lock, behind its server's back (a network cut). */
    void endLeaderSession() throws SQLException {
        sql("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = 2 AND objsubid = 2"
                + " AND classid::bigint = (hashtext('" + schema + ".spine_feed_events') & 2147483647)");
    }

    interface Check {
        boolean holds() throws Exception;
    }

    /** A condition the database brings about (a session it ends a moment later), looked at every 20 ms for up to 10 s. */
    static boolean within(Check check) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            if (check.holds()) return true;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return false;
    }

    @Override
    public void close() throws SQLException {
        try {
            opened.forEach(Journal::close);
        } finally {
            sql("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
