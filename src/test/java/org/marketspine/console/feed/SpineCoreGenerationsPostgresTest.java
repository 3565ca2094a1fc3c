package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The generations on a real PostgreSQL ({@code SPINE_TEST_PG_*}, started by {@code .ci/run}),
 * with spine-core's typed columns (JSONB, BOOLEAN, TIMESTAMP without zone) — and with this JVM in
 * New York, so an instant read or written in the JVM's zone instead of UTC fails the exact-time
 * assertions by 4–5 hours. Skipped, never passed, without a server.
 */
class SpineCoreGenerationsPostgresTest extends SpineCoreGenerationsTest {
    private TimeZone zone;

    @BeforeEach
    @Override
    void database() {
        String pg = System.getenv("SPINE_TEST_PG_URL");
        assumeTrue(pg != null && !pg.isBlank(), "no PostgreSQL for this run (set SPINE_TEST_PG_URL; .ci/run does)");
        url = pg;
        user = System.getenv("SPINE_TEST_PG_USER");
        password = System.getenv("SPINE_TEST_PG_PASSWORD");
        zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    }

    @AfterEach
    void restoreZone() {
        if (zone != null) TimeZone.setDefault(zone);
    }
}
