package org.marketspine.console.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marketspine.console.protocol.EventData.ScheduleMissed;
import org.marketspine.console.protocol.Severity;

/**
 * Overall health from a state and a clock, per the "Status Color Semantics" of the Market Spine
 * overview page: red for systemic trouble (recurring or many failures, data over 3 days stale, a
 * schedule over a day overdue, a critical anomaly), yellow for what needs a look, green otherwise.
 *
 * <p>A failure counts only while unresolved: once the same pipeline and params has succeeded
 * since, the operator has nothing left to do about it.
 */
public final class HealthRules {
    private HealthRules() {}

    public static final Duration FAILURE_WINDOW = Duration.ofHours(24);
    public static final Duration MISSED_WINDOW = Duration.ofDays(7);
    public static final Duration MISSED_RED_AFTER = Duration.ofDays(1);

    public static HealthReport evaluate(PlatformState state, Instant now) {
        List<Finding> findings = new ArrayList<>();
        anomalies(state, findings);
        failures(state, now, findings);
        deadLettered(state, now, findings);
        for (TierFreshness f : Freshness.perTier(state, now)) freshness(f, findings);
        missedSchedules(state, now, findings);
        findings.sort(Comparator.comparing(Finding::level).reversed());
        if (findings.isEmpty()) return new HealthReport(HealthLevel.GREEN, "All systems healthy", List.of());
        Finding worst = findings.get(0);
        String prefix = worst.level() == HealthLevel.RED ? "Critical: " : "Warning: ";
        return new HealthReport(worst.level(), prefix + worst.message(), findings);
    }

    /** Failed executions in the window whose pipeline and params have not succeeded since. */
    public static List<Execution> unresolvedFailures(PlatformState state, Instant now) {
        Instant since = now.minus(FAILURE_WINDOW);
        Map<String, Execution> latestFailureByRun = new HashMap<>();
        for (int i = state.failures().size() - 1; i >= 0; i--) {
            Execution x = state.executions().get(state.failures().get(i));
            if (x.endedAt().isBefore(since)) break;
            latestFailureByRun.putIfAbsent(x.runKey(), x);
        }
        Map<String, Instant> lastSuccess = lastSuccessByRun(state, since);
        List<Execution> open = new ArrayList<>();
        for (Execution failed : latestFailureByRun.values()) {
            Instant ok = lastSuccess.get(failed.runKey());
            if (ok == null || !ok.isAfter(failed.endedAt())) open.add(failed);
        }
        open.sort(Comparator.comparing(Execution::endedAt).reversed());
        return open;
    }

    /**
     * The last success per pipeline-and-params among executions queued since {@code since} (one
     * backward pass; executions are in queue order, so the scan stops at the window).
     */
    static Map<String, Instant> lastSuccessByRun(PlatformState state, Instant since) {
        Map<String, Instant> out = new HashMap<>();
        for (int i = state.executionOrder().size() - 1; i >= 0; i--) {
            Execution x = state.executions().get(state.executionOrder().get(i));
            if (x.queuedAt() != null && x.queuedAt().isBefore(since)) break;
            if (x.status() == ExecutionStatus.SUCCEEDED && x.endedAt() != null) out.merge(x.runKey(), x.endedAt(),
                    (a, b) -> a.isAfter(b) ? a : b);
        }
        return out;
    }

    private static void anomalies(PlatformState state, List<Finding> out) {
        int nonCritical = 0;
        for (Anomaly a : state.openAnomalies()) {
            if (a.severity() == Severity.CRITICAL) {
                out.add(new Finding(HealthLevel.RED, "quality", "critical anomaly open on " + a.detected().tier()
                        + " week " + a.detected().weekEnding() + ": " + a.detected().message()));
            } else if (a.severity() != Severity.LOW) {
                nonCritical++;
            }
        }
        if (nonCritical > 0) {
            out.add(new Finding(HealthLevel.YELLOW, "quality", nonCritical + " open anomal"
                    + (nonCritical == 1 ? "y" : "ies") + " (high/medium) to review"));
        }
    }

