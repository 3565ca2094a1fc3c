package org.marketspine.console.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.marketspine.console.protocol.EventData.ErrorDetail;
import org.marketspine.console.protocol.Trigger;

/** One run of a pipeline for one set of params, as folded from its execution events. */
public record Execution(String executionId, String pipeline, Map<String, Object> params, Trigger trigger,
                        String triggeredBy, String retryOf, ExecutionStatus status, Instant queuedAt,
                        Instant startedAt, Instant endedAt, String captureId, int attempt, long rows,
                        long durationMs, List<String> outputs, ErrorDetail error, String cancelledBy, String runKey) {

    /** {@code runKey} identifies "the same work": the same pipeline with the same params. */
    public Execution {
        if (runKey == null) runKey = runKey(pipeline, params);
    }

    public static String runKey(String pipeline, Map<String, Object> params) {
        return pipeline + " " + Params.sorted(params);
    }

    public String tier() {
        Object tier = params.get("tier");
        return tier == null ? null : tier.toString();
    }

    public LocalDate weekEnding() {
        Object week = params.get("week_ending");
        if (week == null) return null;
        try {
            return LocalDate.parse(week.toString());
        } catch (DateTimeParseException e) {
            return null; // a param that is not a date is shown as given, it just has no week
        }
    }

    /** When the execution last changed state: ended, else started, else queued. */
    public Instant lastChangeAt() {
        return endedAt != null ? endedAt : startedAt != null ? startedAt : queuedAt;
    }

    Execution with(ExecutionStatus newStatus) {
        return new Execution(executionId, pipeline, params, trigger, triggeredBy, retryOf, newStatus, queuedAt,
                startedAt, endedAt, captureId, attempt, rows, durationMs, outputs, error, cancelledBy, runKey);
    }

    Execution started(Instant at, String newCaptureId, int newAttempt) {
        return new Execution(executionId, pipeline, params, trigger, triggeredBy, retryOf, ExecutionStatus.RUNNING,
                queuedAt, at, endedAt, newCaptureId, newAttempt, rows, durationMs, outputs, error, cancelledBy, runKey);
    }

    Execution completed(Instant at, long newRows, long newDurationMs, List<String> newOutputs) {
        return new Execution(executionId, pipeline, params, trigger, triggeredBy, retryOf, ExecutionStatus.SUCCEEDED,
                queuedAt, startedAt, at, captureId, attempt, newRows, newDurationMs, newOutputs, error, cancelledBy, runKey);
    }

    Execution failed(Instant at, long newDurationMs, ErrorDetail newError) {
        return new Execution(executionId, pipeline, params, trigger, triggeredBy, retryOf, ExecutionStatus.FAILED,
                queuedAt, startedAt, at, captureId, attempt, rows, newDurationMs, outputs, newError, cancelledBy, runKey);
    }

    Execution cancelled(Instant at, String by) {
        return new Execution(executionId, pipeline, params, trigger, triggeredBy, retryOf, ExecutionStatus.CANCELLED,
                queuedAt, startedAt, at, captureId, attempt, rows, durationMs, outputs, error, by, runKey);
    }
}
