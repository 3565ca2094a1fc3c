package org.marketspine.console.feed.source;

import static org.marketspine.console.feed.source.DemoCatalog.NORMALIZED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marketspine.console.feed.FeedRefusal;
import org.marketspine.console.model.BackfillPlan;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.RevisionChain;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Message.Request;

/** The demo's answers to read-only requests: logs, backfill previews, capture diffs, symbol coverage. */
final class DemoRequests {
    private final SymbolUniverse symbols;
    private final DemoLogs logs;

    DemoRequests(SymbolUniverse symbols, DemoLogs logs) {
        this.symbols = symbols;
        this.logs = logs;
    }

    /** The answer to {@code request} over {@code state}; {@code now} dates a backfill preview's plan. */
    JsonNode answer(Request request, PlatformState state, Instant now) throws FeedRefusal {
        return switch (request.op()) {
            case "logs" -> {
                Execution x = state.execution(require(request.executionId(), "execution_id"));
                if (x == null) throw new FeedRefusal("not_found", "no execution " + request.executionId());
                yield logs.of(x);
            }
            case "backfill_preview" -> Codec.toTree(BackfillPlan.of(state, request.pipeline(), request.tier(),
                    request.fromWeek(), request.toWeek(), now));
            case "capture_diff" -> captureDiff(state, require(request.fromCapture(), "from_capture"),
                    require(request.toCapture(), "to_capture"));
            case "symbol_coverage" -> symbolCoverage(state, request.symbols());
            default -> throw new FeedRefusal("unsupported", "this feed does not offer '" + request.op() + "'");
        };
    }

    private static String require(String value, String field) throws FeedRefusal {
        if (value == null || value.isBlank()) throw new FeedRefusal("invalid_params", field + " is required");
        return value;
    }

    private JsonNode captureDiff(PlatformState s, String fromId, String toId) throws FeedRefusal {
        Capture from = s.capture(fromId);
        Capture to = s.capture(toId);
        if (from == null || to == null) throw new FeedRefusal("not_found", "no capture " + (from == null ? fromId : toId));
        var a = from.recorded();
        var b = to.recorded();
        List<String> before = symbols.symbols(a.tier(), a.weekEnding(), RevisionChain.depth(s, from));
        List<String> after = symbols.symbols(b.tier(), b.weekEnding(), RevisionChain.depth(s, to));
        var afterSet = new HashSet<>(after);
        var beforeSet = new HashSet<>(before);
        ObjectNode out = Codec.mapper().createObjectNode();
        out.put("from_capture", fromId).put("to_capture", toId);
        out.put("rows_before", a.rows()).put("rows_after", b.rows()).put("rows_delta", b.rows() - a.rows());
        out.put("symbols_before", a.symbols()).put("symbols_after", b.symbols()).put("symbols_delta", b.symbols() - a.symbols());
        ArrayNode added = out.putArray("symbols_added");
        after.stream().filter(x -> !beforeSet.contains(x)).limit(500).forEach(added::add);
        ArrayNode removed = out.putArray("symbols_removed");
        before.stream().filter(x -> !afterSet.contains(x)).limit(500).forEach(removed::add);
        return out;
    }

    private JsonNode symbolCoverage(PlatformState s, List<String> requested) throws FeedRefusal {
        if (requested == null || requested.isEmpty()) throw new FeedRefusal("invalid_params", "symbols is required");
        if (requested.size() > 1000) throw new FeedRefusal("invalid_params", "at most 1,000 symbols per request");
        ObjectNode out = Codec.mapper().createObjectNode();
        ObjectNode per = out.putObject("symbols");
        Map<String, List<Week>> weeksByTier = new HashMap<>();
        for (String raw : requested) {
            String symbol = raw.trim().toUpperCase(Locale.ROOT);
            ObjectNode entry = per.putObject(symbol);
            String tier = symbols.tierOf(symbol);
            entry.put("known", tier != null);
            ArrayNode present = entry.putArray("present");
            ArrayNode missing = entry.putArray("missing");
            if (tier == null) continue;
            entry.put("tier", tier);
            for (Week w : weeksByTier.computeIfAbsent(tier, t -> weeksOf(s, t))) {
                boolean has = symbols.contains(tier, w.weekEnding(), w.revision(), symbol);
                (has ? present : missing).addObject().put("tier", tier).put("week_ending", w.weekEnding().toString());
            }
        }
        return out;
    }

    private record Week(LocalDate weekEnding, int revision) {}

    /**
     * A tier's normalized weeks, newest first, each with its revision number: worked out once a
     * request, not once a symbol — a week re-normalized a few thousand times has a chain that long,
     * and a request may name a thousand symbols (on the platform thread, where commands wait).
     */
    private static List<Week> weeksOf(PlatformState s, String tier) {
        List<Week> weeks = new ArrayList<>();
        for (var e : s.currentCaptures().entrySet()) {
            if (e.getKey().dataset().equals(NORMALIZED) && e.getKey().tier().equals(tier)) {
                Capture c = s.capture(e.getValue());
                weeks.add(new Week(c.recorded().weekEnding(), RevisionChain.depth(s, c)));
            }
        }
        weeks.sort(Comparator.comparing(Week::weekEnding).reversed());
        return weeks;
    }
}
