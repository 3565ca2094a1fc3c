package org.marketspine.console.feed.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.marketspine.console.feed.source.SpineRows.BadRow;
import org.marketspine.console.model.Anomaly;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.PartitionKey;
import org.marketspine.console.model.Readiness;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.protocol.Severity;
import org.marketspine.console.protocol.Stage;

/**
 * The data side of a spine-core database: {@code core_manifest} stages become captures (each
 * pinned to the stage before it, the first to its {@code core_source_fetches} file),
 * {@code core_anomalies} anomalies (DEBUG…CRITICAL; the execution, capture and resolution note may
 * sit inside {@code details_json}), {@code core_data_readiness} readiness — one status per
 * partition however many {@code ready_for} rows it has, and rows keyed by week alone applied to
 * every tier the manifest has that week.
 */
final class SpineData {
    /** A partition key with no tier, or none at all, is the whole domain's: the console shows it as this tier. */
    static final String ALL_TIERS = "ALL";

    /** The capture a readiness row applies to, with its symbol count (spine-core records no expected count). */
    record Staged(String captureId, String dataset, long symbols) {}

    private final SpinePass pass;
    private final SpineMemory memory;
    /** "domain|tier|week" of partitions whose capture chain changed this poll (their readiness is looked at again). */
    private final Set<String> touched = new TreeSet<>();

    SpineData(SpinePass pass) {
        this.pass = pass;
        this.memory = pass.memory;
    }

    static String datasetOf(String domain, String stage) {
        String st = stage.toUpperCase(Locale.ROOT);
        if (st.startsWith("INGEST")) return domain + ".raw";
        if (st.startsWith("NORMALI")) return domain + ".normalized";
        return domain + "." + (st.startsWith("CALC_") ? st.substring(5) : st).toLowerCase(Locale.ROOT);
    }

    private static Stage stageOf(String stage) {
        String st = stage.toUpperCase(Locale.ROOT);
        return st.startsWith("INGEST") ? Stage.INGEST : st.startsWith("NORMALI") ? Stage.NORMALIZE : Stage.COMPUTE;
    }

    /** The week a domain-wide row with no partition belongs to: the Friday on or before its time (FINRA weeks end on Friday). */
    static LocalDate weekOf(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
    }

    // ---- captures ----

    void captures() {
        pass.eachRow("core_source_fetches", f -> {
            EventData.SourceFile file = new EventData.SourceFile(SpineRows.text(f, "source_locator"),
                    SpineRows.number(f, "byte_count", 0), SpineRows.text(f, "content_hash"));
            if (SpineRows.optional(f, "execution_id") != null) memory.sourceFiles.put(SpineRows.optional(f, "execution_id"), file);
        });
        pass.eachRow("core_manifest", r -> {
            SpineRows.Partition p = SpineRows.partition(r, "partition_key");
            String domain = SpineRows.text(r, "domain");
            String k = domain + "|" + p.tier() + "|" + p.week();
            memory.manifest.computeIfAbsent(k, x -> new HashMap<>()).put(SpineRows.text(r, "stage"), compact(r));
            memory.span(domain, p.tier(), p.week());
            touched.add(k);
        });
        // Per partition touched, the stages in rank order: each capture's input is the stage before it.
        for (String k : touched) {
            List<Map<String, Object>> chain = new ArrayList<>(memory.manifest.get(k).values());
            chain.sort(Comparator.comparingLong(r -> {
                try {
                    return SpineRows.number(r, "stage_rank", 0);
                } catch (BadRow e) {
                    return Long.MAX_VALUE;
                }
            }));
            memory.latest.remove(k);
            String previous = null;
            for (Map<String, Object> r : chain) {
                try {
                    previous = capture(r, previous, memory.sourceFiles);
                } catch (BadRow | RuntimeException e) {
                    pass.skip("core_manifest", r, e);
                }
            }
        }
    }

    /** The columns a capture needs, kept between polls (not the whole row). */
    private static Map<String, Object> compact(Map<String, Object> r) {
        Map<String, Object> c = new HashMap<>();
        for (String col : List.of("domain", "partition_key", "stage", "stage_rank", "row_count", "metrics_json", "execution_id", "updated_at")) {
            if (r.get(col) != null) c.put(col, r.get(col));
        }
        return c;
    }