    private static void failures(PlatformState state, Instant now, List<Finding> out) {
        List<Execution> open = unresolvedFailures(state, now);
        if (open.isEmpty()) return;
        for (Execution x : open) {
            Recurrence r = Recurrence.of(state, x);
            if (r.isRecurring()) {
                out.add(new Finding(HealthLevel.RED, "pipelines", x.pipeline() + " failing repeatedly ("
                        + r.pipelineFailures() + " failures in 24 h, last: " + x.error().type() + ")"));
                return;
            }
        }
        if (open.size() >= 3) {
            out.add(new Finding(HealthLevel.RED, "pipelines", open.size() + " unresolved failures in 24 h"));
        } else {
            Execution last = open.get(0);
            out.add(new Finding(HealthLevel.YELLOW, "pipelines", open.size() == 1
                    ? last.pipeline() + " failed (" + last.error().type() + ")"
                    : open.size() + " unresolved failures in 24 h"));
        }
    }

    /**
     * A failure the platform has stopped retrying (dead-lettered) waits for a person however old
     * it is: it is never outside the window, only resolved by a later success of the same work.
     * Those inside the 24 h window are already counted as unresolved failures.
     */
    private static void deadLettered(PlatformState state, Instant now, List<Finding> out) {
        Instant since = now.minus(FAILURE_WINDOW);
        Map<String, Execution> waiting = new HashMap<>();
        for (int i = state.failures().size() - 1; i >= 0; i--) {
            Execution x = state.executions().get(state.failures().get(i));
            if (x.error() == null || !x.error().retriesStopped() || !x.endedAt().isBefore(since)) continue;
            if (!waiting.containsKey(x.runKey()) && RetryAdvice.succeededSince(state, x) == null) waiting.put(x.runKey(), x);
        }
        if (waiting.isEmpty()) return;
        Execution last = waiting.values().stream().max(Comparator.comparing(Execution::endedAt)).orElseThrow();
        out.add(new Finding(HealthLevel.YELLOW, "pipelines", waiting.size() == 1
                ? last.pipeline() + " is dead-lettered since " + last.endedAt() + " (" + last.error().type() + "): the platform will not retry it"
                : waiting.size() + " dead-lettered failures wait for someone: the platform will not retry them"));
    }

    private static void freshness(TierFreshness f, List<Finding> out) {
        if (f.level() == HealthLevel.GREEN) return;
        String age = f.overdue().toDays() >= 1 ? f.overdue().toDays() + " d" : f.overdue().toHours() + " h";
        String what = f.hasData() ? "latest week " + f.latestWeek() : "no data";
        out.add(new Finding(f.level(), "freshness", f.tier() + " data is stale (" + what + ", next week overdue by "
                + age + ")"));
    }

    private static void missedSchedules(PlatformState state, Instant now, List<Finding> out) {
        Instant since = now.minus(MISSED_WINDOW);
        for (Fact<ScheduleMissed> m : state.missedSchedules()) {
            ScheduleMissed d = m.data();
            if (d.expectedAt().isBefore(since) || ranSince(state, d)) continue;
            Duration late = Duration.between(d.expectedAt(), now);
            HealthLevel level = late.compareTo(MISSED_RED_AFTER) > 0 ? HealthLevel.RED : HealthLevel.YELLOW;
            out.add(new Finding(level, "schedule", d.pipeline() + " for " + d.partition().tier() + " "
                    + d.partition().weekEnding() + " overdue by " + late.toHours() + " h"));
        }
    }

    /**
     * A missed run stops counting once that pipeline has succeeded for that partition — or, for a
     * pipeline that is not weekly (a yearly calendar load), once it has succeeded at all since:
     * its runs are not per week, so a week's partition is not what it owes.
     */
    static boolean ranSince(PlatformState state, ScheduleMissed missed) {
        boolean perWeek = Cadence.ofPipeline(state, missed.pipeline()) == Cadence.WEEKLY;
        for (int i = state.executionOrder().size() - 1; i >= 0; i--) {
            Execution x = state.executions().get(state.executionOrder().get(i));
            if (x.queuedAt() != null && x.queuedAt().isBefore(missed.expectedAt())) return false;
            if (x.status() == ExecutionStatus.SUCCEEDED && x.pipeline().equals(missed.pipeline())
                    && (!perWeek || missed.partition().tier().equals(x.tier())
                    && missed.partition().weekEnding().equals(x.weekEnding()))) {
                return true;
            }
        }
        return false;
    }
}
