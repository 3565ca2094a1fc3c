package org.marketspine.console.feed.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.marketspine.console.feed.EventSink;
import org.marketspine.console.feed.FeedRefusal;
import org.marketspine.console.feed.PlatformSource;
import org.marketspine.console.feed.source.SpineRows.BadRow;
import org.marketspine.console.model.Anomaly;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.Fact;
import org.marketspine.console.model.PartitionKey;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.Readiness;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Message.Command;
import org.marketspine.console.protocol.Message.Request;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.protocol.Severity;
import org.marketspine.console.protocol.Stage;
import org.marketspine.console.protocol.Trigger;

/**
 * A real Market Spine: spine-core's {@code core_*} tables over JDBC (SQLite or PostgreSQL), read
 * every poll and compared with what the journal already holds — so history is synthesised once,
 * each later change is emitted once, and a restart emits nothing twice. Rows it cannot use are
 * skipped with a logged reason; missing tables are simply not read; a locked database is retried
 * at the next poll. It writes only what commands ask: work items, readiness, anomaly resolution.
 */
public final class SpineDatabaseSource implements PlatformSource {
    private static final Logger LOG = Logger.getLogger(SpineDatabaseSource.class.getName());
    static final List<String> TABLES = List.of("core_executions", "core_workflow_runs", "core_manifest", "core_source_fetches",
            "core_anomalies", "core_data_readiness", "core_calc_dependencies", "core_expected_schedules", "core_work_items");

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
    private Set<String> found = Set.of();
    private String lastProblem;
    private final SpineDatabaseWrites writes;

    public SpineDatabaseSource(String jdbcUrl, String user, String password, boolean readOnly, Duration every, Clock clock) {
        this.url = jdbcUrl;
        this.user = user;
        this.password = password;
        this.readOnly = readOnly;
        this.every = every;
        this.clock = clock;
        this.writes = new SpineDatabaseWrites(this::connection, () -> found, clock);
    }

    @Override
    public String platform() {
        return "spine-db";
    }

    @Override
    public List<String> requestOps() {
        return List.of("capture_diff");
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
        return "the spine-core database " + org.marketspine.console.feed.Redact.jdbcUrl(url);
    }

    /** Tables found at the last poll (the feed's log names them). */
    public Set<String> tablesFound() {
        return found;
    }

