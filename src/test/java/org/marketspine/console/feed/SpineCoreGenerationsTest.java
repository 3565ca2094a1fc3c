package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;
import static org.marketspine.console.bench.SpineCoreDatabase.row;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.marketspine.console.bench.SpineCoreDatabase.Generation;
import org.marketspine.console.bench.SpineCoreDatabase;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.protocol.Severity;
import org.marketspine.console.protocol.Trigger;
import org.marketspine.console.testing.ThreadLeakCheck;

/**
 * The feed over databases built as each spine-core generation defines them (0.1.0 and 0.4.0),
 * with rows as spine-core writes them: kind-prefixed and short names, spaced partition keys, three
 * time spellings, DEBUG anomalies, a dead letter, a missed scheduler run, work queued by
 * spine-core itself. {@link SpineCoreGenerationsPostgresTest} runs the same on PostgreSQL, once in
 * a New York JVM. Waits are for conditions (the source's {@code current} after a poll), never for time.
 */
@ExtendWith(ThreadLeakCheck.class)
class SpineCoreGenerationsTest {
    @TempDir
    Path dir;
    SpineDb db;
    SpineFeed feed;

    static final String OTC = "finra.otc_transparency";
    /** spine-core's own spelling of a partition key: sorted keys, spaces. */
    static final String P_16 = "{\"tier\": \"OTC\", \"week_ending\": \"2026-10-16\"}";
    static final String P_09 = "{\"tier\": \"OTC\", \"week_ending\": \"2026-10-09\"}";
    static final String T1_16 = "{\"tier\": \"NMS_TIER_1\", \"week_ending\": \"2026-10-16\"}";

    @BeforeEach
    void database() throws Exception {
        if (db == null) db = SpineDb.sqlite(dir);
    }

    Connection connect() throws SQLException {
        return db.connect();
    }

    void stop() {
        if (feed != null) feed.close();
        feed = null;
    }

    @AfterEach
    void stopAndDrop() throws Exception {
        stop(); // the feed first: it polls the schema until closed
        if (db != null) db.drop(); // null: skipped, with no PostgreSQL to test on
    }

    /** Serves the database and waits until the source has read it all once (its first good poll says current). */
    void serve() throws Exception {
        feed = SpineFeed.serve(db, dir.resolve("feed.journal"), false);
        feed.awaitCurrent();
    }

    static void await(String what, BooleanSupplier ok) throws InterruptedException {
        SpineFeed.await(what, Duration.ofSeconds(20), ok);
    }

    <T extends EventData> List<T> of(Class<T> kind) {
        return feed.of(kind);
    }

    Message.CommandResult command(Command command) throws Exception {
        return feed.client.command(command).get(15, TimeUnit.SECONDS);
    }

