package org.marketspine.console.feed.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Random;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.ExecutionStatus;
import org.marketspine.console.protocol.Codec;

/** The log lines an execution would have written, derived from what it did (so they always agree). */
final class DemoLogs {
    private final long seed;

    DemoLogs(long seed) {
        this.seed = seed;
    }

    JsonNode of(Execution x) {
        Random rng = new Random(seed ^ x.executionId().hashCode());
        ObjectNode out = Codec.mapper().createObjectNode();
        ArrayNode lines = out.putArray("lines");
        Instant t = x.startedAt() != null ? x.startedAt() : x.queuedAt();
        line(lines, x.queuedAt(), "INFO", "queued " + x.pipeline() + " " + x.params() + " (trigger " + x.trigger().name().toLowerCase()
                + " by " + x.triggeredBy() + (x.retryOf() == null ? "" : ", retry of " + x.retryOf()) + ")");
        if (x.startedAt() == null && x.endedAt() == null) {
            out.put("truncated", false);
            return out;
        }
        line(lines, t, "INFO", "worker w" + (1 + rng.nextInt(4)) + " started attempt " + x.attempt() + ", capture " + x.captureId());
        if (x.pipeline().endsWith("ingest_week")) {
            line(lines, t.plusMillis(300), "INFO", "GET weeklySummary tier=" + x.tier() + " weekEnding=" + x.params().get("week_ending"));
        } else {
            line(lines, t.plusMillis(200), "INFO", "reading pinned input captures");
        }
        Instant end = x.endedAt() != null ? x.endedAt() : t.plusSeconds(1);
        if (x.status() == ExecutionStatus.FAILED && x.error() != null) {
            line(lines, end.minusMillis(50), "WARN", "attempt " + x.attempt() + " could not complete");
            line(lines, end, "ERROR", x.error().type() + ": " + x.error().message());
            line(lines, end, "INFO", "classified " + x.error().classification().name().toLowerCase()
                    + (x.error().classification().name().equals("TRANSIENT") ? "; safe to retry" : "; retrying will fail again until fixed"));
        } else if (x.status() == ExecutionStatus.SUCCEEDED) {
            line(lines, end.minusMillis(400), "INFO", "wrote " + x.rows() + " rows");
            line(lines, end, "INFO", "completed in " + x.durationMs() + " ms, outputs " + x.outputs());
        } else if (x.status() == ExecutionStatus.CANCELLED) {
            line(lines, end, "WARN", "cancelled by " + x.cancelledBy());
        } else {
            line(lines, end, "INFO", "running…");
        }
        out.put("truncated", false);
        return out;
    }

    private static void line(ArrayNode lines, Instant at, String level, String message) {
        lines.addObject().put("at", at.toString()).put("level", level).put("message", message);
    }
}
