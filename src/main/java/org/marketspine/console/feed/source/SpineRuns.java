package org.marketspine.console.feed.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marketspine.console.feed.source.SpineRows.BadRow;
import org.marketspine.console.model.Execution;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Trigger;

/**
 * Runs, as spine-core records them: {@code core_executions} (both generations; a 0.4.0 status may
 * be {@code dead_lettered}, a name may carry its kind), {@code core_workflow_runs} (who triggered
 * it, the error's classification), {@code core_dead_letters} (failures spine-core will not retry
 * by itself), open {@code core_work_items} (queued work) and {@code core_execution_events} (the
 * lifecycle times and who asked, where the executions row lacks them). Each becomes the
 * execution events that take the journal's view of the run to the database's, each step once.
 */
final class SpineRuns {
    /** Execution ids are the database's own; workflow runs, dead letters and work items get a prefix so they never collide. */
    static final String WORKFLOW_RUN = "wf-";
    static final String DEAD_LETTER = "dl-";
    static final String WORK_ITEM = "wi-";

    private final SpinePass pass;
    private final SpineMemory memory;
    /** The attempt of each run met in this pass, so that a retry read in the same pass as what it retries counts on from it. */
    private final Map<String, Integer> attempts = new HashMap<>();

    SpineRuns(SpinePass pass) {
        this.pass = pass;
        this.memory = pass.memory;
    }

    void translate() {
        lifecycle();
        for (Map<String, Object> d : pass.rows("core_dead_letters")) {
            String exec = SpineRows.optional(d, "execution_id");
            if (exec == null) continue;
            if (SpineRows.optional(d, "resolved_at") == null) memory.deadLettered.add(exec);
            else memory.deadLettered.remove(exec);
        }
        for (Map<String, Object> r : pass.rows("core_executions")) {
            if (SpineRows.optional(r, "id") != null) memory.executionRows.add(SpineRows.optional(r, "id"));
        }
        workflowRuns();
        executions();
        deadLetters();
        workItems();
    }

    // ---- names, triggers, phases ----

    /**
     * What started a run, from spine-core's trigger column or a workflow run's {@code triggered_by}: a person's
     * name is a manual run; the platform's own actors ({@code system:scheduler}, a parent workflow) are scheduled.
     */
    static Trigger trigger(String source, String lane) {
        if ("backfill".equalsIgnoreCase(lane)) return Trigger.BACKFILL;
        String s = source == null ? "" : source.toLowerCase(Locale.ROOT);
        if (s.startsWith("system:")) return Trigger.SCHEDULED;
        return switch (s) {
            case "schedule", "scheduler", "cron", "workflow", "parent_workflow", "internal", "spine-core" -> Trigger.SCHEDULED;
            case "retry" -> Trigger.RETRY;
            case "api" -> Trigger.API;
            case "backfill" -> Trigger.BACKFILL;
            default -> Trigger.MANUAL;
        };
    }

    /** 0 queued, 1 running, 2 ended; -1 unknown to the journal. */
    private static int phase(Execution x) {
        if (x == null) return -1;
        return switch (x.status()) {
            case QUEUED -> 0;
            case RUNNING -> 1;
            default -> 2;
        };
    }

