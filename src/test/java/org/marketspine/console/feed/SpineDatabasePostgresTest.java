package org.marketspine.console.feed;

import org.junit.jupiter.api.BeforeEach;

/**
 * The same scenarios against a real PostgreSQL server ({@link SpineDb#postgresOfItsOwn});
 * skipped, never passed, without one.
 */
class SpineDatabasePostgresTest extends SpineDatabaseSourceTest {
    @BeforeEach
    @Override
    void database() throws Exception {
        db = SpineDb.postgresOfItsOwn();
    }
}