    /** A platform both generations can hold: two weeks of OTC, a failure, certified and blocked readiness. */
    void common(SpineCoreDatabase db, Generation g) throws SQLException {
        String work = g == Generation.V0_4 ? "workflow" : "pipeline";
        String calc = g == Generation.V0_4 ? "calc_operation" : "calc_pipeline";
        String ingest = g == Generation.V0_4 ? "operation:" + OTC + ".ingest_week" : OTC + ".ingest_week";
        db.insert("core_calc_dependencies", row("calc_domain", "analytics", calc, "analytics.volume_avg_6w.compute", "calc_table", "volume_avg_6w",
                "depends_on_domain", OTC, "depends_on_table", "normalized", "dependency_type", "REQUIRED", "created_at", "2026-10-01T00:00:00+00:00"));
        db.insert("core_expected_schedules", row("domain", OTC, work, OTC + ".ingest_week", "schedule_type", "WEEKLY", "cron_expression", "0 14 * * 1",
                "partition_template", "{\"week_ending\": \"${FRIDAY}\", \"tier\": \"${TIER}\"}", "expected_delay_hours", 24, "preliminary_hours", 48,
                "is_active", 1, "created_at", "2026-10-01 00:00:00", "updated_at", "2026-10-01 00:00:00"));
        db.insert("core_executions", row("id", "e1", work, ingest, "params", P_16, "lane", "normal", "trigger_source", "schedule",
                "status", "completed", "created_at", "2026-10-19T14:00:00.120000+00:00", "started_at", "2026-10-19T14:00:01+00:00",
                "completed_at", "2026-10-19T14:00:52+00:00"));
        db.insert("core_executions", row("id", "e4", work, ingest, "params", P_09, "lane", "normal", "trigger_source", "cli", "status", "failed",
                "created_at", "2026-10-12 14:00:00", "started_at", "2026-10-12 14:00:01", "completed_at", "2026-10-12 14:00:03",
                "error", "HTTPError: 503 Service Unavailable from api.finra.org"));
        db.insert("core_manifest", row("domain", OTC, "partition_key", P_16, "stage", "INGESTED", "stage_rank", 1, "row_count", 56855,
                "metrics_json", "{\"symbol_count\": 8118}", "execution_id", "e1", "batch_id", "b1", "updated_at", "2026-10-19T14:00:52+00:00"));
        db.insert("core_manifest", row("domain", OTC, "partition_key", P_16, "stage", "NORMALIZED", "stage_rank", 2, "row_count", 56800,
                "metrics_json", "{\"symbol_count\": 8100}", "execution_id", "e1", "batch_id", "b1", "updated_at", "2026-10-19T14:01:30+00:00"));
        db.insert("core_manifest", row("domain", OTC, "partition_key", P_09, "stage", "NORMALIZED", "stage_rank", 2, "row_count", 30000,
                "metrics_json", "{\"symbol_count\": 5000}", "execution_id", "e0", "batch_id", "b0", "updated_at", "2026-10-12T15:00:00+00:00"));
        db.insert("core_data_readiness", row("domain", OTC, "partition_key", P_16, "is_ready", 1, "ready_for", "trading",
                "all_partitions_present", 1, "all_stages_complete", 1, "no_critical_anomalies", 1, "dependencies_current", 1,
                "age_exceeds_preliminary", 0, "blocking_issues", "[]", "certified_at", "2026-10-19T15:00:00+00:00", "certified_by", "j.ortiz",
                "created_at", "2026-10-19T15:00:00+00:00", "updated_at", "2026-10-19T15:00:00+00:00"));
        db.insert("core_data_readiness", row("domain", OTC, "partition_key", P_09, "is_ready", 0, "ready_for", "trading",
                "all_partitions_present", 1, "all_stages_complete", 0, "no_critical_anomalies", 0, "dependencies_current", 1,
                "age_exceeds_preliminary", 0, "blocking_issues", "[\"row count 38% below the 6-week average\"]",
                "created_at", "2026-10-12T15:10:00+00:00", "updated_at", "2026-10-12T15:10:00+00:00"));
    }

