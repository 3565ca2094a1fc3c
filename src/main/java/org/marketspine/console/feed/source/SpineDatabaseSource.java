package org.marketspine.console.feed.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.marketspine.console.feed.EventSink;
import org.marketspine.console.feed.FeedRefusal;
import org.marketspine.console.feed.PlatformSource;
import org.marketspine.console.feed.Redact;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Message.Command;
import org.marketspine.console.protocol.Message.Request;
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

    private final String url;
    private final String user;
    private final String password;
    private final boolean readOnly;
    private final Duration every;
    private final Clock clock;
    private final Set<String> warned = new HashSet<>();
    private Connection db;
    private EventSink sink;
    private ScheduledFuture<?> poller;
    private volatile SpineSchema schema;
    private String lastProblem;
    private final SpineDatabaseWrites writes;

    public SpineDatabaseSource(String jdbcUrl, String user, String password, boolean readOnly, Duration every, Clock clock) {
        this.url = jdbcUrl;
        this.user = user;
        this.password = password;
        this.readOnly = readOnly;
        this.every = every;
        this.clock = clock;
        this.writes = new SpineDatabaseWrites(this::connection, () -> schema, clock);
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
        if (sink.state().seq() == 0) sink.status(SourceState.LOADING, "reading the platform's history from " + describe(), null);
        poller = sink.platformThread().scheduleWithFixedDelay(this::pollSafely, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The database for messages clients see: the JDBC URL with any password in it redacted. */
    private String describe() {
        return "the spine-core database " + Redact.jdbcUrl(url);
    }

    /** What the last poll found: generation and tables (null before the first). */
    public SpineSchema schema() {
        return schema;
    }

    private Connection connection() throws SQLException {
        if (db == null || db.isClosed()) {
            java.util.Properties props = new java.util.Properties();
            if (user != null) props.setProperty("user", user);
            if (password != null) props.setProperty("password", password);
            boolean sqlite = url.startsWith("jdbc:sqlite:");
            if (readOnly && sqlite) props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: SQLite cannot switch later
            db = DriverManager.getConnection(url, props);
            if (!sqlite) {
                // spine-core's TIMESTAMP columns hold UTC; the session must not read or default them in the JVM's zone.
                try (java.sql.Statement st = db.createStatement()) {
                    st.execute("SET TIME ZONE 'UTC'");
                }
            }
            if (readOnly && !sqlite) db.setReadOnly(true);
            db.setAutoCommit(true);
        }
        return db;
    }

    private void pollSafely() {
        try {
            poll();
            lastProblem = null;
            sink.status(SourceState.CURRENT, "every poll of " + describe() + " succeeding", null);
        } catch (SQLException e) {
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
            if (!locked) closeQuietly();
        } catch (RuntimeException e) {
            // Never stop polling: the scheduled task would be cancelled by an escaping exception.
            LOG.log(java.util.logging.Level.WARNING, "spine-core poll hit an unexpected problem; polling goes on", e);
            sink.status(SourceState.FAILING, "the database poll failed: " + e.getClass().getSimpleName() + " "
                    + Redact.jdbcUrl(String.valueOf(e.getMessage())), null);
        }
    }

    /** One pass: read the tables, compare with the journal, emit what is new, in time order, in one transaction. */
    void poll() throws SQLException {
        Connection c = connection();
        SpineSchema found = SpineSchema.of(c);
        if (!found.sameAs(schema)) LOG.info(found.describe());
        schema = found;
        Map<String, List<Map<String, Object>>> rows = new HashMap<>();
        for (String t : found.tables()) rows.put(t, SpineTables.read(c, found, t));
        SpinePass pass = new SpinePass(sink.state(), found, rows, Instant.now(clock), (table, skipped) -> skip(table, skipped.getKey(), skipped.getValue()));
        SpineSchedules schedules = new SpineSchedules(pass);
        SpineData data = new SpineData(pass);
        schedules.pipelines();
        new SpineRuns(pass).translate();
        data.captures();
        data.anomalies();
        schedules.missed();
        data.readiness();
        if (pass.facts.isEmpty()) return;
        // Declarations have no time of their own: they take the batch's first instant (or now), so the
        // journal's timeline starts where the platform's history does, not in 1970.
        Instant first = pass.facts.stream().filter(f -> !(f.data() instanceof EventData.PipelineDeclared)).map(EventSink.Timed::at)
                .min(Comparator.naturalOrder()).orElse(Instant.now(clock));
        List<EventSink.Timed> ordered = new ArrayList<>();
        for (EventSink.Timed f : pass.facts) ordered.add(f.data() instanceof EventData.PipelineDeclared ? new EventSink.Timed(first, f.data()) : f);
        ordered.sort(Comparator.comparing(EventSink.Timed::at)); // stable: an execution's own steps keep their order
        sink.emitAll(ordered);
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
                return SpineLogs.of(connection(), s, request.executionId());
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
    public CommandEffect perform(Command c, String user, PlatformState state) throws FeedRefusal {
        if (readOnly) throw new FeedRefusal("read_only", "the spine-core database is opened read-only: '" + c.op() + "' cannot be carried out");
        ObjectNode data = Codec.mapper().createObjectNode();
        List<EventData> facts = new ArrayList<>();
        try {
            switch (c.op()) {
                case "retry" -> data = writes.retry(state.execution(c.executionId()), user, c.reason());
                case "backfill" -> data = writes.backfill(c, user);
                case "certify", "block" -> writes.readiness(c, user);
                case "resolve" -> writes.resolve(c.anomalyId(), user, c.note());
                case "acknowledge" -> facts.add(new EventData.AnomalyAcknowledged(c.anomalyId(), user, c.note()));
                default -> throw new FeedRefusal("unsupported", "a spine-core database does not carry out '" + c.op() + "'");
            }
        } catch (SQLException e) {
            throw SpineErrors.refusal(e);
        }
        // What the command wrote comes back through the next poll, right after this command's transaction.
        sink.platformThread().execute(this::pollSafely);
        return new CommandEffect(facts, data);
    }

    private void closeQuietly() {
        try {
            if (db != null) db.close();
        } catch (SQLException e) {
            LOG.fine("closing the spine-core connection: " + e.getMessage());
        }
        db = null;
    }

    @Override
    public void close() {
        if (poller != null) poller.cancel(false);
        closeQuietly();
    }
}
