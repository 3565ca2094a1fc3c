package org.marketspine.console.ui.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.StateDiff;
import org.marketspine.console.ui.ShortName;
import org.marketspine.console.ui.Times;

/**
 * The "compare two instants" answer as a person reads it: a one-line summary first, then each
 * kind of change as a section, grouped (by dataset, status, severity, pipeline) so a week of
 * changes is a handful of headings rather than one long list.
 */
final class CompareText {
    private CompareText() {}

    record Group(String title, List<String> lines) {}

    record Section(String title, int count, List<Group> groups) {}

    record Result(String summary, List<Section> sections) {
        static final Result NONE = new Result("", List.of());
    }

    static Result of(StateDiff d, Instant from, Instant to) {
        String between = "From " + Times.absolute(from) + " to " + Times.absolute(to) + ": ";
        if (d.isEmpty()) return new Result(between + "nothing changed.", List.of());
        long revisions = d.capturesAdded().stream().filter(c -> c.recorded().supersedes() != null).count();
        String summary = between + count(d.capturesAdded().size(), "capture") + " added" + (revisions > 0 ? " (" + revisions + " revising earlier ones)" : "")
                + " · " + d.capturesSuperseded().size() + " superseded · " + count(d.readinessTransitions().size(), "readiness transition")
                + " · " + count(d.anomaliesOpened().size(), "anomaly", "anomalies") + " opened, " + d.anomaliesClosed().size() + " closed · "
                + count(d.executionsRun().size(), "execution") + " run.";
        List<Section> sections = new ArrayList<>();
        sections.add(section("Captures added", byWeek(d.capturesAdded()), c -> ShortName.of(c.recorded().dataset()),
                c -> "+ " + c.captureId() + String.format("  %,d rows, %,d symbols", c.recorded().rows(), c.recorded().symbols())
                        + (c.recorded().supersedes() != null ? "  (revises " + c.recorded().supersedes() + ")" : "")));
        sections.add(section("Captures superseded", byWeek(d.capturesSuperseded()), c -> ShortName.of(c.recorded().dataset()),
                c -> "− " + c.captureId() + "  by " + c.supersededBy() + " at " + Times.absolute(c.supersededAt())));
        sections.add(section("Readiness transitions", d.readinessTransitions(), t -> "→ " + t.to().name(),
                t -> t.partition() + ": " + (t.from() == null ? "—" : t.from().name()) + " → " + t.to().name() + "  (" + t.reason() + ", by " + t.by() + ")"));
        sections.add(section("Anomalies opened", d.anomaliesOpened(), a -> a.severity().name(),
                a -> "⚠ " + a.anomalyId() + ": " + a.detected().message()));
        sections.add(section("Anomalies closed", d.anomaliesClosed(), a -> "resolved",
                a -> "✓ " + a.anomalyId() + " resolved by " + a.resolvedBy() + " at " + Times.absolute(a.resolvedAt())));
        sections.add(section("Executions run", d.executionsRun(), x -> ShortName.of(x.pipeline()), CompareText::execution));
        return new Result(summary, sections);
    }

    /** Captures newest week first, then by tier, a revision above what it revises: arrival order mixed weeks and tiers. */
    private static List<Capture> byWeek(List<Capture> captures) {
        return captures.stream().sorted(Comparator.comparing((Capture c) -> c.recorded().weekEnding()).reversed()
                .thenComparing(c -> c.recorded().tier()).thenComparing(Comparator.comparingLong(Capture::seq).reversed())).toList();
    }

    private static String execution(Execution x) {
        return x.status().name().toLowerCase() + " · " + x.executionId() + " · " + x.trigger().name().toLowerCase() + " by " + x.triggeredBy();
    }

    /** One section, its items grouped under sorted headings that say how many each holds. */
    private static <T> Section section(String title, List<T> items, Function<T, String> groupOf, Function<T, String> line) {
        Map<String, List<String>> groups = new TreeMap<>();
        for (T item : items) groups.computeIfAbsent(groupOf.apply(item), k -> new ArrayList<>()).add(line.apply(item));
        List<Group> out = new ArrayList<>();
        groups.forEach((k, v) -> out.add(new Group(k + " (" + v.size() + ")", v)));
        return new Section(title, items.size(), out);
    }

    private static String count(int n, String one) {
        return count(n, one, one + "s");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String diff(JsonNode d) {
        return String.format("Δ %s → %s: rows %,d → %,d (%+,d), symbols %,d → %,d (%+,d), +%d / −%d symbols",
                d.path("from_capture").asText(), d.path("to_capture").asText(), d.path("rows_before").asLong(), d.path("rows_after").asLong(),
                d.path("rows_delta").asLong(), d.path("symbols_before").asLong(), d.path("symbols_after").asLong(), d.path("symbols_delta").asLong(),
                d.path("symbols_added").size(), d.path("symbols_removed").size());
    }
}
