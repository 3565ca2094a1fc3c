package org.marketspine.console.feed;

import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The generations on a real PostgreSQL ({@link SpineDb#postgresOfItsOwn}),
 * with spine-core's typed columns (JSONB, BOOLEAN, TIMESTAMP without zone) — and with this JVM in
 * New York, so an instant read or written in the JVM's zone instead of UTC fails the exact-time
 * assertions by 4–5 hours. Skipped, never passed, without a server.
 */
class SpineCoreGenerationsPostgresTest extends SpineCoreGenerationsTest {
    private TimeZone zone;

    @BeforeEach
    @Override
    void database() throws Exception {
        db = SpineDb.postgresOfItsOwn();
        zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
    }

    @AfterEach
    void restoreZone() {
        if (zone != null) TimeZone.setDefault(zone);
    }
}
