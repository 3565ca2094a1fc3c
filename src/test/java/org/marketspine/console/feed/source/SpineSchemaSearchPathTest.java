package org.marketspine.console.feed.source;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL the feed reads the tables its unqualified queries reach: each from the first schema
 * of the search path holding it, none from a schema outside it (a backup, another environment).
 * Skipped, never passed, without a server ({@code SPINE_TEST_PG_URL}; {@code .ci/run} starts one).
 */
class SpineSchemaSearchPathTest {
    @Test
    void eachTableFromTheFirstSchemaOfTheSearchPathHoldingIt_noneFromOutsideIt() throws Exception {
        String url = System.getenv("SPINE_TEST_PG_URL");
        assumeTrue(url != null && !url.isBlank(), "no PostgreSQL for this run (set SPINE_TEST_PG_URL; .ci/run does)");
        String id = UUID.randomUUID().toString().replace("-", "");
        String first = "path_a_" + id;
        String second = "path_b_" + id;
        String outside = "stray_" + id;
        try (Connection admin = connect(url); Statement s = admin.createStatement()) {
            for (String schema : List.of(first, second, outside)) s.execute("CREATE SCHEMA " + schema);
            try {
                s.execute("CREATE TABLE " + first + ".core_anomalies (id TEXT)");
                s.execute("CREATE TABLE " + second + ".core_anomalies (id TEXT, shadowed TEXT)");
                s.execute("CREATE TABLE " + second + ".core_executions (id TEXT, workflow TEXT)");
                s.execute("CREATE TABLE " + outside + ".core_work_items (id TEXT)");
                try (Connection c = connect(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + first + "," + second)) {
                    SpineSchema schema = SpineSchema.of(c);
                    assertTrue(schema.hasColumn("core_executions", "workflow"), "a table only the second schema holds");
                    assertTrue(schema.has("core_anomalies"));
                    assertFalse(schema.hasColumn("core_anomalies", "shadowed"), "the second schema's copy, behind the first's");
                    assertFalse(schema.has("core_work_items"), "a schema outside the search path");
                }
            } finally {
                for (String schema : List.of(first, second, outside)) s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, System.getenv("SPINE_TEST_PG_USER"), System.getenv("SPINE_TEST_PG_PASSWORD"));
    }
}
