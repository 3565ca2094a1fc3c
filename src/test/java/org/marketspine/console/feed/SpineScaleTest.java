package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;
import static org.marketspine.console.bench.SpineCoreDatabase.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.bench.SpineCoreDatabase;
import org.marketspine.console.bench.TenYearSpineDatabase;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.SourceState;

/**
 * Ten years of a spine-core 0.4.0 platform (SQLite): polls read only what changed, and what they
 * emit is what a whole read of the final database gives; a client never sees {@code current}
 * before the history is journaled; a moved database file fails within two polls and recovers.
 */
class SpineScaleTest {
    static final String OTC = "finra.otc_transparency";
    @TempDir
    Path dir;
    final List<SpineFeed> open = new ArrayList<>();

    @AfterEach
    void stop() {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    /** A feed over the database, noting what the client believed of the source as each batch arrived ("STATE lastSeq"). */
    SpineFeed serve(SpineDb db, String journalName, List<String> statusAtBatch) throws Exception {
        SpineFeed[] self = new SpineFeed[1];
        SpineFeed f = SpineFeed.serve(db, dir.resolve(journalName), Duration.ofMillis(200), batch -> {
            var status = self[0] == null ? null : self[0].client.sourceStatus();
            statusAtBatch.add((status == null ? "none" : status.state().name()) + " " + batch.getLast().seq());
        });
        self[0] = f;
        open.add(f);
        return f;
    }

    static void await(String what, BooleanSupplier ok) throws InterruptedException {
        SpineFeed.await(what, Duration.ofSeconds(90), ok);
    }

    /** The journal's platform facts as text, sorted: what was said, whatever the order it was learnt in. */
    static List<String> facts(SpineFeed f) {
        List<String> out = new ArrayList<>();
        for (Event e : f.received) if (!(e.data() instanceof EventData.CommandRecorded)) out.add(Codec.mapper().valueToTree(e.data()).toString());
        out.sort(null);
        return out;
    }

    @Test
    void tenYears_pollsReadOnlyChanges_andEmitWhatAWholeReadGives() throws Exception {
        SpineDb db = SpineDb.sqlite(dir);
        TenYearSpineDatabase.Built built;
        try (Connection c = db.connect()) {
            built = TenYearSpineDatabase.build(c, 520, Instant.parse("2026-11-30T00:00:00Z"), 7);
        }
        assertTrue(built.executions() >= 40_000, "only " + built.executions() + " executions");

        List<String> seen = new CopyOnWriteArrayList<>();
        SpineFeed live = serve(db, "live.journal", seen);
        live.awaitCurrent();
        int history = live.received.size();
        assertTrue(history > 120_000, "history of " + history + " events");
        // A client there from the start is never told 'current' before the last of the history has reached it.
        long historyHead = live.journal.headSeq();
        if (!seen.getFirst().startsWith("CURRENT")) { // (a client that connected after the load is told current first, then replayed)
            for (String s : seen) {
                long seq = Long.parseLong(s.substring(s.indexOf(' ') + 1));
                if (seq < historyHead) assertFalse(s.startsWith("CURRENT"), "told current with history still to come: " + s + " of " + historyHead);
            }
        }

        // One change in each table, as spine-core makes them; each arrives, once.
        try (Connection c = db.connect()) {
            SpineCoreDatabase spine = new SpineCoreDatabase(c, SpineCoreDatabase.Generation.V0_4);
            String part = "{\"tier\": \"OTC\", \"week_ending\": \"2026-12-04\"}";
            spine.insert("core_executions", row("id", "live-1", "workflow", "operation:" + OTC + ".ingest_week", "params", part, "lane", "normal",
                    "trigger_source", "schedule", "status", "running", "created_at", "2026-12-07T14:00:00+00:00", "started_at", "2026-12-07T14:00:01+00:00",
                    "retry_count", 0));
            spine.insert("core_execution_events", row("id", "ev-live-1", "execution_id", "live-1", "event_type", "started",
                    "timestamp", "2026-12-07T14:00:01+00:00", "data", "{}"));
            spine.insert("core_manifest", row("domain", OTC, "partition_key", part, "stage", "INGESTED", "stage_rank", 1, "row_count", 50000,
                    "metrics_json", "{\"symbol_count\": 7000}", "execution_id", "live-1", "batch_id", "b", "updated_at", "2026-12-07T14:00:40+00:00"));
            spine.insert("core_anomalies", row("domain", OTC, "workflow", "ingest_week", "partition_key", part, "stage", "INGESTED", "severity", "CRITICAL",
                    "category", "COMPLETENESS", "message", "file 40% short", "details_json", "{}", "detected_at", "2026-12-07T14:00:41+00:00",
                    "created_at", "2026-12-07T14:00:41+00:00"));
            spine.insert("core_data_readiness", row("domain", OTC, "partition_key", part, "is_ready", 0, "ready_for", "trading",
                    "all_partitions_present", 1, "all_stages_complete", 0, "no_critical_anomalies", 0, "dependencies_current", 1,
                    "age_exceeds_preliminary", 0, "blocking_issues", "[\"file 40% short\"]", "created_at", "2026-12-07T14:00:42+00:00",
                    "updated_at", "2026-12-07T14:00:42+00:00"));
            spine.insert("core_dead_letters", row("id", "dl-live", "execution_id", "gone-9", "workflow", "operation:" + OTC + ".ingest_week",
                    "params", "{\"tier\": \"NMS_TIER_2\", \"week_ending\": \"2026-12-04\"}", "error", "ConnectionResetError: reset", "retry_count", 3,
                    "max_retries", 3, "created_at", "2026-12-07T15:00:00+00:00"));
            spine.insert("core_work_items", row("domain", OTC, "workflow", "normalize_week", "partition_key", part, "params_json", "{}",
                    "desired_at", "2026-12-07T15:00:00+00:00", "priority", 100, "state", "PENDING", "attempt_count", 0, "max_attempts", 3,
                    "created_at", "2026-12-07T15:00:00+00:00", "updated_at", "2026-12-07T15:00:00+00:00"));
        }
        await("the live rows", () -> live.received.stream().anyMatch(e -> e.data() instanceof EventData.ExecutionFailed f && f.executionId().equals("dl-dl-live"))
                && live.received.stream().anyMatch(e -> e.data() instanceof EventData.ExecutionQueued q && q.executionId().startsWith("wi-"))
                && live.received.stream().anyMatch(e -> e.data() instanceof EventData.ReadinessChanged r && r.weekEnding().toString().equals("2026-12-04")));
        // A status change alone (spine-core's worker finishing a run it had open), and a resolution.
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE core_executions SET status = 'completed' WHERE id = 'live-1'");
            s.execute("UPDATE core_anomalies SET resolved_at = '2026-12-07T16:00:00+00:00', resolution_note = 'vendor resent' WHERE message = 'file 40% short'");
        }
        await("the run's end and the resolution", () -> live.received.stream().anyMatch(e -> e.data() instanceof EventData.ExecutionCompleted x
                && x.executionId().equals("live-1")) && live.received.stream().anyMatch(e -> e.data() instanceof EventData.AnomalyResolved a
                && a.note().equals("vendor resent")));
        live.awaitCurrent();
        assertEquals(1, live.received.stream().filter(e -> e.data() instanceof EventData.ExecutionQueued q && q.executionId().equals("live-1")).count());
        assertEquals(1, live.received.stream().filter(e -> e.data() instanceof EventData.CaptureRecorded r
                && r.weekEnding().toString().equals("2026-12-04")).count());

        // A whole read of the final database, into a journal of its own, says the same things.
        SpineFeed whole = serve(db, "whole.journal", new CopyOnWriteArrayList<>());
        whole.awaitCurrent();
        assertEquals(facts(whole), facts(live), "incremental polls and a whole read disagree");

        // An update spelled "YYYY-MM-DD HH:MM:SS" on a column that held only 'T' spellings (SQLite's datetime('now')) is not missed.
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE core_manifest SET row_count = 51000, updated_at = '2026-12-07 17:00:00' WHERE stage = 'INGESTED'"
                    + " AND partition_key = '{\"tier\": \"OTC\", \"week_ending\": \"2026-12-04\"}'");
        }
        await("the revised capture", () -> live.received.stream().filter(e -> e.data() instanceof EventData.CaptureRecorded r
                && r.weekEnding().toString().equals("2026-12-04") && r.dataset().endsWith(".raw")).count() == 2);

        // The file moves away: failing within two polls; back: current again, and nothing emitted twice.
        long head = live.journal.headSeq();
        Path moved = dir.resolve("spine.db.moved");
        Files.move(dir.resolve("spine.db"), moved);
        await("failing", () -> live.client.sourceStatus().state() == SourceState.FAILING);
        Files.move(moved, dir.resolve("spine.db"));
        await("current again", () -> live.client.sourceStatus().state() == SourceState.CURRENT);
        live.awaitCurrent();
        assertEquals(head, live.journal.headSeq(), "recovery re-emitted history");

        // A restart over the same journal reads ten years whole again and emits nothing.
        open.remove(live);
        live.close();
        whole.close();
        open.remove(whole);
        SpineFeed again = serve(db, "live.journal", new CopyOnWriteArrayList<>());
        again.awaitCurrent();
        assertEquals(head, again.journal.headSeq(), "a restart re-emitted history");
    }
}