    @ParameterizedTest
    @EnumSource(Generation.class)
    void bothGenerations_readOnce_retryAsSpineCoreDoes_andRefuseWorkAlreadyQueued(Generation g) throws Exception {
        try (Connection c = connect()) {
            common(new SpineCoreDatabase(c, g).create(), g);
        }
        serve();
        // Every execution, with its name shown without spine-core's kind prefix, at the instant written (UTC, whatever the spelling).
        assertEquals(2, of(EventData.ExecutionQueued.class).size(), feed.received.toString());
        assertTrue(of(EventData.ExecutionQueued.class).stream().allMatch(q -> q.pipeline().equals(OTC + ".ingest_week")));
        Event e1 = feed.received.stream().filter(e -> e.data() instanceof EventData.ExecutionQueued q && q.executionId().equals("e1")).findFirst().orElseThrow();
        assertEquals(Instant.parse("2026-10-19T14:00:00.120Z"), e1.at());
        Event e4failed = feed.received.stream().filter(e -> e.data() instanceof EventData.ExecutionFailed f && f.executionId().equals("e4")).findFirst().orElseThrow();
        assertEquals(Instant.parse("2026-10-12T14:00:03Z"), e4failed.at());
        assertEquals("HTTPError", ((EventData.ExecutionFailed) e4failed.data()).error().type());
        assertEquals(3, of(EventData.CaptureRecorded.class).size());
        assertEquals(2, of(EventData.ReadinessChanged.class).size());
        assertTrue(of(EventData.ReadinessChanged.class).stream().anyMatch(r -> r.status() == ReadinessStatus.CERTIFIED && r.by().equals("j.ortiz")));
        assertTrue(of(EventData.ReadinessChanged.class).stream().anyMatch(r -> r.status() == ReadinessStatus.BLOCKED));
        assertTrue(of(EventData.PipelineDeclared.class).stream().anyMatch(p -> p.pipeline().equals("analytics.volume_avg_6w.compute")
                && p.inputs().equals(List.of(OTC + ".normalized")) && p.outputs().equals(List.of("analytics.volume_avg_6w"))));

        // A retry is a new pending execution that spine-core's worker claims — not a work item nothing runs.
        Message.CommandResult retry = command(new Command.Retry("e4", "test"));
        assertTrue(retry.ok(), String.valueOf(retry.error()));
        String work = g == Generation.V0_4 ? "workflow" : "pipeline";
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, " + work + ", params, status, trigger_source, lane"
                     + (g == Generation.V0_4 ? ", parent_execution_id, retry_count" : "") + " FROM core_executions WHERE id NOT IN ('e1', 'e4')")) {
            assertTrue(r.next(), "no pending execution was written");
            assertEquals(retry.data().path("execution_ids").path(0).asText(), r.getString(1));
            assertEquals(g == Generation.V0_4 ? "operation:" + OTC + ".ingest_week" : OTC + ".ingest_week", r.getString(2), "the original's own spelling");
            assertTrue(r.getString(3).contains("2026-10-09"), r.getString(3));
            assertEquals("pending", r.getString(4));
            assertEquals("retry", r.getString(5));
            assertEquals("normal", r.getString(6));
            if (g == Generation.V0_4) {
                assertEquals("e4", r.getString(7));
                assertEquals(1, r.getInt(8));
            }
            assertFalse(r.next(), "one retry wrote more than one execution");
        }
        if (g == Generation.V0_4) {
            try (Connection c = connect(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT execution_id, event_type FROM core_execution_events ORDER BY event_type")) {
                assertTrue(r.next());
                assertEquals("created", r.getString(2));
                assertTrue(r.next());
                assertEquals("e4", r.getString(1));
                assertEquals("retried", r.getString(2));
            }
        }
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM core_work_items")) {
            assertTrue(r.next());
            assertEquals(0, r.getInt(1), "a retry must not write a work item");
        }
        // The second retry of the same partition: already queued, decided from state.
        Message.CommandResult again = command(new Command.Retry("e4", "test"));
        assertFalse(again.ok());
        assertEquals("already_running", again.error().code());

        // Work spine-core queued itself (a PENDING work item, short name, its key spelling) also holds the partition.
        try (Connection c = connect()) {
            new SpineCoreDatabase(c, g).insert("core_work_items", row("domain", OTC, work, "ingest_week", "partition_key", P_16,
                    "params_json", "{}", "desired_at", "2026-10-26T14:00:00+00:00", "priority", 100, "state", "PENDING", "attempt_count", 0,
                    "max_attempts", 3, "created_at", "2026-10-26T14:00:00+00:00", "updated_at", "2026-10-26T14:00:00+00:00"));
        }
        Message.CommandResult queued = command(new Command.Retry("e1", "test"));
        assertFalse(queued.ok(), "a retry of a partition spine-core has queued was accepted");
        assertEquals("already_running", queued.error().code());

        // Certify and block write spine-core's types (a boolean is_ready on PostgreSQL) and come back as readiness.
        Message.CommandResult block = command(new Command.Block(OTC + ".normalized", "OTC", LocalDate.of(2026, 10, 16), "vendor file truncated"));
        assertTrue(block.ok(), String.valueOf(block.error()));
        await("the block", () -> of(EventData.ReadinessChanged.class).stream().anyMatch(r -> r.weekEnding().equals(LocalDate.of(2026, 10, 16))
                && r.status() == ReadinessStatus.BLOCKED && r.reason().contains("vendor file truncated")));
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT is_ready, blocking_issues FROM core_data_readiness WHERE partition_key = '" + P_16 + "'")) {
            assertTrue(r.next());
            assertFalse(r.getBoolean(1));
            assertTrue(r.getString(2).contains("vendor file truncated"));
            assertFalse(r.next(), "the block wrote a second readiness row instead of updating spine-core's");
        }

        // A restart over the same journal and database emits nothing twice.
        long head = feed.journal.headSeq();
        stop();
        serve();
        assertEquals(head, feed.journal.headSeq(), "a restart re-emitted history");
    }

    /** The rows only 0.4.0 has, as spine-core 0.4.0 writes them. */
    void newer(SpineCoreDatabase db) throws SQLException {
        db.insert("core_executions", row("id", "e5", "workflow", "operation:" + OTC + ".normalize_week", "params", T1_16, "lane", "normal",
                "trigger_source", "api", "status", "dead_lettered", "created_at", "2026-10-19T16:00:00+00:00",
                "started_at", "2026-10-19T16:00:01+00:00", "completed_at", "2026-10-19T16:00:09+00:00", "error", "KeyError: 'symbol'",
                "retry_count", 3));
        db.insert("core_dead_letters", row("id", "dl1", "execution_id", "e5", "workflow", "operation:" + OTC + ".normalize_week", "params", T1_16,
                "error", "KeyError: 'symbol'", "retry_count", 3, "max_retries", 3, "created_at", "2026-10-19T16:00:10+00:00"));
        // A dead letter of a run the basic tier kept only in memory: no core_executions row.
        db.insert("core_dead_letters", row("id", "dl2", "execution_id", "gone-1", "workflow", "operation:" + OTC + ".ingest_week",
                "params", "{\"tier\": \"NMS_TIER_2\", \"week_ending\": \"2026-10-16\"}", "error", "ConnectionResetError: peer reset",
                "retry_count", 3, "max_retries", 3, "created_at", "2026-10-19T17:00:00+00:00"));
        // The scheduler's trigger sits in params while the column says api.
        db.insert("core_executions", row("id", "e6", "workflow", "operation:" + OTC + ".ingest_week",
                "params", "{\"tier\": \"NMS_TIER_1\", \"trigger_source\": \"schedule\", \"week_ending\": \"2026-10-16\"}", "lane", "normal",
                "trigger_source", "api", "status", "completed", "created_at", "2026-10-19T13:00:00+00:00",
                "started_at", "2026-10-19T13:00:01+00:00", "completed_at", "2026-10-19T13:00:30+00:00"));
        db.insert("core_execution_events", row("id", "ev1", "execution_id", "e6", "event_type", "created", "timestamp", "2026-10-19T13:00:00+00:00",
                "data", "{\"workflow\": \"operation:" + OTC + ".ingest_week\"}"));
        db.insert("core_execution_logs", row("run_id", "e5", "step_name", "normalize", "level", "ERROR", "message", "KeyError: 'symbol' in row 8121",
                "logger", "spine.normalize", "timestamp", "2026-10-19T16:00:08+00:00", "line_number", 2, "created_at", "2026-10-19 16:00:08"));
        db.insert("core_execution_logs", row("run_id", "e5", "step_name", "normalize", "level", "INFO", "message", "reading 56800 rows",
                "logger", "spine.normalize", "timestamp", "2026-10-19T16:00:02+00:00", "line_number", 1, "created_at", "2026-10-19 16:00:02"));
        db.insert("core_anomalies", row("domain", OTC, "workflow", "normalize_week", "partition_key", T1_16, "stage", "NORMALIZED",
                "severity", "DEBUG", "category", "COMPLETENESS", "message", "3 symbols without a venue", "details_json",
                "{\"execution_id\": \"e5\", \"capture_id\": \"cap-x\"}", "detected_at", "2026-10-19T16:00:05+00:00",
                "created_at", "2026-10-19 16:00:05"));
        // A platform-wide anomaly: no partition at all; its resolution note inside details_json.
        db.insert("core_anomalies", row("domain", OTC, "workflow", null, "partition_key", null, "stage", null, "severity", "ERROR",
                "category", "FRESHNESS", "message", "FINRA API answered 503 for 2 h", "details_json", "{\"resolution_note\": \"vendor outage over\"}",
                "detected_at", "2026-10-20T09:00:00+00:00", "resolved_at", "2026-10-20T11:00:00+00:00", "created_at", "2026-10-20 09:00:00"));
        // Readiness keyed by week alone, for two uses: one status for the partition, applied to the tiers the manifest has that week.
        db.insert("core_manifest", row("domain", OTC, "partition_key", T1_16, "stage", "NORMALIZED", "stage_rank", 2, "row_count", 9000,
                "metrics_json", "{\"symbol_count\": 900}", "execution_id", "e6", "batch_id", "b6", "updated_at", "2026-10-19T13:00:30+00:00"));
        db.insert("core_schedules", row("id", "s1", "name", "finra.weekly_refresh", "target_type", "operation", "target_name", OTC + ".ingest_week",
                "params", "{\"tier\": \"OTC\"}", "schedule_type", "cron", "cron_expression", "0 14 * * 1", "timezone", "UTC", "enabled", 1,
                "max_instances", 1, "misfire_grace_seconds", 60, "created_at", "2026-10-01T00:00:00+00:00", "updated_at", "2026-10-01T00:00:00+00:00",
                "version", 1));
        db.insert("core_schedule_runs", row("id", "sr1", "schedule_id", "s1", "schedule_name", "finra.weekly_refresh",
                "scheduled_at", "2026-10-26T14:00:00+00:00", "status", "MISSED", "skip_reason", "scheduler down past the grace period",
                "created_at", "2026-10-26T14:05:00+00:00"));
        db.insert("core_schedule_runs", row("id", "sr0", "schedule_id", "s1", "schedule_name", "finra.weekly_refresh",
                "scheduled_at", "2026-10-19T14:00:00+00:00", "status", "COMPLETED", "execution_id", "e1", "created_at", "2026-10-19T14:00:00+00:00"));
    }

    @Test
    void v040_deadLetters_debugAnomalies_schedulerMisses_logs_andOneReadinessPerPartition() throws Exception {
        try (Connection c = connect()) {
            SpineCoreDatabase db = new SpineCoreDatabase(c, Generation.V0_4).create();
            common(db, Generation.V0_4);
            newer(db);
            db.insert("core_data_readiness", row("domain", OTC, "partition_key", "{\"week_ending\": \"2026-10-16\"}", "is_ready", 0,
                    "ready_for", "research", "all_partitions_present", 1, "all_stages_complete", 0, "no_critical_anomalies", 1,
                    "dependencies_current", 1, "age_exceeds_preliminary", 0, "blocking_issues", "[]", "created_at", "2026-10-19T13:05:00+00:00",
                    "updated_at", "2026-10-19T13:05:00+00:00"));
            db.insert("core_data_readiness", row("domain", OTC, "partition_key", "{\"week_ending\": \"2026-10-16\"}", "is_ready", 0,
                    "ready_for", "compliance", "all_partitions_present", 0, "all_stages_complete", 0, "no_critical_anomalies", 1,
                    "dependencies_current", 1, "age_exceeds_preliminary", 0, "blocking_issues", "[]", "created_at", "2026-10-19T13:05:00+00:00",
                    "updated_at", "2026-10-19T13:06:00+00:00"));
        }
        serve();
        // The dead-lettered execution: a failure that will not retry by itself, its type from the error.
        EventData.ExecutionFailed e5 = of(EventData.ExecutionFailed.class).stream().filter(f -> f.executionId().equals("e5")).findFirst().orElseThrow();
        assertTrue(e5.error().retriesStopped(), "dead_lettered is not shown as such");
        assertEquals("KeyError", e5.error().type());
        assertEquals(Classification.SYSTEMIC, e5.error().classification(), "a KeyError recurs on retry");
        assertEquals(4, of(EventData.ExecutionStarted.class).stream().filter(x -> x.executionId().equals("e5")).findFirst().orElseThrow()
                .attempt(), "retry_count 3: the run's fourth attempt (the board said 'attempt 1')");
        // The dead letter whose execution the database does not hold: once, as its own failure.
        List<EventData.ExecutionFailed> dl2 = of(EventData.ExecutionFailed.class).stream().filter(f -> f.executionId().equals("dl-dl2")).toList();
        assertEquals(1, dl2.size());
        assertTrue(dl2.getFirst().error().retriesStopped());
        assertEquals(0, of(EventData.ExecutionFailed.class).stream().filter(f -> f.executionId().equals("dl-dl1")).count(),
                "a dead letter of a known execution was counted twice");
        // The scheduler's trigger inside params wins over the column's 'api', and is not shown as a param.
        EventData.ExecutionQueued e6 = of(EventData.ExecutionQueued.class).stream().filter(q -> q.executionId().equals("e6")).findFirst().orElseThrow();
        assertEquals(Trigger.SCHEDULED, e6.trigger());
        assertFalse(e6.params().containsKey("trigger_source"));
        // DEBUG → low, with its execution and capture from details_json; the partition-less anomaly resolved with its note.
        EventData.AnomalyDetected debug = of(EventData.AnomalyDetected.class).stream().filter(a -> a.message().startsWith("3 symbols")).findFirst().orElseThrow();
        assertEquals(Severity.LOW, debug.severity());
        assertEquals("cap-x", debug.captureId());
        assertEquals("NMS_TIER_1", debug.tier());
        EventData.AnomalyDetected wide = of(EventData.AnomalyDetected.class).stream().filter(a -> a.message().startsWith("FINRA API")).findFirst().orElseThrow();
        assertEquals(Severity.HIGH, wide.severity());
        assertEquals(LocalDate.of(2026, 10, 16), wide.weekEnding(), "the Friday on or before its detection");
        assertTrue(of(EventData.AnomalyResolved.class).stream().anyMatch(r -> r.note().equals("vendor outage over")));
        // The scheduler's MISSED run, once, for the tier its params name — not our cron guess for the same pipeline.
        List<EventData.ScheduleMissed> missed = of(EventData.ScheduleMissed.class);
        assertEquals(1, missed.size(), missed.toString());
        assertEquals(Instant.parse("2026-10-26T14:00:00Z"), missed.getFirst().expectedAt());
        assertEquals("OTC", missed.getFirst().partition().tier());
        assertEquals(LocalDate.of(2026, 10, 23), missed.getFirst().partition().weekEnding());
        // Week-only readiness for two uses: one PRELIMINARY status for NMS_TIER_1 (the tier the manifest has that week besides OTC).
        List<EventData.ReadinessChanged> t1 = of(EventData.ReadinessChanged.class).stream().filter(r -> r.tier().equals("NMS_TIER_1")).toList();
        assertEquals(1, t1.size(), t1.toString());
        assertEquals(ReadinessStatus.PRELIMINARY, t1.getFirst().status());
        assertTrue(t1.getFirst().reason().contains("partitions missing") && t1.getFirst().reason().contains("stages incomplete"), t1.getFirst().reason());

        // Logs come from core_execution_logs, in the order written.
        Message.Response logs = feed.client.request(new Message.Request(feed.client.nextId("l"), "logs", "e5", null, null, null, null, null, null, null))
                .get(15, TimeUnit.SECONDS);
        assertTrue(logs.ok(), String.valueOf(logs.error()));
        assertEquals(2, logs.data().path("lines").size());
        assertEquals("[normalize] reading 56800 rows", logs.data().path("lines").path(0).path("message").asText());
        assertEquals("ERROR", logs.data().path("lines").path(1).path("level").asText());
        assertEquals("2026-10-19T16:00:08Z", logs.data().path("lines").path(1).path("at").asText());

        // A dead-lettered run can be retried: a new pending run, parent set.
        Message.CommandResult retry = command(new Command.Retry("e5", "test"));
        assertTrue(retry.ok(), String.valueOf(retry.error()));
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT status, parent_execution_id, trigger_source FROM core_executions WHERE id = '"
                     + retry.data().path("execution_ids").path(0).asText() + "'")) {
            assertTrue(r.next());
            assertEquals("pending", r.getString(1));
            assertEquals("e5", r.getString(2));
            assertEquals("retry", r.getString(3));
        }
        await("the retry read back as queued", () -> of(EventData.ExecutionQueued.class).stream()
                .anyMatch(q -> q.executionId().equals(retry.data().path("execution_ids").path(0).asText()) && q.trigger() == Trigger.RETRY
                        && "e5".equals(q.retryOf()) && q.triggeredBy().equals(System.getProperty("user.name", "local"))));

        // Acknowledging twice: the second is refused.
        String anomaly = "spine-an-1";
        assertTrue(command(new Command.Acknowledge(anomaly, null)).ok());
        Message.CommandResult twice = command(new Command.Acknowledge(anomaly, null));
        assertFalse(twice.ok());
        assertEquals("invalid_state", twice.error().code());

        // A decision about one tier writes that tier's row (in spine-core's spelling), never the week-wide rows of every tier.
        Message.CommandResult blockT1 = command(new Command.Block(OTC + ".normalized", "NMS_TIER_1", LocalDate.of(2026, 10, 16), "vendor file truncated"));
        assertTrue(blockT1.ok(), String.valueOf(blockT1.error()));
        await("NMS_TIER_1 blocked", () -> of(EventData.ReadinessChanged.class).stream().anyMatch(r -> r.tier().equals("NMS_TIER_1")
                && r.status() == ReadinessStatus.BLOCKED));
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM core_data_readiness WHERE partition_key = '{\"tier\": \"NMS_TIER_1\", \"week_ending\": \"2026-10-16\"}'")) {
            assertTrue(r.next());
            assertEquals(1, r.getInt(1), "the new row is not in spine-core's spelling");
        }
        EventData.ReadinessChanged otc = of(EventData.ReadinessChanged.class).stream().filter(r -> r.tier().equals("OTC")
                && r.weekEnding().equals(LocalDate.of(2026, 10, 16))).reduce((a, b) -> b).orElseThrow();
        assertEquals(ReadinessStatus.CERTIFIED, otc.status(), "blocking NMS_TIER_1 changed OTC");

        // A work item spine-core gave up on, retried: it goes back to PENDING in place and appears as its next life.
        try (Connection c = connect()) {
            new SpineCoreDatabase(c, Generation.V0_4).insert("core_work_items", row("domain", OTC, "workflow", "compute_top_symbols",
                    "partition_key", T1_16, "params_json", "{}", "desired_at", "2026-10-26T14:00:00+00:00", "priority", 100, "state", "PENDING",
                    "attempt_count", 0, "max_attempts", 3, "created_at", "2026-10-26T14:00:00+00:00", "updated_at", "2026-10-26T14:00:00+00:00"));
        }
        await("the queued work item", () -> of(EventData.ExecutionQueued.class).stream().anyMatch(q -> q.executionId().startsWith("wi-")));
        String item = of(EventData.ExecutionQueued.class).stream().filter(q -> q.executionId().startsWith("wi-")).findFirst().orElseThrow().executionId();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE core_work_items SET state = 'FAILED', attempt_count = 3, last_error = 'ValueError: bad row',"
                    + " updated_at = '2026-10-26 15:00:00' WHERE id = " + item.substring(3));
        }
        await("the work item failed", () -> of(EventData.ExecutionFailed.class).stream().anyMatch(f -> f.executionId().equals(item)));
        Message.CommandResult again = command(new Command.Retry(item, "test"));
        assertTrue(again.ok(), String.valueOf(again.error()));
        await("its next life", () -> of(EventData.ExecutionQueued.class).stream().anyMatch(q -> q.executionId().equals(item + ".2")
                && item.equals(q.retryOf())));

        // Live: a run fails, then spine-core dead-letters it — the failure is re-marked, once.
        try (Connection c = connect()) {
            SpineCoreDatabase db = new SpineCoreDatabase(c, Generation.V0_4);
            db.insert("core_executions", row("id", "e7", "workflow", "operation:" + OTC + ".ingest_week", "params", T1_16, "lane", "normal",
                    "trigger_source", "schedule", "status", "failed", "created_at", "2026-10-26T14:00:00+00:00", "started_at", "2026-10-26T14:00:01+00:00",
                    "completed_at", "2026-10-26T14:00:05+00:00", "error", "HTTPError: 502 Bad Gateway"));
        }
        await("the live failure", () -> of(EventData.ExecutionFailed.class).stream().anyMatch(f -> f.executionId().equals("e7")));
        try (Connection c = connect()) {
            new SpineCoreDatabase(c, Generation.V0_4).insert("core_dead_letters", row("id", "dl7", "execution_id", "e7", "workflow",
                    "operation:" + OTC + ".ingest_week", "params", T1_16, "error", "HTTPError: 502 Bad Gateway", "retry_count", 3, "max_retries", 3,
                    "created_at", "2026-10-26T14:30:00+00:00"));
        }
        await("the dead letter", () -> of(EventData.ExecutionFailed.class).stream().anyMatch(f -> f.executionId().equals("e7") && f.error().retriesStopped()));
        long head = feed.journal.headSeq();
        stop();
        serve();
        assertEquals(head, feed.journal.headSeq(), "the re-marked failure was emitted again after a restart");
        assertEquals(0, of(EventData.ExecutionFailed.class).stream().filter(f -> f.executionId().equals("dl-dl7")).count());

    }
}
