package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;

/**
 * The same scenarios against a real PostgreSQL server: {@code SPINE_TEST_PG_URL} (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/spine_test}), {@code SPINE_TEST_PG_USER},
 * {@code SPINE_TEST_PG_PASSWORD}. {@code .ci/run} installs and starts one on loopback; without it
 * these tests are reported as skipped, never as passed.
 */
class SpineDatabasePostgresTest extends SpineDatabaseSourceTest {
    @BeforeEach
    @Override
    void database() {
        String pg = System.getenv("SPINE_TEST_PG_URL");
        assumeTrue(pg != null && !pg.isBlank(), "no PostgreSQL for this run (set SPINE_TEST_PG_URL; .ci/run does)");
        url = pg;
        user = System.getenv("SPINE_TEST_PG_USER");
        password = System.getenv("SPINE_TEST_PG_PASSWORD");
    }
}
