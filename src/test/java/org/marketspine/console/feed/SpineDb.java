package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Where a test's spine-core database lives: a SQLite file in the test's folder, or the PostgreSQL
 * server of {@code SPINE_TEST_PG_URL} / {@code _USER} / {@code _PASSWORD} ({@code .ci/run} starts
 * one on loopback; without it the PostgreSQL tests are skipped, never passed).
 *
 * @param schema the PostgreSQL schema this test made for itself and drops at its end (null: none)
 */
record SpineDb(String url, String user, String password, String schema) {
    static SpineDb sqlite(Path dir) {
        return new SpineDb("jdbc:sqlite:" + dir.resolve("spine.db"), null, null, null);
    }

    /** The server itself, for a test that makes its own schemas (the shared-journal failover). */
    static SpineDb postgresFromEnvironment() {
        String pg = System.getenv("SPINE_TEST_PG_URL");
        assumeTrue(pg != null && !pg.isBlank(), "no PostgreSQL for this run (set SPINE_TEST_PG_URL; .ci/run does)");
        return new SpineDb(pg, System.getenv("SPINE_TEST_PG_USER"), System.getenv("SPINE_TEST_PG_PASSWORD"), null);
    }

    /**
     * A spine-core database of this test's own: a fresh schema on the server, read through the URL's
     * {@code currentSchema}. The two test JVMs run PostgreSQL test classes at the same time; in one shared
     * schema one class's {@code CREATE TABLE} met the other's {@code DROP TABLE}.
     */
    static SpineDb postgresOfItsOwn() throws SQLException {
        SpineDb server = postgresFromEnvironment();
        String schema = "spine_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String url = server.url() + (server.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new SpineDb(url, server.user(), server.password(), schema);
    }

    /** Drops the test's own schema, if it made one. */
    void drop() throws SQLException {
        if (schema == null) return;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    Connection connect() throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }
}
