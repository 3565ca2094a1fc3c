package org.marketspine.console.protocol;

import static org.marketspine.console.protocol.Require.list;
import static org.marketspine.console.protocol.Require.nonNegative;
import static org.marketspine.console.protocol.Require.optionalList;
import static org.marketspine.console.protocol.Require.paramsCopy;
import static org.marketspine.console.protocol.Require.present;
import static org.marketspine.console.protocol.Require.text;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} of each event kind in FEED-PROTOCOL.md. Constructors check the required
 * fields so that a malformed event is refused at the edge with the field's wire name.
 */
public sealed interface EventData {

    /** The wire name of this kind, e.g. {@code execution.failed}. */
    default String kind() {
        return EventKind.of(getClass());
    }

    record PipelineDeclared(String pipeline, String domain, Stage stage, List<String> inputs,
                            List<String> outputs, Schedule schedule) implements EventData {
        public PipelineDeclared {
            text(pipeline, "pipeline");
            text(domain, "domain");
            present(stage, "stage");
            inputs = list(inputs, "inputs");
            outputs = list(outputs, "outputs");
        }
    }

    record ExecutionQueued(String executionId, String pipeline, Map<String, Object> params, Trigger trigger,
                           String triggeredBy, String retryOf) implements EventData {
        public ExecutionQueued {
            text(executionId, "execution_id");
            text(pipeline, "pipeline");
            params = paramsCopy(present(params, "params"));
            present(trigger, "trigger");
            text(triggeredBy, "triggered_by");
        }
    }

    record ExecutionStarted(String executionId, String pipeline, Map<String, Object> params, Trigger trigger,
                            String triggeredBy, String captureId, int attempt) implements EventData {
        public ExecutionStarted {
            text(executionId, "execution_id");
            text(pipeline, "pipeline");
            params = paramsCopy(present(params, "params"));
            present(trigger, "trigger");
            text(triggeredBy, "triggered_by");
            nonNegative(attempt, "attempt");
        }
    }

    record ExecutionCompleted(String executionId, long rows, long durationMs, List<String> outputs)
            implements EventData {
        public ExecutionCompleted {
            text(executionId, "execution_id");
            nonNegative(rows, "rows");
            nonNegative(durationMs, "duration_ms");
            outputs = list(outputs, "outputs");
        }
    }

    record ExecutionFailed(String executionId, long durationMs, ErrorDetail error) implements EventData {
        public ExecutionFailed {
            text(executionId, "execution_id");
            nonNegative(durationMs, "duration_ms");
            present(error, "error");
        }
    }

    record ExecutionCancelled(String executionId, String by) implements EventData {
        public ExecutionCancelled {
            text(executionId, "execution_id");
            text(by, "by");
        }
    }

    record CaptureRecorded(String captureId, String dataset, String tier, LocalDate weekEnding, Stage stage,
                           long rows, long symbols, String executionId, List<String> inputs, String supersedes,
                           SourceFile source) implements EventData {
        public CaptureRecorded {
            text(captureId, "capture_id");
            text(dataset, "dataset");
            text(tier, "tier");
            present(weekEnding, "week_ending");
            present(stage, "stage");
            nonNegative(rows, "rows");
            nonNegative(symbols, "symbols");
            text(executionId, "execution_id");
            inputs = list(inputs, "inputs");
        }
    }

    record ReadinessChanged(String dataset, String tier, LocalDate weekEnding, ReadinessStatus status,
                            String reason, String by, String captureId, long symbolCount, long expectedSymbols)
            implements EventData {
        public ReadinessChanged {
            text(dataset, "dataset");
            text(tier, "tier");
            present(weekEnding, "week_ending");
            present(status, "status");
            present(reason, "reason");
            text(by, "by");
            nonNegative(symbolCount, "symbol_count");
            nonNegative(expectedSymbols, "expected_symbols");
        }
    }

