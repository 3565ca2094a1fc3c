package org.marketspine.console.feed.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a spine-core table into rows keyed by lower-case column name, with each value as the
 * translators expect whatever the database: text and numbers as the driver gives them, JSON
 * (PostgreSQL {@code jsonb}) as its text, booleans as Boolean, and typed timestamps as an
 * {@link java.time.Instant} read as UTC — spine-core writes UTC into {@code TIMESTAMP} without
 * zone, so a feed whose JVM runs in New York must not shift them by its own offset. A 0.4.0
 * column is also offered under its 0.1.0 name ({@code workflow} as {@code pipeline}), so the
 * translators read one spelling.
 */
final class SpineTables {
    private SpineTables() {}

    /** SQLite's implicit row id, selected under this name so the reader can follow inserts by it. */
    static final String ROWID = "__rowid";

    /** The rows of {@code table} matching {@code where} (empty: all), its {@code ?} bound to {@code args}. */
    static List<Map<String, Object>> read(Connection c, SpineSchema schema, String table, String where, List<Object> args) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        String select = "SELECT " + (schema.sqlite() ? "rowid AS " + ROWID + ", " : "") + "* FROM " + table + where;
        try (PreparedStatement st = c.prepareStatement(select)) {
            for (int i = 0; i < args.size(); i++) st.setObject(i + 1, args.get(i));
            try (ResultSet r = st.executeQuery()) {
                read(r, out);
            }
        }
        return out;
    }

    private static void read(ResultSet r, List<Map<String, Object>> out) throws SQLException {
        // Most polls find nothing: the column metadata is only worth asking for when there is a row.
        if (!r.next()) return;
        ResultSetMetaData m = r.getMetaData();
        int n = m.getColumnCount();
        String[] names = new String[n + 1];
        int[] types = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            names[i] = m.getColumnLabel(i).toLowerCase(Locale.ROOT);
            types[i] = m.getColumnType(i);
        }
        do {
            Map<String, Object> row = new HashMap<>();
            for (int i = 1; i <= n; i++) row.put(names[i], value(r, i, types[i]));
            alias(row, "workflow", "pipeline");
            alias(row, "calc_operation", "calc_pipeline");
            out.add(row);
        } while (r.next());
    }

    private static void alias(Map<String, Object> row, String renamed, String original) {
        if (!row.containsKey(original) && row.containsKey(renamed)) row.put(original, row.get(renamed));
    }

    static Object value(ResultSet r, int i, int type) throws SQLException {
        try {
            return typed(r, i, type);
        } catch (SQLException | DateTimeException | ClassCastException e) {
            // SQLite reports a column declared TIMESTAMP or BOOLEAN by its declaration but stores text: read the text.
            return r.getString(i);
        }
    }

    private static Object typed(ResultSet r, int i, int type) throws SQLException {
        return switch (type) {
            case Types.TIMESTAMP -> {
                LocalDateTime t = r.getObject(i, LocalDateTime.class);
                yield t == null ? null : t.toInstant(ZoneOffset.UTC);
            }
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime t = r.getObject(i, OffsetDateTime.class);
                yield t == null ? null : t.toInstant();
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean b = r.getBoolean(i);
                yield r.wasNull() ? null : b;
            }
            default -> {
                Object v = r.getObject(i);
                // PostgreSQL hands jsonb (and other types it has no Java class for) as PGobject: its text is the value.
                yield v == null || v instanceof String || v instanceof Number || v instanceof Boolean ? v : v.toString();
            }
        };
    }
}
