package org.marketspine.console.bench;

import static org.marketspine.console.bench.SpineCoreDatabase.row;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A spine-core 0.4.0 database that has run for years (benchmark P12 and the scale tests): every
 * week, for each of three tiers, an ingest, a normalize and 24 calculations (≈ 26 executions per
 * partition, ≥ 40,000 in ten years), each with its created/ended events; 6 manifest stages, a
 * source fetch, readiness and, for one partition in five, an anomaly; one ingest in twenty fails
 * first (a transient 503) and is retried. Deterministic for a seed: the same call builds the same rows.
 */
public final class TenYearSpineDatabase {
    public static final List<String> TIERS = List.of("NMS_TIER_1", "NMS_TIER_2", "OTC");
    static final String OTC = "finra.otc_transparency";
    static final int CALCS = 24;
    static final List<String> CALC_STAGES = List.of("CALC_VOLUME_AVG_6W", "CALC_TOP_SYMBOLS", "CALC_VENUE_SHARE", "CALC_SHORT_INTEREST");

    /** What was built: its size, and its newest instant (a live row written after it is "new"). */
    public record Built(int weeks, int executions, int rows, Instant newest) {}

    private TenYearSpineDatabase() {}

    /** Builds {@code weeks} weeks ending with the last Friday before {@code end}, in one transaction. */
    public static Built build(Connection c, int weeks, Instant end, long seed) throws SQLException {
        SpineCoreDatabase db = new SpineCoreDatabase(c, SpineCoreDatabase.Generation.V0_4).create();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Built b = fill(db, weeks, end, new Random(seed));
            c.commit();
            return b;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static String iso(Instant t) {
        return t.toString().replace("Z", "+00:00");
    }

    private static Built fill(SpineCoreDatabase db, int weeks, Instant end, Random rng) throws SQLException {
        LocalDate last = end.atZone(ZoneOffset.UTC).toLocalDate().minusDays(3).with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY));
        // The last week is the one whose Monday run (14:00 UTC, an hour of work) is over by `end`: on a Monday morning that is
        // the week before, not today's run, which would write times hours in the future.
        while (last.plusDays(3).atTime(15, 0).toInstant(ZoneOffset.UTC).isAfter(end)) last = last.minusWeeks(1);
        List<Map<String, Object>> executions = new ArrayList<>();
        List<Map<String, Object>> events = new ArrayList<>();
        List<Map<String, Object>> manifest = new ArrayList<>();
        List<Map<String, Object>> fetches = new ArrayList<>();
        List<Map<String, Object>> readiness = new ArrayList<>();
        List<Map<String, Object>> anomalies = new ArrayList<>();
        db.insert("core_expected_schedules", row("domain", OTC, "workflow", OTC + ".ingest_week", "schedule_type", "WEEKLY",
                "cron_expression", "0 14 * * 1", "partition_template", "{\"tier\": \"${TIER}\", \"week_ending\": \"${FRIDAY}\"}",
                "expected_delay_hours", 24, "preliminary_hours", 48, "is_active", 1, "created_at", "2016-01-01 00:00:00",
                "updated_at", "2016-01-01 00:00:00"));
        for (String stage : CALC_STAGES) {
            String table = stage.substring(5).toLowerCase();
            db.insert("core_calc_dependencies", row("calc_domain", OTC, "calc_operation", OTC + ".compute_" + table, "calc_table", table,
                    "depends_on_domain", OTC, "depends_on_table", "normalized", "dependency_type", "REQUIRED", "created_at", "2016-01-01 00:00:00"));
        }
        Instant newest = Instant.EPOCH;
        int n = 0;
        for (int w = weeks - 1; w >= 0; w--) {
            LocalDate week = last.minusWeeks(w);
            Instant monday = week.plusDays(3).atTime(14, 0).toInstant(ZoneOffset.UTC);
            for (int ti = 0; ti < TIERS.size(); ti++) {
                String tier = TIERS.get(ti);
                String part = "{\"tier\": \"" + tier + "\", \"week_ending\": \"" + week + "\"}";
                String p = week + "-" + tier;
                Instant t = monday.plusSeconds(ti * 600L);
                if (rng.nextInt(20) == 0) {
                    String failed = "ing-f-" + p;
                    executions.add(execution(failed, "operation:" + OTC + ".ingest_week", part, "schedule", "failed", t, t.plusSeconds(4),
                            "HTTPError: 503 Service Unavailable from api.finra.org", null));
                    events.add(event(failed, "created", t));
                    events.add(event(failed, "failed", t.plusSeconds(4)));
                    t = t.plusSeconds(120);
                    String retry = "ing-r-" + p;
                    executions.add(execution(retry, "operation:" + OTC + ".ingest_week", part, "retry", "completed", t, t.plusSeconds(50), null, failed));
                    events.add(event(retry, "created", t));
                    events.add(event(retry, "completed", t.plusSeconds(50)));
                    n += 2;
                    manifest.add(stage(part, "INGESTED", 1, retry, t.plusSeconds(50), rng));
                    fetches.add(fetch(p, week, tier, retry, t));
                } else {
                    String ingest = "ing-" + p;
                    executions.add(execution(ingest, "operation:" + OTC + ".ingest_week", part, "schedule", "completed", t, t.plusSeconds(50), null, null));
                    events.add(event(ingest, "created", t));
                    events.add(event(ingest, "completed", t.plusSeconds(50)));
                    n++;
                    manifest.add(stage(part, "INGESTED", 1, ingest, t.plusSeconds(50), rng));
                    fetches.add(fetch(p, week, tier, ingest, t));
                }
                Instant nt = t.plusSeconds(60);
                String norm = "nrm-" + p;
                executions.add(execution(norm, "operation:" + OTC + ".normalize_week", part, "schedule", "completed", nt, nt.plusSeconds(30), null, null));
                events.add(event(norm, "created", nt));
                events.add(event(norm, "completed", nt.plusSeconds(30)));
                manifest.add(stage(part, "NORMALIZED", 2, norm, nt.plusSeconds(30), rng));
                n++;
                for (int k = 0; k < CALCS; k++) {
                    Instant ct = nt.plusSeconds(40 + k * 5L);
                    String calc = "calc-" + k + "-" + p;
                    String stage = CALC_STAGES.get(k % CALC_STAGES.size());
                    executions.add(execution(calc, "operation:" + OTC + ".compute_" + stage.substring(5).toLowerCase(), part, "schedule", "completed",
                            ct, ct.plusSeconds(4), null, null));
                    events.add(event(calc, "created", ct));
                    events.add(event(calc, "completed", ct.plusSeconds(4)));
                    if (k < CALC_STAGES.size()) manifest.add(stage(part, stage, 3 + k, calc, ct.plusSeconds(4), rng));
                    n++;
                    newest = ct.plusSeconds(4);
                }
                boolean blocked = rng.nextInt(5) == 0;
                if (blocked) {
                    anomalies.add(row("domain", OTC, "workflow", "normalize_week", "partition_key", part, "stage", "NORMALIZED",
                            "severity", rng.nextBoolean() ? "WARN" : "DEBUG", "category", "COMPLETENESS", "message", "row count 12% below the 6-week average",
                            "details_json", "{\"execution_id\": \"" + norm + "\"}", "detected_at", iso(nt.plusSeconds(31)),
                            "resolved_at", w > 2 ? iso(nt.plusSeconds(7200)) : null, "created_at", iso(nt.plusSeconds(31))));
                }
                boolean ready = w > 1;
                readiness.add(row("domain", OTC, "partition_key", part, "is_ready", ready ? 1 : 0, "ready_for", "trading",
                        "all_partitions_present", 1, "all_stages_complete", 1, "no_critical_anomalies", 1, "dependencies_current", 1,
                        "age_exceeds_preliminary", ready ? 1 : 0, "blocking_issues", "[]", "certified_at", ready ? iso(nt.plusSeconds(86_400)) : null,
                        "certified_by", ready ? "spine-core" : null, "created_at", iso(nt.plusSeconds(200)), "updated_at",
                        iso(nt.plusSeconds(ready ? 86_400 : 200))));
            }
        }
        db.insertAll("core_executions", executions);
        db.insertAll("core_execution_events", events);
        db.insertAll("core_manifest", manifest);
        db.insertAll("core_source_fetches", fetches);
        db.insertAll("core_data_readiness", readiness);
        db.insertAll("core_anomalies", anomalies);
        int total = executions.size() + events.size() + manifest.size() + fetches.size() + readiness.size() + anomalies.size();
        return new Built(weeks, n, total, newest);
    }

    private static Map<String, Object> execution(String id, String workflow, String params, String trigger, String status, Instant created,
                                                 Instant ended, String error, String parent) {
        return row("id", id, "workflow", workflow, "params", params, "lane", "normal", "trigger_source", trigger, "status", status,
                "parent_execution_id", parent, "created_at", iso(created), "started_at", iso(created.plusSeconds(1)),
                "completed_at", iso(ended), "error", error, "retry_count", parent == null ? 0 : 1);
    }

    private static Map<String, Object> event(String execution, String type, Instant at) {
        return row("id", type + "-" + execution, "execution_id", execution, "event_type", type, "timestamp", iso(at), "data", "{}");
    }

    private static Map<String, Object> stage(String part, String stage, int rank, String execution, Instant at, Random rng) {
        int rows = 20_000 + rng.nextInt(40_000);
        return row("domain", OTC, "partition_key", part, "stage", stage, "stage_rank", rank, "row_count", rows,
                "metrics_json", "{\"symbol_count\": " + rows / 7 + "}", "execution_id", execution, "batch_id", "b-" + execution, "updated_at", iso(at));
    }

    private static Map<String, Object> fetch(String p, LocalDate week, String tier, String execution, Instant t) {
        return row("id", "f-" + p, "source_name", "finra_otc", "source_type", "http", "source_locator",
                "https://api.finra.org/data/group/otcMarket/name/weeklySummary?tier=" + tier + "&weekStartDate=" + week.minusDays(4),
                "status", "SUCCESS", "record_count", 40_000, "byte_count", 1_800_000, "content_hash",
                String.format("%064x", (long) (p.hashCode() & 0x7fffffff)), "started_at", iso(t.plusSeconds(1)),
                "completed_at", iso(t.plusSeconds(40)), "execution_id", execution, "created_at", iso(t));
    }
}
