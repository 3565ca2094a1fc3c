package org.marketspine.console.feed.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marketspine.console.feed.EventSink;
import org.marketspine.console.feed.FeedRefusal;
import org.marketspine.console.feed.PlatformSource;
import org.marketspine.console.feed.Redact;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Message.Request;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SourceState;

/**
 * A real Market Spine: spine-core's {@code core_*} tables over JDBC (SQLite or PostgreSQL), in
 * either schema generation ({@link SpineSchema}), read every poll and compared with what the
 * journal already holds — so history is synthesised once, each later change is emitted once, and
 * a restart emits nothing twice. The translators ({@link SpineRuns}, {@link SpineData},
 * {@link SpineSchedules}) turn rows into facts; rows they cannot use are skipped with a logged
 * reason; missing tables are simply not read; a locked database is retried at the next poll.
 * It writes only what commands ask, the way spine-core does ({@link SpineDatabaseWrites}).
 */
public final class SpineDatabaseSource implements PlatformSource {
    private static final Logger LOG = Logger.getLogger(SpineDatabaseSource.class.getName());

    private final boolean readOnly;
    private final Duration every;
    private final Clock clock;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    /** The reader's own thread: polls never queue the feed's commands, requests and hellos behind a database read. */
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("spine-db reader").factory());
    private final SpineReader reader;
    private final SpineMemory memory = new SpineMemory();
    /** Read on the worker thread only. */
    private Connection readDb;
    /** Written (commands) and asked (requests) on the platform thread only: JDBC connections are not shared between threads. */
    private Connection writeDb;
    /** Set by the reader when the database file went away: the write connection still holds the old file. */
    private volatile boolean writeStale;
    private EventSink sink;
    private ScheduledFuture<?> poller;
    private volatile SpineSchema schema;
    private static final int EMIT_SLICE = 10_000;
    private final SpineConnections connections;
    private final SpineCatalogue catalogue = new SpineCatalogue();
    /** The first whole read has been journaled: later polls are no longer "loading". */
    private volatile boolean loaded;
    private String lastProblem;
    private final SpineDatabaseWrites writes;
    /** The database for messages clients see: the JDBC URL with any password in it redacted (once: it is said every poll). */
    private final String described;

    public SpineDatabaseSource(String jdbcUrl, String user, String password, boolean readOnly, Duration every, Clock clock) {
        this.connections = new SpineConnections(jdbcUrl, user, password, readOnly);
        this.readOnly = readOnly;
        this.every = every;
        this.clock = clock;
        this.reader = new SpineReader(clock);
        this.writes = new SpineDatabaseWrites(this::writeConnection, () -> schema, clock);
        this.described = "the spine-core database " + Redact.jdbcUrl(jdbcUrl);
    }

    @Override
    public String platform() {
        return "spine-db";
    }

    @Override
    public List<String> requestOps() {
        SpineSchema s = schema;
        return s != null && s.has("core_execution_logs") ? List.of("capture_diff", "logs") : List.of("capture_diff");
    }

    @Override
    public void start(EventSink sink) {
        this.sink = sink;
        // Loading until the first poll that succeeds; after that only current or failing (with its first "since").
        if (sink.state().seq() == 0) sink.status(SourceState.LOADING, "reading the platform's history from " + described, null);
        poller = worker.scheduleWithFixedDelay(this::pollSafely, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Connection readConnection() throws SQLException {
        if (readDb == null || readDb.isClosed()) readDb = connections.open();
        return readDb;
    }

    private Connection writeConnection() throws SQLException {
        if (writeStale) {
            writeStale = false;
            writeDb = SpineConnections.closeQuietly(writeDb);
        }
        if (writeDb == null || writeDb.isClosed() || !writeDb.isValid(5)) writeDb = connections.open();
        return writeDb;
    }

    private void pollSafely() {
        try {
            poll();
            lastProblem = null;
            sink.status(SourceState.CURRENT, "every poll of " + described + " succeeding", null);
        } catch (SQLException e) {
            forget();
            // A driver's message can hold the URL it was given ("No suitable driver found for jdbc:…?password=…").
            String safe = Redact.jdbcUrl(String.valueOf(e.getMessage()));
            boolean locked = SpineErrors.isLocked(e);
            // Said once per distinct problem: a poll every 2 s must not flood the log.
            if (!safe.equals(lastProblem)) {
                LOG.warning(locked ? "spine-core database is locked by another writer; retrying at every poll"
                        : "spine-core database poll failed (" + safe + "); reconnecting at every poll until it works");
            }
            lastProblem = safe;
            sink.status(SourceState.FAILING, locked ? "the database is locked by another writer"
                    : "the database cannot be read (SQLState " + (e.getSQLState() == null ? "unknown" : e.getSQLState()) + "): " + safe, null);
            if (!locked) readDb = SpineConnections.closeQuietly(readDb);
        } catch (RuntimeException | Error e) {
            // An Error too (out of memory on a huge read): an escaping throwable would cancel the scheduled poll for good.
            if (worker.isShutdown()) {
                LOG.fine("a poll was interrupted by the source closing: " + e);
                return;
            }
            forget();
            // Never stop polling: the scheduled task would be cancelled by an escaping exception.
            LOG.log(Level.WARNING, "spine-core poll hit an unexpected problem; polling goes on", e);
            sink.status(SourceState.FAILING, "the database poll failed: " + e.getClass().getSimpleName() + " "
                    + Redact.jdbcUrl(String.valueOf(e.getMessage())), null);
        }
    }

    /**
     * One pass, on the worker thread: read what changed, translate it against the journal's state,
     * and hand only the new facts to the platform thread — waiting for them to be journaled, so the
     * next pass sees them.
     */
    void poll() throws SQLException {
        long began = System.nanoTime();
        Path file = connections.sqliteFile();
        if (file != null && !Files.exists(file)) {
            // An open connection still reads a renamed or deleted file; spine-core no longer writes there.
            readDb = SpineConnections.closeQuietly(readDb);
            writeStale = true; // the platform thread reopens its own before the next command: never write into a moved file
            throw new SQLException("the SQLite file " + file + " is not there any more (moved or deleted)", "08006");
        }
        Connection c = readConnection();
        SpineSchema previous = schema;
        SpineSchema found = catalogue.changed(c, previous) ? SpineSchema.of(c) : previous;
        if (!found.sameAs(previous)) {
            LOG.info(found.describe());
            forget(); // other tables or columns: what was read of the old ones is no guide to the new
        }
        schema = found;
        boolean firstRead = !loaded;
        int tables = found.tables().size();
        Map<String, List<Map<String, Object>>> rows = reader.read(c, found, (table, done) -> {
            if (firstRead) loading("reading the platform's history from " + described + ": " + table, done, tables);
        });
        if (reader.rereadWhole()) {
            // A table no longer matched what was read of it: what memory built from it may be gone. Start again from a whole read.
            forget();
            rows = reader.read(c, found, (table, done) -> { });
        }
        if (firstRead) loading("journaling the platform's history from " + described, tables, tables);
        SpinePass pass = new SpinePass(sink.state(), found, memory, rows, Instant.now(clock), this::skip);
        SpineSchedules schedules = new SpineSchedules(pass);
        SpineData data = new SpineData(pass);
        int changed = rows.values().stream().mapToInt(List::size).sum();
        // Each table's rows are let go once translated: a first read of ten years must not hold them all while journaling.
        schedules.pipelines();
        new SpineRuns(pass).translate();
        pass.release("core_executions", "core_execution_events", "core_dead_letters", "core_workflow_runs", "core_work_items");
        data.captures();
        pass.release("core_manifest", "core_source_fetches");
        data.anomalies();
        pass.release("core_anomalies");
        schedules.missed();
        data.readiness();
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine(String.format("poll: %d rows new or changed, %d facts, %.1f ms", changed,
                    pass.facts.size(), (System.nanoTime() - began) / 1e6));
        }
        if (pass.facts.isEmpty()) {
            loaded = true;
            return;
        }
        // Declarations have no time of their own: they take the batch's first instant (or now), so the
        // journal's timeline starts where the platform's history does, not in 1970.
        Instant first = pass.facts.stream().filter(f -> !(f.data() instanceof EventData.PipelineDeclared)).map(EventSink.Timed::at)
                .min(Comparator.naturalOrder()).orElse(Instant.now(clock));
        List<EventSink.Timed> ordered = new ArrayList<>();
        for (EventSink.Timed f : pass.facts) ordered.add(f.data() instanceof EventData.PipelineDeclared ? new EventSink.Timed(first, f.data()) : f);
        ordered.sort(Comparator.comparing(EventSink.Timed::at)); // stable: an execution's own steps keep their order
        pass.facts.clear();
        try {
            // In slices: each is one journal transaction, and the encoding of ten years is never all in memory at once.
            for (int i = 0; i < ordered.size(); i += EMIT_SLICE) {
                List<EventSink.Timed> slice = ordered.subList(i, Math.min(ordered.size(), i + EMIT_SLICE));
                sink.platformThread().submit(() -> sink.emitAll(slice)).get();
                if (firstRead && ordered.size() > EMIT_SLICE) {
                    loading("journaling the platform's history from " + described, tables + (long) (i + slice.size()) * tables / ordered.size(), tables);
                }
            }
            loaded = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the journal refused the platform's facts: " + e.getCause(), e.getCause());
        }
    }

    /** The first load's progress: reading the tables is the first half, journaling what they hold the second. */
    private void loading(String message, long done, int tables) {
        sink.status(SourceState.LOADING, message, new Message.Progress(done, 2L * tables));
    }

    /**
     * After a failed poll the cursors may have moved past rows whose facts never reached the
     * journal: the next good poll reads everything again and decides against the journal.
     */
    private void forget() {
        reader.reset();
        memory.clear();
    }

    /** Logs a skipped row once (a poll every 2 s must not repeat it forever). */
    private void skip(String table, Map<String, Object> row, Exception why) {
        String key = table + " " + row.getOrDefault("id", row.getOrDefault("run_id", row)) + ": " + why.getMessage();
        if (warned.add(key)) LOG.warning("skipped a row of " + key);
    }

    // ---- requests and commands ----

    @Override
    public JsonNode answer(Request request, PlatformState state) throws FeedRefusal {
        if (request.op().equals("logs")) {
            SpineSchema s = schema;
            if (s == null) throw new FeedRefusal("unavailable", "the spine-core database has not been read yet; try again in a moment");
            if (state.execution(request.executionId()) == null) throw new FeedRefusal("not_found", "no execution " + request.executionId());
            try {
                return SpineLogs.of(writeConnection(), s, request.executionId());
            } catch (SQLException e) {
                throw SpineErrors.refusal(e);
            }
        }
        if (!request.op().equals("capture_diff")) throw new FeedRefusal("unsupported", "a spine-core database answers no '" + request.op() + "' requests");
        Capture a = state.capture(request.fromCapture());
        Capture b = state.capture(request.toCapture());
        if (a == null || b == null) throw new FeedRefusal("not_found", "no such capture: " + (a == null ? request.fromCapture() : request.toCapture()));
        ObjectNode out = Codec.mapper().createObjectNode();
        out.put("from_capture", a.captureId()).put("to_capture", b.captureId());
        out.put("rows_before", a.recorded().rows()).put("rows_after", b.recorded().rows()).put("rows_delta", b.recorded().rows() - a.recorded().rows());
        out.put("symbols_before", a.recorded().symbols()).put("symbols_after", b.recorded().symbols())
                .put("symbols_delta", b.recorded().symbols() - a.recorded().symbols());
        out.putArray("symbols_added");
        out.putArray("symbols_removed");
        return out;
    }

    @Override
    public boolean acceptsCommands() {
        return !readOnly;
    }

    @Override
    public CommandEffect perform(Command c, String user, PlatformState state) throws FeedRefusal {
        if (readOnly) throw new FeedRefusal("read_only", "the spine-core database is opened read-only: '" + c.op() + "' cannot be carried out");
        ObjectNode data = Codec.mapper().createObjectNode();
        List<EventData> facts = new ArrayList<>();
        try {
            switch (c) {
                case Command.Retry r -> data = writes.retry(state.execution(r.executionId()), user, r.reason());
                case Command.Backfill b -> data = writes.backfill(b, user);
                case Command.Readiness r -> writes.readiness(r, user);
                case Command.Acknowledge a -> facts.add(new EventData.AnomalyAcknowledged(a.anomalyId(), user, a.note()));
                case Command.Cancel x -> throw new FeedRefusal("unsupported", "a spine-core database does not carry out '" + x.op() + "'");
            }
        } catch (SQLException e) {
            throw SpineErrors.refusal(e);
        }
        // What the command wrote comes back through the next poll, right after this command's transaction.
        // (On a feed server that does not lead a shared journal this source never started: the leader's poll reads it.)
        if (sink != null && !worker.isShutdown()) worker.execute(this::pollSafely);
        return new CommandEffect(facts, data);
    }

    @Override
    public void close() {
        if (poller != null) poller.cancel(false);
        // Interrupts a poll waiting for this (platform) thread to journal its facts; what it had not handed over the
        // next start reads again — facts are decided against the journal, so nothing is lost or doubled.
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) LOG.warning("the spine-db reader did not stop within 5 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readDb = SpineConnections.closeQuietly(readDb);
        writeDb = SpineConnections.closeQuietly(writeDb);
    }
}
