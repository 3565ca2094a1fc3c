package org.marketspine.console.feed.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The one-value lookups both journal stores make (a chain at a seq, a meta value), written once. */
final class Sql {
    private Sql() {
    }

    /** The first column of the first row {@code sql} finds with {@code arg} bound to its one parameter, or null for none. */
    static String oneString(Connection c, String sql, Object arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
