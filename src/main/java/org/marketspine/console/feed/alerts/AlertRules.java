package org.marketspine.console.feed.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.HealthLevel;
import org.marketspine.console.protocol.SourceState;

/**
 * When to alert: on a turn, never on a state that merely persists. The health turning red, a
 * pipeline starting to fail critically with an error (once, however many partitions it fails), the
 * source leaving "current". A pure function of
 * two views, so each rule is checked in a line.
 */
public final class AlertRules {
    private AlertRules() {}

    /** The alerts for going from {@code before} to {@code now} on feed {@code feedId} of {@code platform}. */
    public static List<Alert> between(AlertView before, AlertView now, String platform, String feedId, Instant at) {
        List<Alert> out = new ArrayList<>();
        if (now.level() == HealthLevel.RED && before.level() != HealthLevel.RED) {
            out.add(new Alert(Alert.Kind.HEALTH_RED, "health_red@" + at, at,
                    "🔴 " + platform + " is RED: " + now.reason(), fields(platform, feedId, at, Map.of("reason", now.reason()))));
        }
        // One alert per pipeline and error: a systemic error fails every partition it touches, and each run is its own
        // failure; the operator needs to hear of the problem once, with how far it reaches, not once per partition.
        Map<String, List<Execution>> before_ = groups(before);
        for (Map.Entry<String, List<Execution>> g : groups(now).entrySet()) {
            if (before_.containsKey(g.getKey())) continue;
            Execution x = g.getValue().getFirst();
            int more = g.getValue().size() - 1;
            String error = x.error() == null ? "" : x.error().type() + ": " + x.error().message();
            String partition = x.tier() == null ? String.valueOf(x.params()) : x.tier() + " week " + x.params().get("week_ending");
            Map<String, String> f = new LinkedHashMap<>();
            f.put("execution_id", x.executionId());
            f.put("pipeline", x.pipeline());
            f.put("partition", partition);
            f.put("error", error);
            f.put("failures", Integer.toString(g.getValue().size()));
            if (x.error() != null) f.put("classification", x.error().classification().name().toLowerCase());
            out.add(new Alert(Alert.Kind.CRITICAL_FAILURE, "critical_failure:" + g.getKey() + "@" + at, at,
                    "🔴 Critical failure on " + platform + ": " + x.pipeline() + " " + partition + " — " + error + " (" + x.executionId()
                            + (more > 0 ? "; and " + more + " more critical failure" + (more == 1 ? "" : "s") + " of it" : "") + ")",
                    fields(platform, feedId, at, f)));
        }
        if (before.source() == SourceState.CURRENT && now.source() != SourceState.CURRENT && now.source() != null) {
            String why = now.sourceMessage() == null || now.sourceMessage().isBlank() ? now.source().name().toLowerCase() : now.sourceMessage();
            out.add(new Alert(Alert.Kind.SOURCE_NOT_CURRENT, "source_not_current@" + at, at,
                    "🟠 " + platform + " feed is no longer current with the platform: " + why,
                    fields(platform, feedId, at, Map.of("source_state", now.source().name().toLowerCase(), "reason", why))));
        }
        return out;
    }

    /** Open critical failures by pipeline and error type, newest first within each. */
    static Map<String, List<Execution>> groups(AlertView v) {
        Map<String, List<Execution>> out = new LinkedHashMap<>();
        for (Execution x : v.criticals().values()) {
            String type = x.error() == null ? "" : x.error().type();
            out.computeIfAbsent(x.pipeline() + "|" + type, k -> new ArrayList<>()).add(x);
        }
        return out;
    }

    private static Map<String, String> fields(String platform, String feedId, Instant at, Map<String, String> own) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("platform", platform);
        if (feedId != null) f.put("feed_id", feedId);
        f.put("at", at.toString());
        f.putAll(own);
        return f;
    }
}
