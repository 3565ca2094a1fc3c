package org.marketspine.console.feed;

import org.junit.jupiter.api.BeforeEach;

/**
 * The same scenarios against a real PostgreSQL server ({@link SpineDb#postgresFromEnvironment});
 * skipped, never passed, without one.
 */
class SpineDatabasePostgresTest extends SpineDatabaseSourceTest {
    @BeforeEach
    @Override
    void database() {
        db = SpineDb.postgresFromEnvironment();
    }
}