    private Connection connection() throws SQLException {
        if (db == null || db.isClosed()) {
            java.util.Properties props = new java.util.Properties();
            if (user != null) props.setProperty("user", user);
            if (password != null) props.setProperty("password", password);
            boolean sqlite = url.startsWith("jdbc:sqlite:");
            if (readOnly && sqlite) props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: SQLite cannot switch later
            db = DriverManager.getConnection(url, props);
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
            String safe = org.marketspine.console.feed.Redact.jdbcUrl(String.valueOf(e.getMessage()));
            String m = safe.toLowerCase(Locale.ROOT);
            boolean locked = m.contains("locked") || m.contains("busy");
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
                    + org.marketspine.console.feed.Redact.jdbcUrl(String.valueOf(e.getMessage())), null);
        }
    }

    /** One pass: read the tables, compare with the journal, emit what is new, in time order, in one transaction. */
    void poll() throws SQLException {
        Connection c = connection();
        Set<String> now = tables(c);
        if (!now.equals(found)) {
            LOG.info("spine-core tables found: " + now + (now.size() < TABLES.size() ? "; not present: " + missing(now) : ""));
            found = now;
        }
        PlatformState s = sink.state();
        List<EventSink.Timed> facts = new ArrayList<>();
        Map<String, List<Map<String, Object>>> rows = new HashMap<>();
        for (String t : now) rows.put(t, read(c, t));
        pipelines(s, rows, facts);
        Map<String, String> runClass = new HashMap<>();
        Set<String> ran = new HashSet<>(); // "pipeline|tier|week" of every run seen, for missed schedules
        workflowRuns(s, rows.getOrDefault("core_workflow_runs", List.of()), facts, runClass, ran);
        executions(s, rows.getOrDefault("core_executions", List.of()), facts, runClass, ran);
        Map<String, Staged> latestCapture = new HashMap<>();
        Map<String, Map<String, LocalDate[]>> spans = new HashMap<>(); // domain → tier → {first, last} week
        captures(s, rows.getOrDefault("core_manifest", List.of()), rows.getOrDefault("core_source_fetches", List.of()), facts, latestCapture, spans);
        anomalies(s, rows.getOrDefault("core_anomalies", List.of()), facts);
        missedSchedules(s, rows.getOrDefault("core_expected_schedules", List.of()), ran, spans, facts);
        readiness(s, rows.getOrDefault("core_data_readiness", List.of()), facts, latestCapture);
        if (facts.isEmpty()) return;
        // Declarations have no time of their own: they take the batch's first instant (or now), so the
        // journal's timeline starts where the platform's history does, not in 1970.
        Instant first = facts.stream().filter(f -> !(f.data() instanceof EventData.PipelineDeclared)).map(EventSink.Timed::at)
                .min(Comparator.naturalOrder()).orElse(Instant.now(clock));
        List<EventSink.Timed> ordered = new ArrayList<>();
        for (EventSink.Timed f : facts) ordered.add(f.data() instanceof EventData.PipelineDeclared ? new EventSink.Timed(first, f.data()) : f);
        ordered.sort(Comparator.comparing(EventSink.Timed::at)); // stable: an execution's own steps keep their order
        sink.emitAll(ordered);
    }

    private static List<String> missing(Set<String> found) {
        return TABLES.stream().filter(t -> !found.contains(t)).toList();
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet r = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (r.next()) {
                String name = r.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (TABLES.contains(name)) out.add(name);
            }
        }
        return out;
    }

    private static List<Map<String, Object>> read(Connection c, String table) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT * FROM " + table); ResultSet r = st.executeQuery()) {
            ResultSetMetaData m = r.getMetaData();
            while (r.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= m.getColumnCount(); i++) row.put(m.getColumnLabel(i).toLowerCase(Locale.ROOT), r.getObject(i));
                out.add(row);
            }
        }
        return out;
    }

    /** Logs a skipped row once (a poll every 2 s must not repeat it forever). */
    private void skip(String table, Map<String, Object> row, Exception why) {
        String key = table + " " + row.getOrDefault("id", row.getOrDefault("run_id", row)) + ": " + why.getMessage();
        if (warned.add(key)) LOG.warning("skipped a row of " + key);
    }

    // ---- pipelines: expected schedules and calc dependencies ----

    private void pipelines(PlatformState s, Map<String, List<Map<String, Object>>> rows, List<EventSink.Timed> facts) {
        Map<String, EventData.PipelineDeclared> declared = new TreeMap<>();
        Map<String, List<String>> inputs = new HashMap<>();
        Map<String, List<String>> outputs = new HashMap<>();
        Map<String, String> domains = new HashMap<>();
        for (Map<String, Object> r : rows.getOrDefault("core_calc_dependencies", List.of())) {
            try {
                String p = SpineRows.text(r, "calc_pipeline");
                domains.put(p, SpineRows.text(r, "calc_domain"));
                inputs.computeIfAbsent(p, k -> new ArrayList<>()).add(SpineRows.text(r, "depends_on_domain")
                        + (SpineRows.optional(r, "depends_on_table") == null ? "" : "." + SpineRows.optional(r, "depends_on_table")));
                String out = SpineRows.text(r, "calc_domain") + "." + SpineRows.text(r, "calc_table");
                List<String> o = outputs.computeIfAbsent(p, k -> new ArrayList<>());
                if (!o.contains(out)) o.add(out);
            } catch (BadRow | RuntimeException e) {
                skip("core_calc_dependencies", r, e);
            }
        }
        Map<String, EventData.Schedule> schedules = new HashMap<>();
        for (Map<String, Object> r : rows.getOrDefault("core_expected_schedules", List.of())) {
            try {
                String p = SpineRows.text(r, "pipeline");
                domains.putIfAbsent(p, SpineRows.text(r, "domain"));
                if (SpineRows.flag(r, "is_active") || r.get("is_active") == null) {
                    schedules.put(p, new EventData.Schedule(SpineRows.text(r, "cron_expression"), "UTC",
                            (int) SpineRows.number(r, "expected_delay_hours", 24)));
                }
            } catch (BadRow | RuntimeException e) {
                skip("core_expected_schedules", r, e);
            }
        }
        for (String p : domains.keySet()) {
            declared.put(p, new EventData.PipelineDeclared(p, domains.get(p), stageOfPipeline(p), inputs.getOrDefault(p, List.of()),
                    outputs.getOrDefault(p, List.of()), schedules.get(p)));
        }
        for (EventData.PipelineDeclared d : declared.values()) {
            Fact<EventData.PipelineDeclared> had = s.pipelines().get(d.pipeline());
            if (had == null || !had.data().equals(d)) facts.add(new EventSink.Timed(Instant.EPOCH, d));
        }
    }

    private static Stage stageOfPipeline(String pipeline) {
        String p = pipeline.toLowerCase(Locale.ROOT);
        return p.contains("ingest") ? Stage.INGEST : p.contains("normal") ? Stage.NORMALIZE : Stage.COMPUTE;
    }

    // ---- executions and workflow runs ----

    /** 0 queued, 1 running, 2 ended; -1 unknown to the journal. */
    private static int phase(Execution x) {
        if (x == null) return -1;
        return switch (x.status()) {
            case QUEUED -> 0;
            case RUNNING -> 1;
            default -> 2;
        };
    }

    private static int phase(String status) throws BadRow {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "pending", "queued" -> 0;
            case "running" -> 1;
            case "completed", "failed", "cancelled", "timed_out" -> 2;
            default -> throw new BadRow("status '" + status + "' is not one spine-core writes");
        };
    }

    private static Trigger trigger(String source) {
        return switch (source == null ? "" : source.toLowerCase(Locale.ROOT)) {
            case "schedule", "scheduler", "cron", "workflow", "internal" -> Trigger.SCHEDULED;
            case "retry" -> Trigger.RETRY;
            case "api" -> Trigger.API;
            case "backfill" -> Trigger.BACKFILL;
            default -> Trigger.MANUAL;
        };
    }

    private void executions(PlatformState s, List<Map<String, Object>> rows, List<EventSink.Timed> facts, Map<String, String> runClass,
                            Set<String> ran) {
        for (Map<String, Object> r : rows) {
            try {
                String source = SpineRows.optional(r, "trigger_source");
                String pipeline = SpineRows.text(r, "pipeline");
                Map<String, Object> params = SpineRows.params(r, "params");
                ran.add(pipeline + "|" + params.get("tier") + "|" + params.get("week_ending"));
                step(s, facts, SpineRows.text(r, "id"), pipeline, params, trigger(source),
                        "spine-core:" + (source == null ? "unknown" : source), SpineRows.text(r, "status"), SpineRows.time(r, "created_at"),
                        SpineRows.optionalTime(r, "started_at"), SpineRows.optionalTime(r, "completed_at"), SpineRows.optional(r, "error"),
                        null, Classification.valueOf(runClass.getOrDefault(pipeline, "UNKNOWN")));
            } catch (BadRow | RuntimeException e) {
                skip("core_executions", r, e);
            }
        }
    }

    private void workflowRuns(PlatformState s, List<Map<String, Object>> rows, List<EventSink.Timed> facts, Map<String, String> runClass,
                              Set<String> ran) {
        for (Map<String, Object> r : rows) {
            try {
                Map<String, Object> params = new LinkedHashMap<>(SpineRows.params(r, "params"));
                if (r.get("partition_key") != null) {
                    SpineRows.Partition p = SpineRows.partition(r, "partition_key");
                    params.put("week_ending", p.week().toString());
                    params.put("tier", p.tier());
                    ran.add(SpineRows.text(r, "workflow_name") + "|" + p.tier() + "|" + p.week());
                }
                String who = SpineRows.optional(r, "triggered_by") != null ? SpineRows.optional(r, "triggered_by")
                        : SpineRows.optional(r, "created_by") != null ? SpineRows.optional(r, "created_by") : "spine-core";
                Classification cls = SpineRows.optional(r, "error") == null ? Classification.UNKNOWN
                        : SpineRows.flag(r, "error_retryable") ? Classification.TRANSIENT : Classification.SYSTEMIC;
                String pipeline = SpineRows.text(r, "workflow_name");
                if (cls != Classification.UNKNOWN) runClass.put(pipeline, cls.name());
                Instant created = SpineRows.optionalTime(r, "started_at");
                step(s, facts, "wf-" + SpineRows.text(r, "run_id"), pipeline, params, trigger(who), who, SpineRows.text(r, "status"),
                        created == null ? Instant.now(clock) : created, SpineRows.optionalTime(r, "started_at"),
                        SpineRows.optionalTime(r, "completed_at"), SpineRows.optional(r, "error"), SpineRows.optional(r, "error_category"), cls);
            } catch (BadRow | RuntimeException e) {
                skip("core_workflow_runs", r, e);
            }
        }
    }

    /** The facts that take the journal's view of a run to the database's, each step once. */
    private void step(PlatformState s, List<EventSink.Timed> facts, String id, String pipeline, Map<String, Object> params, Trigger trigger,
                      String who, String status, Instant created, Instant started, Instant ended, String error, String errorType,
                      Classification cls) throws BadRow {
        int want = phase(status);
        int have = phase(s.execution(id));
        if (have >= want) return;
        if (have < 0) facts.add(new EventSink.Timed(created, new EventData.ExecutionQueued(id, pipeline, params, trigger, who, null)));
        Instant start = started != null ? started : created;
        if (want >= 1 && have < 1) {
            facts.add(new EventSink.Timed(start, new EventData.ExecutionStarted(id, pipeline, params, trigger, who, null, 1)));
        }
        if (want < 2) return;
        Instant end = ended != null ? ended : start;
        long ms = Math.max(0, Duration.between(start, end).toMillis());
        EventData last = switch (status.toLowerCase(Locale.ROOT)) {
            case "completed" -> new EventData.ExecutionCompleted(id, 0, ms, List.of());
            case "cancelled" -> new EventData.ExecutionCancelled(id, "spine-core");
            default -> new EventData.ExecutionFailed(id, ms, new EventData.ErrorDetail(errorType != null ? errorType
                    : error != null && error.contains(":") ? error.substring(0, error.indexOf(':')).trim() : status.equals("timed_out") ? "Timeout" : "Error",
                    error == null ? status : error, cls));
        };
        facts.add(new EventSink.Timed(end, last));
    }

    // ---- captures: manifest stages, source fetches ----

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

    private void captures(PlatformState s, List<Map<String, Object>> manifest, List<Map<String, Object>> fetches,
                          List<EventSink.Timed> facts, Map<String, Staged> latest, Map<String, Map<String, LocalDate[]>> spans) {
        Map<String, EventData.SourceFile> byExecution = new HashMap<>();
        for (Map<String, Object> f : fetches) {
            try {
                EventData.SourceFile file = new EventData.SourceFile(SpineRows.text(f, "source_locator"),
                        SpineRows.number(f, "byte_count", 0), SpineRows.text(f, "content_hash"));
                if (SpineRows.optional(f, "execution_id") != null) byExecution.put(SpineRows.optional(f, "execution_id"), file);
            } catch (BadRow | RuntimeException e) {
                skip("core_source_fetches", f, e);
            }
        }
        // Per partition, the stages in rank order: each capture's input is the stage before it.
        Map<String, List<Map<String, Object>>> chains = new TreeMap<>();
        for (Map<String, Object> r : manifest) {
            try {
                SpineRows.Partition p = SpineRows.partition(r, "partition_key");
                String domain = SpineRows.text(r, "domain");
                chains.computeIfAbsent(domain + "|" + p.tier() + "|" + p.week(), k -> new ArrayList<>()).add(r);
                spans.computeIfAbsent(domain, k -> new TreeMap<>()).merge(p.tier(), new LocalDate[] {p.week(), p.week()},
                        (a, b) -> new LocalDate[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
            } catch (BadRow | RuntimeException e) {
                skip("core_manifest", r, e);
            }
        }
        for (List<Map<String, Object>> chain : chains.values()) {
            chain.sort(Comparator.comparingLong(r -> {
                try {
                    return SpineRows.number(r, "stage_rank", 0);
                } catch (BadRow e) {
                    return Long.MAX_VALUE;
                }
            }));
            String previous = null;
            for (Map<String, Object> r : chain) {
                try {
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
                    Staged had = latest.get(k);
                    if (had == null || !had.dataset().endsWith(".normalized")) latest.put(k, new Staged(id, dataset, Math.max(0, symbols)));
                    PartitionKey key = new PartitionKey(dataset, p.tier(), p.week());
                    if (s.capture(id) == null) {
                        Capture current = s.currentCapture(key);
                        facts.add(new EventSink.Timed(at, new EventData.CaptureRecorded(id, dataset, p.tier(), p.week(), stageOf(stage),
                                Math.max(0, rowsCount), Math.max(0, symbols), exec == null ? "unknown" : exec,
                                previous == null ? List.of() : List.of(previous), current == null ? null : current.captureId(),
                                previous == null && exec != null ? byExecution.get(exec) : null)));
                    }
                    previous = id;
                } catch (BadRow | RuntimeException e) {
                    skip("core_manifest", r, e);
                }
            }
        }
    }

    // ---- anomalies ----

    private static Severity severity(String s) throws BadRow {
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "CRITICAL" -> Severity.CRITICAL;
            case "ERROR" -> Severity.HIGH;
            case "WARN", "WARNING" -> Severity.MEDIUM;
            case "INFO" -> Severity.LOW;
            default -> throw new BadRow("severity '" + s + "' is not one spine-core writes");
        };
    }

    private void anomalies(PlatformState s, List<Map<String, Object>> rows, List<EventSink.Timed> facts) {
        for (Map<String, Object> r : rows) {
            try {
                String id = "spine-an-" + SpineRows.text(r, "id");
                Anomaly had = s.anomalies().get(id);
                if (had == null) {
                    SpineRows.Partition p = SpineRows.partition(r, "partition_key");
                    String domain = SpineRows.text(r, "domain");
                    String stage = SpineRows.optional(r, "stage");
                    facts.add(new EventSink.Timed(SpineRows.time(r, "detected_at"), new EventData.AnomalyDetected(id,
                            severity(SpineRows.text(r, "severity")), SpineRows.optional(r, "category") == null ? "quality" : SpineRows.optional(r, "category"),
                            stage == null ? domain + ".normalized" : datasetOf(domain, stage), p.tier(), p.week(), SpineRows.optional(r, "capture_id"),
                            SpineRows.text(r, "message"), List.of())));
                }
                Instant resolved = SpineRows.optionalTime(r, "resolved_at");
                if (resolved != null && (had == null || had.isOpen())) {
                    String note = SpineRows.optional(r, "resolution_note");
                    facts.add(new EventSink.Timed(resolved, new EventData.AnomalyResolved(id, "spine-core", note == null ? "" : note)));
                }
            } catch (BadRow | RuntimeException e) {
                skip("core_anomalies", r, e);
            }
        }
    }

    // ---- missed schedules ----

    /**
     * For each active weekly schedule: every week the domain's manifest spans, and the week after
     * its latest, in every tier it has; a partition whose run was due (cron after the week +
     * expected_delay_hours) and has no execution or workflow run of that pipeline is missed — once.
     */
    private void missedSchedules(PlatformState s, List<Map<String, Object>> schedules, Set<String> ran,
                                 Map<String, Map<String, LocalDate[]>> spans, List<EventSink.Timed> facts) {
        Instant now = Instant.now(clock);
        Set<String> known = new HashSet<>();
        for (Fact<EventData.ScheduleMissed> f : s.missedSchedules()) {
            known.add(f.data().pipeline() + "|" + f.data().partition().tier() + "|" + f.data().partition().weekEnding());
        }
        for (Map<String, Object> sched : schedules) {
            try {
                if (sched.get("is_active") != null && !SpineRows.flag(sched, "is_active")) continue;
                String domain = SpineRows.text(sched, "domain");
                String pipeline = SpineRows.text(sched, "pipeline");
                WeeklyCron cron = WeeklyCron.parse(SpineRows.text(sched, "cron_expression"));
                long delayHours = SpineRows.number(sched, "expected_delay_hours", 24);
                Map<String, LocalDate[]> span = spans.getOrDefault(domain, Map.of());
                for (Map.Entry<String, LocalDate[]> e : span.entrySet()) {
                    for (LocalDate w = e.getValue()[0]; !w.isAfter(e.getValue()[1].plusWeeks(1)); w = w.plusWeeks(1)) {
                        Instant due = cron.firstAfter(w).plus(Duration.ofHours(delayHours));
                        String key = pipeline + "|" + e.getKey() + "|" + w;
                        if (due.isAfter(now) || ran.contains(key) || known.contains(key)) continue;
                        facts.add(new EventSink.Timed(due, new EventData.ScheduleMissed(pipeline, cron.firstAfter(w),
                                new EventData.Partition(w, e.getKey()))));
                    }
                }
            } catch (BadRow | RuntimeException e) {
                skip("core_expected_schedules", sched, e);
            }
        }
    }

    // ---- readiness ----

    /** The capture a readiness row applies to, with its symbol count (spine-core records no expected count). */
    record Staged(String captureId, String dataset, long symbols) {}

    private void readiness(PlatformState s, List<Map<String, Object>> rows, List<EventSink.Timed> facts, Map<String, Staged> latest) {
        for (Map<String, Object> r : rows) {
            try {
                String domain = SpineRows.text(r, "domain");
                SpineRows.Partition p = SpineRows.partition(r, "partition_key");
                Staged staged = latest.get(domain + "|" + p.tier() + "|" + p.week());
                String captureId = staged == null ? null : staged.captureId();
                String dataset = staged == null ? domain + ".normalized" : staged.dataset();
                JsonNode blocking = SpineRows.json(r, "blocking_issues");
                List<String> issues = new ArrayList<>();
                if (blocking.isArray()) blocking.forEach(n -> issues.add(n.isTextual() ? n.asText() : n.toString()));
                ReadinessStatus status;
                String reason;
                if (SpineRows.flag(r, "is_ready")) {
                    status = ReadinessStatus.CERTIFIED;
                    reason = "ready" + (SpineRows.optional(r, "ready_for") == null ? "" : " for " + SpineRows.optional(r, "ready_for"));
                } else if (!issues.isEmpty()) {
                    status = ReadinessStatus.BLOCKED;
                    reason = String.join("; ", issues);
                } else {
                    status = ReadinessStatus.PRELIMINARY;
                    List<String> pending = new ArrayList<>();
                    if (!SpineRows.flag(r, "all_partitions_present")) pending.add("partitions missing");
                    if (!SpineRows.flag(r, "all_stages_complete")) pending.add("stages incomplete");
                    if (!SpineRows.flag(r, "no_critical_anomalies")) pending.add("critical anomalies");
                    if (!SpineRows.flag(r, "dependencies_current")) pending.add("dependencies not current");
                    reason = pending.isEmpty() ? "not yet certified" : "not ready: " + String.join(", ", pending);
                }
                String by = SpineRows.optional(r, "certified_by") != null ? SpineRows.optional(r, "certified_by") : "spine-core";
                Readiness had = s.readiness().get(new PartitionKey(dataset, p.tier(), p.week()));
                if (had != null && had.status() == status && had.last().reason().equals(reason)
                        && java.util.Objects.equals(had.last().captureId(), captureId)) {
                    continue;
                }
                long symbols = staged == null ? 0 : staged.symbols();
                Instant at = SpineRows.optionalTime(r, "updated_at");
                facts.add(new EventSink.Timed(at != null ? at : Instant.now(clock), new EventData.ReadinessChanged(dataset, p.tier(), p.week(),
                        status, reason, by, captureId, symbols, symbols)));
            } catch (BadRow | RuntimeException e) {
                skip("core_data_readiness", r, e);
            }
        }
    }

    // ---- requests and commands ----

    @Override
    public JsonNode answer(Request request, PlatformState state) throws FeedRefusal {
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
                case "retry" -> {
                    Execution x = state.execution(c.executionId());
                    data.putArray("work_items").add(writes.workItem(x.pipeline(), x.tier(), x.weekEnding(), x.params(), user));
                }
                case "backfill" -> {
                    ArrayNode ids = data.putArray("work_items");
                    for (LocalDate w = c.fromWeek(); !w.isAfter(c.toWeek()); w = w.plusWeeks(1)) {
                        ids.add(writes.workItem(c.pipeline(), c.tier(), w, Map.of("week_ending", w.toString(), "tier", c.tier()), user));
                    }
                }
                case "certify", "block" -> writes.readiness(c, user);
                case "resolve" -> writes.resolve(c.anomalyId(), user, c.note());
                case "acknowledge" -> facts.add(new EventData.AnomalyAcknowledged(c.anomalyId(), user, c.note()));
                default -> throw new FeedRefusal("unsupported", "a spine-core database does not carry out '" + c.op() + "'");
            }
        } catch (SQLException e) {
            throw new FeedRefusal("unavailable", "the spine-core database refused the write (" + e.getMessage() + "); try again");
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
