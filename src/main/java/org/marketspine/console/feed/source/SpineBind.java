package org.marketspine.console.feed.source;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Binds a value the way the column holds it: PostgreSQL's {@code BOOLEAN}, {@code JSONB} and
 * {@code TIMESTAMP} as those types (a string or 0/1 would be refused or mis-stored); SQLite's
 * text columns in the spelling spine-core writes — Python's {@code isoformat()} of a UTC time,
 * {@code 2026-10-19T14:00:01.000000+00:00}, and JSON as text.
 */
final class SpineBind {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);

    private final SpineSchema schema;

    SpineBind(SpineSchema schema) {
        this.schema = schema;
    }

    static String isoformat(Instant at) {
        return ISO.format(at);
    }

    void time(PreparedStatement st, int i, String table, String column, Instant at) throws SQLException {
        SpineSchema.Column c = schema.column(table, column);
        if (at == null) st.setNull(i, c != null && c.isTimestamp() ? Types.TIMESTAMP : Types.VARCHAR);
        else if (c != null && c.isTimestamp()) st.setObject(i, at.atOffset(ZoneOffset.UTC).toLocalDateTime()); // no zone: never the JVM's
        else st.setString(i, isoformat(at));
    }

    void json(PreparedStatement st, int i, String table, String column, String json) throws SQLException {
        SpineSchema.Column c = schema.column(table, column);
        if (c != null && c.isJson()) st.setObject(i, json, Types.OTHER);
        else st.setString(i, json);
    }

    void flag(PreparedStatement st, int i, String table, String column, boolean value) throws SQLException {
        SpineSchema.Column c = schema.column(table, column);
        if (c != null && c.isBoolean()) st.setBoolean(i, value);
        else st.setInt(i, value ? 1 : 0);
    }
}
