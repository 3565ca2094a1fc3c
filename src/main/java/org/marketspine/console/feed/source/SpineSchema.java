package org.marketspine.console.feed.source;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a spine-core database holds, read from its catalogue (never from a version row): the
 * {@code core_*} tables, their columns and column types, and from those the schema generation —
 * 0.1.0 names the work {@code pipeline}, 0.4.0 renamed it {@code workflow} (and
 * {@code calc_pipeline} to {@code calc_operation}). Readers ask for the 0.1.0 name and get the
 * column this database actually has; writers ask a column's type so they bind a boolean, JSON or
 * timestamp as that, not as text.
 */
public final class SpineSchema {
    /** Tables this source reads. */
    static final List<String> READ = List.of("core_executions", "core_execution_events", "core_execution_logs", "core_dead_letters",
            "core_workflow_runs", "core_manifest", "core_source_fetches", "core_anomalies", "core_data_readiness",
            "core_calc_dependencies", "core_expected_schedules", "core_schedules", "core_schedule_runs", "core_work_items");

    /** 0.1.0 column name → the name 0.4.0 gave it. */
    private static final Map<String, String> RENAMED = Map.of("pipeline", "workflow", "calc_pipeline", "calc_operation");

    public enum Generation {
        V0_1("0.1.0"), V0_4("0.4.0"), UNKNOWN("unknown (no core_executions, core_work_items or core_anomalies to tell by)");

        private final String label;

        Generation(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A column: its lower-case name, JDBC type and the database's own type name (e.g. jsonb). */
    record Column(String name, int jdbcType, String typeName) {
        boolean isBoolean() {
            return jdbcType == Types.BOOLEAN || jdbcType == Types.BIT || typeName.equals("bool") || typeName.equals("boolean");
        }

        boolean isJson() {
            return typeName.equals("jsonb") || typeName.equals("json");
        }

        /** A typed timestamp (PostgreSQL); SQLite keeps times as text. */
        boolean isTimestamp() {
            return jdbcType == Types.TIMESTAMP || jdbcType == Types.TIMESTAMP_WITH_TIMEZONE || typeName.startsWith("timestamp");
        }
    }

    private final Map<String, Map<String, Column>> tables;
    private final Set<String> unread;
    private final Generation generation;
    private final boolean sqlite;

    SpineSchema(Map<String, Map<String, Column>> tables, Set<String> unread, boolean sqlite) {
        this.tables = tables;
        this.unread = unread;
        this.generation = detect(tables);
        this.sqlite = sqlite;
    }

    /** SQLite (rows have a rowid; times are text) rather than PostgreSQL. */
    boolean sqlite() {
        return sqlite;
    }

    static SpineSchema of(Connection c) throws SQLException {
        Map<String, Map<String, Column>> tables = new TreeMap<>();
        Map<String, String> schemaOf = new HashMap<>();
        Set<String> unread = new TreeSet<>();
        DatabaseMetaData meta = c.getMetaData();
        List<String> path = searchPath(c);
        try (ResultSet r = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (r.next()) {
                String name = r.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                String schema = r.getString("TABLE_SCHEM");
                if (path != null) {
                    // Each table from the first schema of the search path that holds it: the one an unqualified query reads.
                    int rank = path.indexOf(schema);
                    String had = schemaOf.get(name);
                    if (rank < 0 || (had != null && path.indexOf(had) < rank)) continue;
                }
                schemaOf.put(name, schema);
                if (READ.contains(name)) tables.put(name, new HashMap<>());
                else if (name.startsWith("core_")) unread.add(name);
            }
        }
        for (Map.Entry<String, Map<String, Column>> t : tables.entrySet()) {
            // PostgreSQL folds unquoted names to lower case, SQLite keeps them as created: try both spellings.
            for (String spelled : List.of(t.getKey(), t.getKey().toUpperCase(Locale.ROOT))) {
                try (ResultSet r = meta.getColumns(null, schemaOf.get(t.getKey()), spelled, "%")) {
                    while (r.next()) {
                        String col = r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                        String typeName = String.valueOf(r.getString("TYPE_NAME")).toLowerCase(Locale.ROOT);
                        t.getValue().put(col, new Column(col, r.getInt("DATA_TYPE"), typeName));
                    }
                }
                if (!t.getValue().isEmpty()) break;
            }
        }
        return new SpineSchema(tables, unread, meta.getURL() != null && meta.getURL().startsWith("jdbc:sqlite:"));
    }

    /**
     * PostgreSQL's search path, in order (null elsewhere: a SQLite file has one schema). Only its schemas
     * count: a copy of spine-core's tables in another schema of the same database (a backup, a second
     * environment) is not the one the feed's unqualified queries read.
     */
    private static List<String> searchPath(Connection c) throws SQLException {
        if (!c.getMetaData().getURL().startsWith("jdbc:postgresql:")) return null;
        List<String> path = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet r = st.executeQuery("SELECT unnest(current_schemas(false))")) {
            while (r.next()) path.add(r.getString(1));
        }
        return path;
    }

    private static Generation detect(Map<String, Map<String, Column>> tables) {
        for (String t : List.of("core_executions", "core_work_items", "core_anomalies", "core_expected_schedules", "core_dead_letters")) {
            Map<String, Column> cols = tables.get(t);
            if (cols == null) continue;
            if (cols.containsKey("workflow")) return Generation.V0_4;
            if (cols.containsKey("pipeline")) return Generation.V0_1;
        }
        return Generation.UNKNOWN;
    }

    public Generation generation() {
        return generation;
    }

    public boolean has(String table) {
        return tables.containsKey(table);
    }

    public Set<String> tables() {
        return tables.keySet();
    }

    boolean hasColumn(String table, String column) {
        return column(table, column) != null;
    }

    /** The column this database has for a 0.1.0 name (its 0.4.0 rename where that is what exists), or null. */
    Column column(String table, String column) {
        Map<String, Column> cols = tables.get(table);
        if (cols == null) return null;
        Column c = cols.get(column);
        if (c == null && RENAMED.containsKey(column)) c = cols.get(RENAMED.get(column));
        return c;
    }

    /** The column name to write for a 0.1.0 name; throws when the table has neither spelling. */
    String name(String table, String column) {
        Column c = column(table, column);
        if (c == null) throw new IllegalStateException(table + " has no column " + column);
        return c.name();
    }

    Map<String, Column> columns(String table) {
        return tables.getOrDefault(table, Map.of());
    }

    /** For the feed's log at start: the generation and what was found, missing, and present but not read. */
    public String describe() {
        List<String> missing = new ArrayList<>();
        for (String t : READ) if (!tables.containsKey(t)) missing.add(t);
        return "spine-core schema " + generation + "; tables read: " + String.join(", ", tables.keySet())
                + (missing.isEmpty() ? "" : "; not present: " + String.join(", ", missing))
                + (unread.isEmpty() ? "" : "; present but not read: " + String.join(", ", unread));
    }

    /** Same tables, columns and types: whether a re-read of the catalogue found nothing new. */
    boolean sameAs(SpineSchema other) {
        return other != null && tables.equals(other.tables) && unread.equals(other.unread);
    }
}