    private String capture(Map<String, Object> r, String previous, Map<String, EventData.SourceFile> byExecution) throws BadRow {
        String domain = SpineRows.text(r, "domain");
        String stage = SpineRows.text(r, "stage");
        SpineRows.Partition p = SpineRows.partition(r, "partition_key");
        Instant at = SpineRows.time(r, "updated_at");
        String dataset = datasetOf(domain, stage);
        String exec = SpineRows.optional(r, "execution_id");
        long rowsCount = SpineRows.number(r, "row_count", 0);
        JsonNode metrics = SpineRows.json(r, "metrics_json");
        long symbols = metrics.path("symbol_count").asLong(metrics.path("symbols").asLong(0));
        String id = dataset + ":" + p.tier() + ":" + p.week() + ":" + Integer.toHexString((at + "|" + rowsCount + "|" + exec).hashCode());
        // Readiness certifies a partition's normalized data when there is one (the quant's grid), else its last stage.
        String k = domain + "|" + p.tier() + "|" + p.week();
        Staged had = memory.latest.get(k);
        if (had == null || !had.dataset().endsWith(".normalized")) memory.latest.put(k, new Staged(id, dataset, Math.max(0, symbols)));
        PartitionKey key = new PartitionKey(dataset, p.tier(), p.week());
        if (pass.state.capture(id) == null) {
            Capture current = pass.state.currentCapture(key);
            pass.add(at, new EventData.CaptureRecorded(id, dataset, p.tier(), p.week(), stageOf(stage),
                    Math.max(0, rowsCount), Math.max(0, symbols), exec == null ? "unknown" : exec,
                    previous == null ? List.of() : List.of(previous), current == null ? null : current.captureId(),
                    previous == null && exec != null ? byExecution.get(exec) : null));
        }
        return id;
    }

    // ---- anomalies ----

