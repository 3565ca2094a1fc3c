package org.marketspine.console.feed.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import org.marketspine.console.feed.FeedRefusal;
import org.marketspine.console.feed.source.SpineRows.BadRow;
import org.marketspine.console.protocol.Codec;

/**
 * The {@code logs} request answered from spine-core 0.4.0's {@code core_execution_logs}: a run's
 * lines in the order it wrote them, at most {@link #LIMIT}, with {@code truncated} saying whether
 * there were more. Times are read as UTC like every other spine-core time.
 */
final class SpineLogs {
    static final int LIMIT = 2_000;

    private SpineLogs() {}

    static JsonNode of(Connection c, SpineSchema s, String executionId) throws SQLException, FeedRefusal {
        if (!s.has("core_execution_logs")) {
            throw new FeedRefusal("unsupported", "this spine-core database keeps no execution logs (no core_execution_logs table)");
        }
        if (executionId == null || executionId.isBlank()) throw new FeedRefusal("invalid_params", "execution_id is required");
        ObjectNode out = Codec.mapper().createObjectNode();
        ArrayNode lines = out.putArray("lines");
        boolean truncated = false;
        try (PreparedStatement st = c.prepareStatement("SELECT timestamp, level, message, step_name FROM core_execution_logs WHERE run_id = ?"
                + " ORDER BY timestamp, line_number, id")) {
            st.setString(1, executionId);
            st.setMaxRows(LIMIT + 1);
            try (ResultSet r = st.executeQuery()) {
                int timeType = r.getMetaData().getColumnType(1);
                while (r.next()) {
                    if (lines.size() == LIMIT) {
                        truncated = true;
                        break;
                    }
                    Instant when;
                    try {
                        when = SpineRows.time(Collections.singletonMap("t", SpineTables.value(r, 1, timeType)), "t");
                    } catch (BadRow e) {
                        throw new FeedRefusal("unavailable", "a log line of " + executionId + " has an unreadable time: " + e.getMessage());
                    }
                    String step = r.getString(4);
                    String message = r.getString(3);
                    lines.addObject().put("at", when.toString()).put("level", r.getString(2))
                            .put("message", step == null || step.isBlank() ? message : "[" + step + "] " + message);
                }
            }
        }
        out.put("truncated", truncated);
        return out;
    }
}