    record AnomalyDetected(String anomalyId, Severity severity, String category, String dataset, String tier,
                           LocalDate weekEnding, String captureId, String message, List<String> affectedSymbols)
            implements EventData {
        public AnomalyDetected {
            text(anomalyId, "anomaly_id");
            present(severity, "severity");
            text(category, "category");
            text(dataset, "dataset");
            text(tier, "tier");
            present(weekEnding, "week_ending");
            present(message, "message");
            affectedSymbols = optionalList(affectedSymbols);
        }
    }

    record AnomalyAcknowledged(String anomalyId, String by, String note) implements EventData {
        public AnomalyAcknowledged {
            text(anomalyId, "anomaly_id");
            text(by, "by");
            note = note == null ? "" : note;
        }
    }

    record AnomalyResolved(String anomalyId, String by, String note) implements EventData {
        public AnomalyResolved {
            text(anomalyId, "anomaly_id");
            text(by, "by");
            note = note == null ? "" : note;
        }
    }

    record ScheduleMissed(String pipeline, Instant expectedAt, Partition partition) implements EventData {
        public ScheduleMissed {
            text(pipeline, "pipeline");
            present(expectedAt, "expected_at");
            present(partition, "partition");
        }
    }

    record SourceDeclared(String source, String provider, String license, List<String> permittedUses,
                          int retentionDays) implements EventData {
        public SourceDeclared {
            text(source, "source");
            text(provider, "provider");
            text(license, "license");
            permittedUses = list(permittedUses, "permitted_uses");
            nonNegative(retentionDays, "retention_days");
        }
    }

    record RetentionPurged(String dataset, String tier, LocalDate weekEnding, String by, String reason)
            implements EventData {
        public RetentionPurged {
            text(dataset, "dataset");
            text(tier, "tier");
            present(weekEnding, "week_ending");
            text(by, "by");
            present(reason, "reason");
        }
    }

    record CommandRecorded(String commandId, String op, String by, Role role, Map<String, Object> params,
                           Outcome outcome, String reason) implements EventData {
        public CommandRecorded {
            text(commandId, "command_id");
            text(op, "op");
            text(by, "by");
            present(role, "role");
            params = paramsCopy(params);
            present(outcome, "outcome");
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * A kind this client does not know (a newer server). Kept verbatim so the log and audit
     * bundles stay complete; the state fold ignores it.
     */
    record Unknown(String kind, JsonNode raw) implements EventData {
        public Unknown {
            text(kind, "kind");
            raw = present(raw, "data").deepCopy();
        }

        @JsonValue
        public JsonNode raw() {
            return raw.deepCopy();
        }
    }

    // The values inside events: a pipeline's schedule, a failure's error, a capture's source file, a missed run's partition.

    record Schedule(String cron, String timezone, int expectedWithinHours) {
        public Schedule {
            text(cron, "cron");
            text(timezone, "timezone");
            nonNegative(expectedWithinHours, "expected_within_hours");
        }
    }

    /**
     * {@code dead_lettered} (an addition, omitted unless true): the platform has stopped retrying
     * this failure by itself — it stays failed until someone retries or resolves it.
     */
    record ErrorDetail(String type, String message, Classification classification,
                       @JsonInclude(JsonInclude.Include.NON_NULL)
                       Boolean deadLettered) {
        public ErrorDetail {
            text(type, "type");
            present(message, "message");
            present(classification, "classification");
            if (Boolean.FALSE.equals(deadLettered)) deadLettered = null;
        }

        public ErrorDetail(String type, String message, Classification classification) {
            this(type, message, classification, null);
        }

        public boolean retriesStopped() {
            return Boolean.TRUE.equals(deadLettered);
        }
    }

    record SourceFile(String locator, long bytes, String sha256) {
        public SourceFile {
            text(locator, "locator");
            nonNegative(bytes, "bytes");
            text(sha256, "sha256");
        }
    }

    record Partition(LocalDate weekEnding, String tier) {
        public Partition {
            present(weekEnding, "week_ending");
            text(tier, "tier");
        }
    }
}