    static int phase(String status) throws BadRow {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "pending", "queued", "retry_wait" -> 0;
            case "running" -> 1;
            case "completed", "complete", "succeeded", "failed", "cancelled", "timed_out", "dead_lettered", "skipped" -> 2;
            default -> throw new BadRow("status '" + status + "' is not one spine-core writes");
        };
    }

    // ---- core_execution_events ----

    private void lifecycle() {
        pass.eachRow("core_execution_events", r -> {
            String exec = SpineRows.text(r, "execution_id");
            String type = SpineRows.text(r, "event_type").toLowerCase(Locale.ROOT);
            Instant at = SpineRows.time(r, "timestamp");
            JsonNode data = SpineRows.json(r, "data");
            SpineMemory.Lifecycle had = memory.lifecycle.getOrDefault(exec, new SpineMemory.Lifecycle(null, null, null, null));
            // The first of each kind: a run is created, started and ended once.
            SpineMemory.Lifecycle now = switch (type) {
                case "created", "submitted", "queued" -> new SpineMemory.Lifecycle(had.created() != null ? had.created() : at, had.started(),
                        had.ended(), had.requestedBy() != null ? had.requestedBy()
                        : data.path("requested_by").isTextual() ? data.path("requested_by").asText() : null);
                case "started" -> new SpineMemory.Lifecycle(had.created(), had.started() != null ? had.started() : at, had.ended(), had.requestedBy());
                case "completed", "failed", "cancelled", "timed_out", "dead_lettered" ->
                        new SpineMemory.Lifecycle(had.created(), had.started(), had.ended() != null ? had.ended() : at, had.requestedBy());
                default -> had;
            };
            memory.lifecycle.put(exec, now);
        });
    }

    // ---- core_executions ----

    private void executions() {
        pass.eachRow("core_executions", r -> {
            String id = SpineRows.text(r, "id");
            Map<String, Object> params = new LinkedHashMap<>(SpineRows.params(r, "params"));
            // The scheduler puts its trigger inside params while the column says 'api': the params win.
            Object inner = params.remove("trigger_source");
            String source = inner != null ? inner.toString() : SpineRows.optional(r, "trigger_source");
            String pipeline = SpineRows.workName(SpineRows.text(r, "pipeline"));
            String status = SpineRows.text(r, "status");
            pass.ran(pipeline, params.get("tier"), params.get("week_ending"));
            SpineMemory.Lifecycle life = memory.lifecycle.getOrDefault(id, new SpineMemory.Lifecycle(null, null, null, null));
            String who = life.requestedBy() != null ? life.requestedBy() : "spine-core:" + (source == null ? "unknown" : source);
            Instant created = SpineRows.optionalTime(r, "created_at");
            if (created == null) created = life.created();
            if (created == null) throw new BadRow("created_at is empty");
            Instant started = SpineRows.optionalTime(r, "started_at");
            if (started == null) started = life.started();
            Instant ended = SpineRows.optionalTime(r, "completed_at");
            if (ended == null) ended = life.ended();
            boolean dead = status.equalsIgnoreCase("dead_lettered") || memory.deadLettered.contains(id);
            Trigger trigger = trigger(source, SpineRows.optional(r, "lane"));
            // A parent is what a retry retries; a workflow step's parent (its workflow) is not retried by it.
            String retryOf = trigger == Trigger.RETRY ? SpineRows.optional(r, "parent_execution_id") : null;
            step(id, pipeline, params, trigger, who, retryOf, status, created, started, ended, SpineRows.optional(r, "error"), null,
                    memory.runClass.getOrDefault(pipeline, Classification.UNKNOWN), dead, attempt(retryOf, r.get("retry_count")));
        });
    }

    // ---- core_dead_letters whose execution the database does not hold (basic tier keeps runs in memory) ----

    private void deadLetters() {
        pass.eachRow("core_dead_letters", r -> {
            String exec = SpineRows.text(r, "execution_id");
            Execution known = pass.state.execution(exec);
            if (known != null && SpineRows.optional(r, "resolved_at") == null && known.error() != null && !known.error().retriesStopped()) {
                // Dead-lettered after its failure was journaled: the same failure, now marked as one spine-core will not retry.
                pass.add(SpineRows.time(r, "created_at"), new EventData.ExecutionFailed(exec, known.durationMs(),
                        new EventData.ErrorDetail(known.error().type(), known.error().message(), known.error().classification(), true)));
                return;
            }
            if (known != null || memory.executionRows.contains(exec)) return;
            String pipeline = SpineRows.workName(SpineRows.text(r, "pipeline"));
            Map<String, Object> params = new LinkedHashMap<>(SpineRows.params(r, "params"));
            params.remove("trigger_source");
            Instant at = SpineRows.time(r, "created_at");
            step(DEAD_LETTER + SpineRows.text(r, "id"), pipeline, params, Trigger.SCHEDULED, "spine-core:dead-letter queue", null,
                    "dead_lettered", at, at, at, SpineRows.text(r, "error"), null, Classification.UNKNOWN, true, attempt(null, r.get("retry_count")));
        });
    }

    // ---- core_workflow_runs ----

    private void workflowRuns() {
        pass.eachRow("core_workflow_runs", r -> {
            Map<String, Object> params = new LinkedHashMap<>(SpineRows.params(r, "params"));
            params.remove("trigger_source");
            String pipeline = SpineRows.workName(SpineRows.text(r, "workflow_name"));
            SpineRows.Partition p = SpineRows.partitionOrNull(r, "partition_key");
            if (p != null) {
                params.put("week_ending", p.week().toString());
                if (p.tier() != null) params.put("tier", p.tier());
                pass.ran(pipeline, p.tier(), p.week());
            }
            String who = SpineRows.optional(r, "triggered_by") != null ? SpineRows.optional(r, "triggered_by")
                    : SpineRows.optional(r, "created_by") != null ? SpineRows.optional(r, "created_by") : "spine-core";
            Classification cls = SpineRows.optional(r, "error") == null ? Classification.UNKNOWN
                    : r.get("error_retryable") == null ? Classification.UNKNOWN
                    : SpineRows.flag(r, "error_retryable") ? Classification.TRANSIENT : Classification.SYSTEMIC;
            if (cls != Classification.UNKNOWN) memory.runClass.put(pipeline, cls);
            Instant created = SpineRows.optionalTime(r, "created_at");
            Instant started = SpineRows.optionalTime(r, "started_at");
            Instant queued = created != null ? created : started != null ? started : pass.now;
            step(WORKFLOW_RUN + SpineRows.text(r, "run_id"), pipeline, params, trigger(who, null), who, null, SpineRows.text(r, "status"),
                    queued, started, SpineRows.optionalTime(r, "completed_at"), SpineRows.optional(r, "error"),
                    SpineRows.optional(r, "error_category"), cls, false, 1);
        });
    }

    // ---- core_work_items: spine-core's schedule of work; open ones are queued runs ----

    private void workItems() {
        pass.eachRow("core_work_items", r -> {
            String state = SpineRows.text(r, "state").toUpperCase(Locale.ROOT);
            boolean open = state.equals("PENDING") || state.equals("RUNNING") || state.equals("RETRY_WAIT");
            // A work item lives again when it goes back to PENDING (a retry moves it in place): each life is its own run,
            // wi-<id>, wi-<id>.2, …, the later ones retries of the one before.
            String base = WORK_ITEM + SpineRows.text(r, "id");
            String id = base;
            for (int k = 2; pass.state.execution(base + "." + k) != null; k++) id = base + "." + k;
            String retryOf = null;
            Execution life = pass.state.execution(id);
            if (open && life != null && !life.status().isActive()) {
                retryOf = id;
                int next = id.equals(base) ? 2 : Integer.parseInt(id.substring(base.length() + 1)) + 1;
                id = base + "." + next;
            }
            // Closed items the journal never saw open are schedule records of runs core_executions already holds.
            if (!open && life == null) return;
            String domain = SpineRows.text(r, "domain");
            String name = SpineRows.workName(SpineRows.text(r, "pipeline"));
            String pipeline = name.contains(".") ? name : domain + "." + name;
            SpineRows.Partition p = SpineRows.partitionOrNull(r, "partition_key");
            Map<String, Object> params = new LinkedHashMap<>(SpineRows.params(r, "params_json"));
            if (p != null) {
                params.put("week_ending", p.week().toString());
                if (p.tier() != null) params.put("tier", p.tier());
            }
            Instant created = SpineRows.optionalTime(r, "created_at");
            if (created == null) created = SpineRows.time(r, "desired_at");
            Instant updated = SpineRows.optionalTime(r, "updated_at");
            String status = switch (state) {
                case "COMPLETE" -> "completed";
                case "CANCELLED" -> "cancelled";
                case "FAILED" -> "dead_lettered"; // attempts exhausted: spine-core will not try it again by itself
                default -> state.toLowerCase(Locale.ROOT);
            };
            Instant ended = SpineRows.optionalTime(r, "completed_at");
            if (ended == null) ended = SpineRows.optionalTime(r, "last_error_at");
            if (ended == null) ended = updated;
            step(id, pipeline, params, retryOf == null ? Trigger.SCHEDULED : Trigger.RETRY, "spine-core:work queue", retryOf, status,
                    retryOf == null ? created : updated != null ? updated : pass.now,
                    SpineRows.optionalTime(r, "locked_at"), ended, SpineRows.optional(r, "last_error"), null, Classification.UNKNOWN,
                    status.equals("dead_lettered"), attempt(retryOf, null));
        });
    }

    /**
     * Which attempt a run is: at least one more than the run it retries, and at least one more than the retries
     * its row counts ({@code retry_count}: spine-core counts a run's retries in place and writes 0 on a new retry
     * row; this feed's retries write the original's count plus one).
     */
    private int attempt(String retryOf, Object retryCount) {
        int counted = retryCount instanceof Number n ? n.intValue() + 1 : 1;
        if (retryOf == null) return counted;
        Execution earlier = pass.state.execution(retryOf);
        return Math.max(counted, attempts.getOrDefault(retryOf, earlier == null ? 1 : Math.max(1, earlier.attempt())) + 1);
    }

    /** The facts that take the journal's view of a run to the database's, each step once. */
    private void step(String id, String pipeline, Map<String, Object> params, Trigger trigger, String who, String retryOf, String status,
                      Instant created, Instant started, Instant ended, String error, String errorType, Classification cls, boolean dead,
                      int attempt) throws BadRow {
        attempts.put(id, attempt);
        int want = phase(status);
        int have = phase(pass.state.execution(id));
        if (have >= want) return;
        if (have < 0) pass.add(created, new EventData.ExecutionQueued(id, pipeline, params, trigger, who, retryOf));
        Instant start = started != null ? started : created;
        if (want >= 1 && have < 1) pass.add(start, new EventData.ExecutionStarted(id, pipeline, params, trigger, who, null, attempt));
        if (want < 2) return;
        Instant end = ended != null && !ended.isBefore(start) ? ended : start;
        long ms = Math.max(0, Duration.between(start, end).toMillis());
        String st = status.toLowerCase(Locale.ROOT);
        EventData last = switch (st) {
            case "completed", "complete", "succeeded", "skipped" -> new EventData.ExecutionCompleted(id, 0, ms, List.of());
            case "cancelled" -> new EventData.ExecutionCancelled(id, "spine-core");
            default -> {
                boolean prefixed = errorType == null && error != null && error.contains(":");
                String type = errorType != null ? errorType : prefixed ? error.substring(0, error.indexOf(':')).trim()
                        : st.equals("timed_out") ? "Timeout" : st.equals("dead_lettered") ? "DeadLettered" : "Error";
                // "SchemaError: column missing" → type SchemaError, message "column missing" (the board shows "type: message").
                String message = error == null ? status : prefixed ? error.substring(error.indexOf(':') + 1).trim() : error;
                // The failure's own type decides first; the pipeline's workflow runs only where the type says nothing.
                Classification byType = errorType == null ? SpineErrorTypes.of(type) : Classification.UNKNOWN;
                yield new EventData.ExecutionFailed(id, ms, new EventData.ErrorDetail(type, message.isEmpty() ? error : message,
                        byType != Classification.UNKNOWN ? byType : st.equals("timed_out") ? Classification.TRANSIENT : cls, dead ? Boolean.TRUE : null));
            }
        };
        pass.add(end, last);
    }
}
