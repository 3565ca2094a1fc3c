package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;
import static org.marketspine.console.bench.SpineCoreDatabase.row;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.bench.SpineCoreDatabase;
import org.marketspine.console.bench.TenYearSpineDatabase;
import org.marketspine.console.feed.client.FeedClient;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.SpineDatabaseSource;
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
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    record Feed(Journal journal, FeedServer server, FeedClient client, List<Event> received, List<String> statusAtBatch) {}

    Feed serve(String url, String journalName) throws Exception {
        Journal journal = Journal.open(dir.resolve(journalName));
        FeedServer server = new FeedServer(journal, new SpineDatabaseSource(url, null, null, false, Duration.ofMillis(200), Clock.systemUTC()),
                TokenStore.openAccess(), new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).start();
        List<Event> received = new CopyOnWriteArrayList<>();
        List<String> statusAtBatch = new CopyOnWriteArrayList<>();
        FeedClient[] self = new FeedClient[1];
        FeedClient client = new FeedClient(URI.create(server.url()), null, 0, FeedClient.listener(batch -> {
            // What the client believed about the source when each batch of history arrived.
            var status = self[0] == null ? null : self[0].sourceStatus();
            statusAtBatch.add((status == null ? "none" : status.state().name()) + " " + batch.getLast().seq());
            received.addAll(batch);
        }, s -> { }), Clock.systemUTC());
        self[0] = client;
        client.start();
        open.add(journal);
        open.add(server);
        open.add(client);
        return new Feed(journal, server, client, received, statusAtBatch);
    }

    static void await(String what, BooleanSupplier ok) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > end) fail("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    static void awaitCurrent(Feed f) throws InterruptedException {
        await("the source to be current", () -> f.client().sourceStatus() != null && f.client().sourceStatus().state() == SourceState.CURRENT
                && !f.received().isEmpty() && f.received().getLast().seq() >= f.journal().headSeq());
    }

    /** The journal's platform facts as text, sorted: what was said, whatever the order it was learnt in. */
    static List<String> facts(Feed f) {
        List<String> out = new ArrayList<>();
        for (Event e : f.received()) if (!(e.data() instanceof EventData.CommandRecorded)) out.add(Codec.mapper().valueToTree(e.data()).toString());
        out.sort(null);
        return out;
    }

    @Test
    void tenYears_pollsReadOnlyChanges_andEmitWhatAWholeReadGives() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("spine.db");
        TenYearSpineDatabase.Built built;
        try (Connection c = DriverManager.getConnection(url)) {
            built = TenYearSpineDatabase.build(c, 520, Instant.parse("2026-11-30T00:00:00Z"), 7);
        }
        assertTrue(built.executions() >= 40_000, "only " + built.executions() + " executions");

        Feed live = serve(url, "live.journal");
        awaitCurrent(live);
        int history = live.received().size();
        assertTrue(history > 120_000, "history of " + history + " events");
        // A client there from the start is never told 'current' before the last of the history has reached it.
        long historyHead = live.journal().headSeq();
        List<String> seen = live.statusAtBatch();
        if (!seen.getFirst().startsWith("CURRENT")) { // (a client that connected after the load is told current first, then replayed)
            for (String s : seen) {
                long seq = Long.parseLong(s.substring(s.indexOf(' ') + 1));
                if (seq < historyHead) assertFalse(s.startsWith("CURRENT"), "told current with history still to come: " + s + " of " + historyHead);
            }
        }

        // One change in each table, as spine-core makes them; each arrives, once.
        try (Connection c = DriverManager.getConnection(url)) {
            SpineCoreDatabase db = new SpineCoreDatabase(c, SpineCoreDatabase.Generation.V0_4);
            String part = "{\"tier\": \"OTC\", \"week_ending\": \"2026-12-04\"}";
            db.insert("core_executions", row("id", "live-1", "workflow", "operation:" + OTC + ".ingest_week", "params", part, "lane", "normal",
                    "trigger_source", "schedule", "status", "running", "created_at", "2026-12-07T14:00:00+00:00", "started_at", "2026-12-07T14:00:01+00:00",
                    "retry_count", 0));
            db.insert("core_execution_events", row("id", "ev-live-1", "execution_id", "live-1", "event_type", "started",
                    "timestamp", "2026-12-07T14:00:01+00:00", "data", "{}"));
            db.insert("core_manifest", row("domain", OTC, "partition_key", part, "stage", "INGESTED", "stage_rank", 1, "row_count", 50000,
                    "metrics_json", "{\"symbol_count\": 7000}", "execution_id", "live-1", "batch_id", "b", "updated_at", "2026-12-07T14:00:40+00:00"));
            db.insert("core_anomalies", row("domain", OTC, "workflow", "ingest_week", "partition_key", part, "stage", "INGESTED", "severity", "CRITICAL",
                    "category", "COMPLETENESS", "message", "file 40% short", "details_json", "{}", "detected_at", "2026-12-07T14:00:41+00:00",
                    "created_at", "2026-12-07T14:00:41+00:00"));
            db.insert("core_data_readiness", row("domain", OTC, "partition_key", part, "is_ready", 0, "ready_for", "trading",
                    "all_partitions_present", 1, "all_stages_complete", 0, "no_critical_anomalies", 0, "dependencies_current", 1,
                    "age_exceeds_preliminary", 0, "blocking_issues", "[\"file 40% short\"]", "created_at", "2026-12-07T14:00:42+00:00",
                    "updated_at", "2026-12-07T14:00:42+00:00"));
            db.insert("core_dead_letters", row("id", "dl-live", "execution_id", "gone-9", "workflow", "operation:" + OTC + ".ingest_week",
                    "params", "{\"tier\": \"NMS_TIER_2\", \"week_ending\": \"2026-12-04\"}", "error", "ConnectionResetError: reset", "retry_count", 3,
                    "max_retries", 3, "created_at", "2026-12-07T15:00:00+00:00"));
            db.insert("core_work_items", row("domain", OTC, "workflow", "normalize_week", "partition_key", part, "params_json", "{}",
                    "desired_at", "2026-12-07T15:00:00+00:00", "priority", 100, "state", "PENDING", "attempt_count", 0, "max_attempts", 3,
                    "created_at", "2026-12-07T15:00:00+00:00", "updated_at", "2026-12-07T15:00:00+00:00"));
        }
        await("the live rows", () -> live.received().stream().anyMatch(e -> e.data() instanceof EventData.ExecutionFailed f && f.executionId().equals("dl-dl-live"))
                && live.received().stream().anyMatch(e -> e.data() instanceof EventData.ExecutionQueued q && q.executionId().startsWith("wi-"))
                && live.received().stream().anyMatch(e -> e.data() instanceof EventData.ReadinessChanged r && r.weekEnding().toString().equals("2026-12-04")));
        // A status change alone (spine-core's worker finishing a run it had open), and a resolution.
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("UPDATE core_executions SET status = 'completed' WHERE id = 'live-1'");
            s.execute("UPDATE core_anomalies SET resolved_at = '2026-12-07T16:00:00+00:00', resolution_note = 'vendor resent' WHERE message = 'file 40% short'");
        }
        await("the run's end and the resolution", () -> live.received().stream().anyMatch(e -> e.data() instanceof EventData.ExecutionCompleted x
                && x.executionId().equals("live-1")) && live.received().stream().anyMatch(e -> e.data() instanceof EventData.AnomalyResolved a
                && a.note().equals("vendor resent")));
        awaitCurrent(live);
        assertEquals(1, live.received().stream().filter(e -> e.data() instanceof EventData.ExecutionQueued q && q.executionId().equals("live-1")).count());
        assertEquals(1, live.received().stream().filter(e -> e.data() instanceof EventData.CaptureRecorded r
                && r.weekEnding().toString().equals("2026-12-04")).count());

        // A whole read of the final database, into a journal of its own, says the same things.
        Feed whole = serve(url, "whole.journal");
        awaitCurrent(whole);
        assertEquals(facts(whole), facts(live), "incremental polls and a whole read disagree");

        // The file moves away: failing within two polls; back: current again, and nothing emitted twice.
        long head = live.journal().headSeq();
        Path moved = dir.resolve("spine.db.moved");
        Files.move(dir.resolve("spine.db"), moved);
        await("failing", () -> live.client().sourceStatus().state() == SourceState.FAILING);
        Files.move(moved, dir.resolve("spine.db"));
        await("current again", () -> live.client().sourceStatus().state() == SourceState.CURRENT);
        awaitCurrent(live);
        assertEquals(head, live.journal().headSeq(), "recovery re-emitted history");
    }
}