    static Severity severity(String s) throws BadRow {
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "CRITICAL" -> Severity.CRITICAL;
            case "ERROR" -> Severity.HIGH;
            case "WARN", "WARNING" -> Severity.MEDIUM;
            case "INFO", "DEBUG" -> Severity.LOW;
            default -> throw new BadRow("severity '" + s + "' is not one spine-core writes");
        };
    }

    /** A column, or where spine-core 0.4.0 put it instead: inside {@code details_json}. */
    private static String orDetail(Map<String, Object> r, JsonNode details, String column) {
        String v = SpineRows.optional(r, column);
        if (v != null) return v;
        JsonNode d = details.path(column);
        return d.isValueNode() && !d.asText().isBlank() ? d.asText() : null;
    }

    void anomalies() {
        pass.eachRow("core_anomalies", r -> {
            String id = "spine-an-" + SpineRows.text(r, "id");
            Anomaly had = pass.state.anomalies().get(id);
            JsonNode details = SpineRows.json(r, "details_json");
            if (had == null) {
                String domain = SpineRows.text(r, "domain");
                Instant detected = SpineRows.time(r, "detected_at");
                SpineRows.Partition p = SpineRows.partitionOrNull(r, "partition_key");
                String tier = p != null && p.tier() != null ? p.tier() : orDetail(Map.of(), details, "tier");
                LocalDate week = p != null ? p.week() : details.path("week_ending").isTextual()
                        ? LocalDate.parse(details.path("week_ending").asText()) : weekOf(detected);
                String stage = SpineRows.optional(r, "stage");
                String category = SpineRows.optional(r, "category");
                pass.add(detected, new EventData.AnomalyDetected(id, severity(SpineRows.text(r, "severity")),
                        category == null ? "quality" : category.toLowerCase(Locale.ROOT),
                        stage == null ? domain + ".normalized" : datasetOf(domain, stage), tier == null ? ALL_TIERS : tier, week,
                        orDetail(r, details, "capture_id"), SpineRows.text(r, "message"), List.of()));
            }
            Instant resolved = SpineRows.optionalTime(r, "resolved_at");
            if (resolved != null && (had == null || had.isOpen())) {
                String note = orDetail(r, details, "resolution_note");
                pass.add(resolved, new EventData.AnomalyResolved(id, "spine-core", note == null ? "" : note));
            }
        });
    }

    // ---- readiness ----

    /** One partition's readiness, merged over its rows (one per ready_for use). */
    private static final class Verdict {
        final Set<String> readyFor = new TreeSet<>();
        final List<String> blocking = new ArrayList<>();
        final Set<String> pending = new TreeSet<>();
        boolean ready;
        String by;
        Instant at;
    }

    void readiness() {
        // Remember the changed rows by partition week; tier-less rows apply to every tier that week.
        Set<String> weeks = new TreeSet<>();
        pass.eachRow("core_data_readiness", r -> {
            String domain = SpineRows.text(r, "domain");
            SpineRows.Partition p = SpineRows.partitionOrNull(r, "partition_key");
            if (p == null) throw new BadRow("partition_key is empty");
            String week = domain + "|" + p.week();
            memory.readiness.computeIfAbsent(week, k -> new HashMap<>()).put(r.get("partition_key") + "\u0001" + r.get("ready_for"), r);
            weeks.add(week);
        });
        for (String k : touched) {
            String[] dtw = k.split("\\|", 3);
            weeks.add(dtw[0] + "|" + dtw[2]);
        }
        Map<String, Verdict> verdicts = new TreeMap<>();
        for (String week : weeks) {
            String[] dw = week.split("\\|", 2);
            for (Map<String, Object> r : memory.readiness.getOrDefault(week, Map.of()).values()) {
                try {
                    SpineRows.Partition p = SpineRows.partitionOrNull(r, "partition_key");
                    Set<String> tiers = p.tier() != null ? Set.of(p.tier()) : pass.tiersOf(dw[0], p.week());
                    if (tiers.isEmpty()) tiers = Set.of(ALL_TIERS);
                    for (String tier : tiers) merge(verdicts.computeIfAbsent(dw[0] + "|" + tier + "|" + p.week(), x -> new Verdict()), r);
                } catch (BadRow | RuntimeException e) {
                    pass.skip("core_data_readiness", r, e);
                }
            }
        }
        for (Map.Entry<String, Verdict> e : verdicts.entrySet()) emit(e.getKey().split("\\|", 3), e.getValue());
    }

    private static void merge(Verdict v, Map<String, Object> r) throws BadRow {
        JsonNode blocking = SpineRows.json(r, "blocking_issues");
        if (blocking.isArray()) blocking.forEach(n -> {
            String issue = n.isTextual() ? n.asText() : n.toString();
            if (!v.blocking.contains(issue)) v.blocking.add(issue);
        });
        String use = SpineRows.optional(r, "ready_for");
        if (SpineRows.flag(r, "is_ready")) {
            v.ready = true;
            if (use != null) v.readyFor.add(use);
            if (SpineRows.optional(r, "certified_by") != null) v.by = SpineRows.optional(r, "certified_by");
        } else {
            if (!SpineRows.flag(r, "all_partitions_present")) v.pending.add("partitions missing");
            if (!SpineRows.flag(r, "all_stages_complete")) v.pending.add("stages incomplete");
            if (!SpineRows.flag(r, "no_critical_anomalies")) v.pending.add("critical anomalies");
            if (!SpineRows.flag(r, "dependencies_current")) v.pending.add("dependencies not current");
            if (v.by == null && SpineRows.optional(r, "certified_by") != null) v.by = SpineRows.optional(r, "certified_by");
        }
        Instant at = SpineRows.optionalTime(r, "updated_at");
        if (at != null && (v.at == null || at.isAfter(v.at))) v.at = at;
    }

    private void emit(String[] key, Verdict v) {
        String domain = key[0];
        String tier = key[1];
        LocalDate week = LocalDate.parse(key[2]);
        Staged staged = memory.latest.get(domain + "|" + tier + "|" + week);
        String captureId = staged == null ? null : staged.captureId();
        String dataset = staged == null ? domain + ".normalized" : staged.dataset();
        ReadinessStatus status;
        String reason;
        if (!v.blocking.isEmpty()) {
            status = ReadinessStatus.BLOCKED;
            reason = String.join("; ", v.blocking);
        } else if (v.ready) {
            status = ReadinessStatus.CERTIFIED;
            reason = "ready" + (v.readyFor.isEmpty() ? "" : " for " + String.join(", ", v.readyFor));
        } else {
            status = ReadinessStatus.PRELIMINARY;
            reason = v.pending.isEmpty() ? "not yet certified" : "not ready: " + String.join(", ", v.pending);
        }
        Readiness had = pass.state.readiness().get(new PartitionKey(dataset, tier, week));
        if (had != null && had.status() == status && had.last().reason().equals(reason) && Objects.equals(had.last().captureId(), captureId)) {
            return;
        }
        long symbols = staged == null ? 0 : staged.symbols();
        // expected_symbols 0: spine-core keeps no expected count (writing the actual one claimed 100 % complete, even
        // for a week blocked as truncated).
        pass.add(v.at != null ? v.at : pass.now, new EventData.ReadinessChanged(dataset, tier, week, status, reason,
                v.by != null ? v.by : "spine-core", captureId, symbols, 0));
    }
}
