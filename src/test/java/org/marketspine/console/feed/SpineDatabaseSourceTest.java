package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.marketspine.console.bench.SpineCoreDatabase;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.protocol.Severity;
import org.marketspine.console.testing.ThreadLeakCheck;

/** The feed over a spine-core SQLite database the test builds: history, live changes, commands, restarts, bad rows. */
@ExtendWith(ThreadLeakCheck.class)
class SpineDatabaseSourceTest {
    @TempDir
    Path dir;
    /** Where the test database lives; {@link SpineDatabasePostgresTest} points it at PostgreSQL. */
    SpineDb db;
    SpineFeed feed;

    static final String PART_16 = "{\"week_ending\": \"2026-10-16\", \"tier\": \"OTC\"}";
    static final String PART_09 = "{\"week_ending\":\"2026-10-09\",\"tier\":\"OTC\"}";

    @BeforeEach
    void database() throws Exception {
        if (db == null) db = SpineDb.sqlite(dir);
    }

    Connection connect() throws SQLException {
        return db.connect();
    }

    void schema(Connection c) throws SQLException {
        SpineCoreDatabase.dropAll(c);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE core_executions (id TEXT PRIMARY KEY, pipeline TEXT, params TEXT, lane TEXT, trigger_source TEXT, logical_key TEXT,"
                    + " status TEXT, created_at TEXT, started_at TEXT, completed_at TEXT, error TEXT)");
            s.execute("CREATE TABLE core_workflow_runs (run_id TEXT PRIMARY KEY, workflow_name TEXT, domain TEXT, partition_key TEXT, status TEXT,"
                    + " started_at TEXT, completed_at TEXT, duration_ms INTEGER, params TEXT, error TEXT, error_category TEXT, error_retryable INTEGER,"
                    + " triggered_by TEXT, created_by TEXT, capture_id TEXT)");
            s.execute("CREATE TABLE core_manifest (domain TEXT, partition_key TEXT, stage TEXT, stage_rank INTEGER, row_count INTEGER, metrics_json TEXT,"
                    + " execution_id TEXT, batch_id TEXT, updated_at TEXT, UNIQUE (domain, partition_key, stage))");
            s.execute("CREATE TABLE core_source_fetches (id INTEGER PRIMARY KEY, source_name TEXT, source_type TEXT, source_locator TEXT, status TEXT,"
                    + " record_count INTEGER, byte_count INTEGER, content_hash TEXT, started_at TEXT, completed_at TEXT, error TEXT, execution_id TEXT,"
                    + " run_id TEXT, capture_id TEXT)");
            s.execute("CREATE TABLE core_anomalies (id INTEGER PRIMARY KEY, domain TEXT, pipeline TEXT, partition_key TEXT, stage TEXT, severity TEXT,"
                    + " category TEXT, message TEXT, details_json TEXT, affected_records INTEGER, sample_records TEXT, execution_id TEXT, capture_id TEXT,"
                    + " detected_at TEXT, resolved_at TEXT, resolution_note TEXT)");
            s.execute("CREATE TABLE core_data_readiness (domain TEXT, partition_key TEXT, is_ready INTEGER, ready_for TEXT, all_partitions_present INTEGER,"
                    + " all_stages_complete INTEGER, no_critical_anomalies INTEGER, dependencies_current INTEGER, age_exceeds_preliminary INTEGER,"
                    + " blocking_issues TEXT, certified_at TEXT, certified_by TEXT, updated_at TEXT)");
            s.execute("CREATE TABLE core_calc_dependencies (calc_domain TEXT, calc_pipeline TEXT, calc_table TEXT, depends_on_domain TEXT,"
                    + " depends_on_table TEXT, dependency_type TEXT, description TEXT)");
            s.execute("CREATE TABLE core_expected_schedules (domain TEXT, pipeline TEXT, schedule_type TEXT, cron_expression TEXT, partition_template TEXT,"
                    + " expected_delay_hours INTEGER, preliminary_hours INTEGER, is_active INTEGER)");
            s.execute("CREATE TABLE core_work_items (id " + (db.postgres() ? "SERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT") + ", domain TEXT, pipeline TEXT, partition_key TEXT, params_json TEXT,"
                    + " desired_at TEXT, priority INTEGER, state TEXT, attempt_count INTEGER, max_attempts INTEGER, last_error TEXT,"
                    + " current_execution_id TEXT, latest_execution_id TEXT, created_at TEXT, updated_at TEXT)");
        }
    }

    static void rows(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO core_calc_dependencies VALUES ('analytics', 'analytics.volume_avg_6w.compute', 'volume_avg_6w', 'finra.otc_transparency',"
                    + " 'normalized', 'REQUIRED', '6-week average volume')");
            s.execute("INSERT INTO core_expected_schedules VALUES ('finra.otc_transparency', 'finra.otc_transparency.ingest_week', 'weekly', '0 14 * * 1',"
                    + " '{week_ending}', 24, 48, 1)");
            String p = "'{\"week_ending\":\"2026-10-16\",\"tier\":\"OTC\"}'";
            s.execute("INSERT INTO core_executions VALUES ('e1', 'finra.otc_transparency.ingest_week', " + p + ", 'default', 'schedule', 'k1', 'completed',"
                    + " '2026-10-19T14:00:00Z', '2026-10-19T14:00:01Z', '2026-10-19T14:00:52Z', NULL)");
            s.execute("INSERT INTO core_executions VALUES ('e2', 'finra.otc_transparency.normalize_week', " + p + ", 'default', 'schedule', 'k2', 'completed',"
                    + " '2026-10-19 14:01:00', '2026-10-19 14:01:01', '2026-10-19 14:01:30', NULL)");
            s.execute("INSERT INTO core_executions VALUES ('e3', 'analytics.volume_avg_6w.compute', " + p + ", 'default', 'schedule', 'k3', 'completed',"
                    + " '2026-10-19T14:02:00+00:00', '2026-10-19T14:02:01+00:00', '2026-10-19T14:02:09+00:00', NULL)");
            s.execute("INSERT INTO core_executions VALUES ('e4', 'finra.otc_transparency.ingest_week', '{\"week_ending\":\"2026-10-09\",\"tier\":\"OTC\"}',"
                    + " 'default', 'cli', 'k4', 'failed', '2026-10-12T14:00:00Z', '2026-10-12T14:00:01Z', '2026-10-12T14:00:03Z',"
                    + " 'HTTPError: 503 Service Unavailable from api.finra.org')");
            // Rows spine-core never writes, or writes broken: skipped with a reason, the rest goes on.
            s.execute("INSERT INTO core_executions VALUES ('bad1', 'x.y', '{}', NULL, 'api', NULL, 'exploded', '2026-10-12T14:00:00Z', NULL, NULL, NULL)");
            s.execute("INSERT INTO core_executions VALUES ('bad2', 'x.y', '{not json', NULL, 'api', NULL, 'completed', '2026-10-12T14:00:00Z', NULL, NULL, NULL)");
            s.execute("INSERT INTO core_executions VALUES ('', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
            s.execute("INSERT INTO core_workflow_runs VALUES ('r1', 'finra.otc_transparency.ingest_week', 'finra.otc_transparency', '" + PART_09 + "',"
                    + " 'failed', '2026-10-12T15:00:00Z', '2026-10-12T15:00:04Z', 4000, '{}', 'ConnectionReset: peer reset', 'NETWORK', 1, 'alice',"
                    + " 'alice', NULL)");
            s.execute("INSERT INTO core_manifest VALUES ('finra.otc_transparency', '" + PART_16 + "', 'INGESTED', 1, 56855, '{\"symbol_count\": 8118}',"
                    + " 'e1', 'b1', '2026-10-19T14:00:52Z')");
            s.execute("INSERT INTO core_manifest VALUES ('finra.otc_transparency', '" + PART_16 + "', 'NORMALIZED', 2, 56800, '{\"symbol_count\": 8100}',"
                    + " 'e2', 'b1', '2026-10-19T14:01:30Z')");
            s.execute("INSERT INTO core_manifest VALUES ('finra.otc_transparency', '" + PART_16 + "', 'CALC_VOLUME_AVG_6W', 3, 8100, '{\"symbol_count\": 8100}',"
                    + " 'e3', 'b1', '2026-10-19T14:02:09Z')");
            s.execute("INSERT INTO core_manifest VALUES ('finra.otc_transparency', NULL, 'INGESTED', 1, 1, '{}', 'e9', 'b9', '2026-10-19T14:00:52Z')");
            s.execute("INSERT INTO core_source_fetches VALUES (1, 'finra_otc', 'http', 'https://api.finra.org/data/group/otcMarket/name/weeklySummary?week=2026-10-16',"
                    + " 'OK', 56855, 1878048, 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12', '2026-10-19T14:00:01Z', '2026-10-19T14:00:40Z',"
                    + " NULL, 'e1', NULL, NULL)");
            s.execute("INSERT INTO core_anomalies VALUES (1, 'finra.otc_transparency', 'finra.otc_transparency.normalize_week', '" + PART_09 + "', 'NORMALIZED',"
                    + " 'CRITICAL', 'completeness', 'row count 38% below the 6-week average', '{}', 0, '[]', 'e4', NULL, '2026-10-12T15:10:00Z', NULL, NULL)");
            s.execute("INSERT INTO core_anomalies VALUES (2, 'finra.otc_transparency', 'finra.otc_transparency.normalize_week', '" + PART_16 + "', 'NORMALIZED',"
                    + " 'WARN', 'volume_spike', 'AAPL volume 3x the 6-week average', '{}', 1, '[]', 'e2', NULL, '2026-10-19T14:01:31Z', NULL, NULL)");
            s.execute("INSERT INTO core_anomalies VALUES (3, 'finra.otc_transparency', NULL, '" + PART_16 + "', NULL, 'APOCALYPTIC', 'x', 'unknown severity', '{}',"
                    + " 0, '[]', NULL, NULL, '2026-10-19T14:01:31Z', NULL, NULL)");
            s.execute("INSERT INTO core_data_readiness VALUES ('finra.otc_transparency', '" + PART_16 + "', 1, 'trading', 1, 1, 1, 1, 0, '[]',"
                    + " '2026-10-19T15:00:00Z', 'j.ortiz', '2026-10-19T15:00:00Z')");
            s.execute("INSERT INTO core_data_readiness VALUES ('finra.otc_transparency', '" + PART_09 + "', 0, NULL, 1, 0, 0, 1, 0,"
                    + " '[\"row count 38% below the 6-week average: the FINRA file appears truncated\"]', NULL, NULL, '2026-10-12T15:10:00Z')");
        }
    }

    private void fill() throws SQLException {
        try (Connection c = connect()) {
            schema(c);
            rows(c);
        }
    }

    private void serve(boolean readOnly) throws Exception {
        feed = SpineFeed.serve(db, dir.resolve("feed.journal"), readOnly);
    }

    private void stopServing() {
        if (feed != null) feed.close();
        feed = null;
    }

    @AfterEach
    void tearDown() throws Exception {
        stopServing();
        if (db != null) db.drop(); // null: skipped, with no PostgreSQL to test on
    }

    static void await(String what, BooleanSupplier ok) throws InterruptedException {
        SpineFeed.await(what, Duration.ofSeconds(15), ok);
    }

    private void awaitCurrent() throws InterruptedException {
        feed.awaitCurrent();
    }

    private <T extends EventData> List<T> of(Class<T> kind) {
        return feed.of(kind);
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void theDatabaseBecomesHistoryThenLiveChangesEachOnce_andARestartEmitsNothingTwice() throws Exception {
        fill();
        serve(false);
        awaitCurrent(); // the first poll has read every table; the restart below proves later polls add nothing
        // Counts per kind: 4 good executions + 1 workflow run; 3 stages; 2 anomalies; 2 readiness rows; 2 pipelines.
        assertEquals(5, of(EventData.ExecutionQueued.class).size());
        assertEquals(3, of(EventData.ExecutionCompleted.class).size());
        assertEquals(2, of(EventData.ExecutionFailed.class).size());
        assertEquals(3, of(EventData.CaptureRecorded.class).size());
        assertEquals(2, of(EventData.AnomalyDetected.class).size(), "the unknown severity is skipped");
        assertEquals(2, of(EventData.ReadinessChanged.class).size());
        assertEquals(2, of(EventData.PipelineDeclared.class).size());
        // The weekly ingest (Mondays 14:00 UTC, 24 h grace) ran for 2026-10-16 but never for the week after.
        List<EventData.ScheduleMissed> missed = of(EventData.ScheduleMissed.class);
        assertEquals(1, missed.size(), missed.toString());
        assertEquals("finra.otc_transparency.ingest_week", missed.getFirst().pipeline());
        assertEquals(LocalDate.of(2026, 10, 23), missed.getFirst().partition().weekEnding());
        assertEquals(Instant.parse("2026-10-26T14:00:00Z"), missed.getFirst().expectedAt());
        for (int i = 1; i < feed.received.size(); i++) assertEquals(feed.received.get(i - 1).seq() + 1, feed.received.get(i).seq());

        // A failed execution with its error; the workflow run's classification and who triggered it.
        EventData.ExecutionFailed e4 = of(EventData.ExecutionFailed.class).stream().filter(f -> f.executionId().equals("e4")).findFirst().orElseThrow();
        assertEquals("HTTPError", e4.error().type());
        assertEquals("503 Service Unavailable from api.finra.org", e4.error().message(), "the type is not repeated in the message");
        EventData.ExecutionFailed r1 = of(EventData.ExecutionFailed.class).stream().filter(f -> f.executionId().equals("wf-r1")).findFirst().orElseThrow();
        assertEquals(Classification.TRANSIENT, r1.error().classification());
        assertEquals("NETWORK", r1.error().type());
        assertTrue(of(EventData.ExecutionQueued.class).stream().anyMatch(q -> q.executionId().equals("wf-r1") && q.triggeredBy().equals("alice")));

        // The capture chain: source file → raw → normalized → derived, each pinned to the one before.
        List<EventData.CaptureRecorded> caps = of(EventData.CaptureRecorded.class);
        EventData.CaptureRecorded raw = caps.stream().filter(c -> c.dataset().equals("finra.otc_transparency.raw")).findFirst().orElseThrow();
        EventData.CaptureRecorded norm = caps.stream().filter(c -> c.dataset().equals("finra.otc_transparency.normalized")).findFirst().orElseThrow();
        EventData.CaptureRecorded calc = caps.stream().filter(c -> c.dataset().equals("finra.otc_transparency.volume_avg_6w")).findFirst().orElseThrow();
        assertEquals(1_878_048, raw.source().bytes());
        assertTrue(raw.source().sha256().startsWith("ab12cd34"));
        assertEquals("e1", raw.executionId());
        assertEquals(List.of(raw.captureId()), norm.inputs());
        assertEquals(List.of(norm.captureId()), calc.inputs());
        assertEquals(8100, norm.symbols());

        // A BLOCKED week with its reason; a certified one by its certifier.
        EventData.ReadinessChanged blocked = of(EventData.ReadinessChanged.class).stream().filter(r -> r.status() == ReadinessStatus.BLOCKED).findFirst().orElseThrow();
        assertTrue(blocked.reason().contains("appears truncated"), blocked.reason());
        assertEquals(0, blocked.expectedSymbols(), "spine-core keeps no expected count: unknown, not the actual count (read as 100 %)");
        assertTrue(of(EventData.ReadinessChanged.class).stream().anyMatch(r -> r.status() == ReadinessStatus.CERTIFIED && r.by().equals("j.ortiz")
                && norm.dataset().equals("finra.otc_transparency.normalized")));
        assertTrue(of(EventData.AnomalyDetected.class).stream().anyMatch(a -> a.severity() == Severity.CRITICAL));

        // Live: an anomaly resolved later, and a run inserted while the feed runs — each once.
        sql("UPDATE core_anomalies SET resolved_at = '2026-10-20T09:00:00Z', resolution_note = 'vendor confirmed' WHERE id = 2");
        sql("INSERT INTO core_executions VALUES ('e5', 'finra.otc_transparency.ingest_week', '" + PART_16.replace("'", "''")
                + "', 'default', 'api', 'k5', 'running', '2026-10-26T14:00:00Z', '2026-10-26T14:00:02Z', NULL, NULL)");
        await("the live changes", () -> of(EventData.AnomalyResolved.class).size() == 1 && of(EventData.ExecutionStarted.class).stream()
                .anyMatch(s -> s.executionId().equals("e5")));
        assertEquals(1, of(EventData.AnomalyResolved.class).size());
        assertEquals(1, of(EventData.ExecutionQueued.class).stream().filter(q -> q.executionId().equals("e5")).count());

        // A retry lands as a pending execution spine-core's worker claims, for the failed run's partition.
        Message.CommandResult retry = feed.client.command(new Command.Retry("e4", null)).get(10, TimeUnit.SECONDS);
        assertTrue(retry.ok(), String.valueOf(retry.error()));
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT status, pipeline, params, trigger_source FROM core_executions WHERE id = '"
                     + retry.data().path("execution_ids").path(0).asText() + "'")) {
            assertTrue(r.next());
            assertEquals("pending", r.getString(1));
            assertEquals("finra.otc_transparency.ingest_week", r.getString(2));
            assertTrue(r.getString(3).contains("2026-10-09") && r.getString(3).contains("OTC"), r.getString(3));
            assertEquals("retry", r.getString(4));
        }
        String retried = retry.data().path("execution_ids").path(0).asText();
        await("the retry read back", () -> of(EventData.ExecutionQueued.class).stream().anyMatch(q -> q.executionId().equals(retried)));

        // Restart on the same journal and database: nothing is emitted twice.
        long head = feed.journal.headSeq();
        stopServing();
        serve(false);
        awaitCurrent(); // the restarted source's first poll is done
        assertEquals(head, feed.journal.headSeq(), "a restart re-emitted history: " + feed.received.stream().filter(e -> e.seq() > head).toList());
    }

    /**
     * A writer whose clock runs ahead (an anomaly detected "in 2099") must not hide what is written
     * after it with true times: an anomaly resolved now is read by the next poll. (A change to an
     * existing row moves no rowid and no row count, so without the cap on the cursor it was never read.)
     */
    @Test
    void aChangeWrittenAfterAFutureDatedRowIsStillRead() throws Exception {
        fill();
        sql("INSERT INTO core_anomalies VALUES (4, 'finra.otc_transparency', 'finra.otc_transparency.normalize_week', '"
                + PART_16.replace("'", "''") + "', 'NORMALIZED', 'WARN', 'volume_spike', 'MSFT volume 3x the 6-week average', '{}', 1,"
                + " '[]', 'e2', NULL, '2099-01-01T00:00:00Z', NULL, NULL)");
        serve(false);
        awaitCurrent();
        assertTrue(of(EventData.AnomalyResolved.class).isEmpty());
        sql("UPDATE core_anomalies SET resolved_at = '" + Instant.now() + "', resolution_note = 'vendor confirmed' WHERE id = 2");
        await("the anomaly resolved now", () -> of(EventData.AnomalyResolved.class).size() == 1);
    }

    /** A stack trace of megabytes in spine-core's error column: the failure is still said, its text clipped to stay one small event. */
    @Test
    void aMegabyteErrorIsClippedNotSkipped() throws Exception {
        fill();
        String trace = "RuntimeError: boom\n" + "  at frame\n".repeat(300_000);
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("INSERT INTO core_executions VALUES ('e9',"
                + " 'finra.otc_transparency.ingest_week', '{\"week_ending\":\"2026-10-02\",\"tier\":\"OTC\"}', 'default', 'cli', 'k9',"
                + " 'failed', '2026-10-05T14:00:00Z', '2026-10-05T14:00:01Z', '2026-10-05T14:00:03Z', ?)")) {
            s.setString(1, trace);
            s.execute();
        }
        serve(false);
        awaitCurrent();
        EventData.ExecutionFailed failed = of(EventData.ExecutionFailed.class).stream().filter(f -> f.executionId().equals("e9"))
                .findFirst().orElseThrow(() -> new AssertionError("the failure with a long error was not journaled"));
        String message = failed.error().type() + ": " + failed.error().message();
        assertTrue(message.length() < 17_000, "not clipped: " + message.length());
        assertTrue(message.endsWith("characters in spine-core, clipped)"), message.substring(message.length() - 80));
    }

    @Test
    void aReadOnlyDatabaseRefusesCommandsWithAReason() throws Exception {
        fill();
        serve(true);
        await("the history", () -> of(EventData.ReadinessChanged.class).size() == 2);
        Message.CommandResult r = feed.client.command(new Command.Retry("e4", null)).get(10, TimeUnit.SECONDS);
        assertFalse(r.ok());
        assertEquals("read_only", r.error().code());
        assertTrue(r.error().message().contains("read-only"), r.error().message());
        assertFalse(feed.client.welcome().capabilities().contains("commands"), "a read-only feed does not offer commands");
        assertTrue(feed.client.welcome().capabilities().contains("checkpoint"));
    }

    @Test
    void aBasicTierDatabaseWithFewTablesStillServesWhatItHas() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            schema(c);
            for (String t : List.of("core_workflow_runs", "core_manifest", "core_source_fetches", "core_anomalies", "core_data_readiness",
                    "core_calc_dependencies", "core_expected_schedules", "core_work_items", "core_executions")) {
                s.execute("DROP TABLE " + t);
            }
            s.execute("CREATE TABLE core_executions (id TEXT, pipeline TEXT, params TEXT, trigger_source TEXT, status TEXT, created_at TEXT,"
                    + " started_at TEXT, completed_at TEXT, error TEXT)");
            s.execute("INSERT INTO core_executions VALUES ('x1', 'p.ingest', '{}', 'schedule', 'completed', '2026-10-19T14:00:00Z',"
                    + " '2026-10-19T14:00:01Z', 'not a time', NULL)");
            s.execute("INSERT INTO core_executions VALUES ('x2', 'p.ingest', '{}', 'schedule', 'queued', '2026-10-19T15:00:00Z', NULL, NULL, NULL)");
        }
        serve(false);
        awaitCurrent();
        assertEquals(1, of(EventData.ExecutionQueued.class).size());
        assertEquals("x2", of(EventData.ExecutionQueued.class).getFirst().executionId());
        assertEquals(ConnectionState.Phase.LIVE, feed.client.state().phase());
    }
}
