package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where a test's spine-core database lives: a SQLite file in the test's folder, or the PostgreSQL
 * server of {@code SPINE_TEST_PG_URL} / {@code _USER} / {@code _PASSWORD} ({@code .ci/run} starts
 * one on loopback; without it the PostgreSQL tests are skipped, never passed).
 */
record SpineDb(String url, String user, String password) {
    static SpineDb sqlite(Path dir) {
        return new SpineDb("jdbc:sqlite:" + dir.resolve("spine.db"), null, null);
    }

    static SpineDb postgresFromEnvironment() {
        String pg = System.getenv("SPINE_TEST_PG_URL");
        assumeTrue(pg != null && !pg.isBlank(), "no PostgreSQL for this run (set SPINE_TEST_PG_URL; .ci/run does)");
        return new SpineDb(pg, System.getenv("SPINE_TEST_PG_USER"), System.getenv("SPINE_TEST_PG_PASSWORD"));
    }

    Connection connect() throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }
}
