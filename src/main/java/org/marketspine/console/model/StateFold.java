package org.marketspine.console.model;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData.AnomalyAcknowledged;
import org.marketspine.console.protocol.EventData.AnomalyDetected;
import org.marketspine.console.protocol.EventData.AnomalyResolved;
import org.marketspine.console.protocol.EventData.CaptureRecorded;
import org.marketspine.console.protocol.EventData.CommandRecorded;
import org.marketspine.console.protocol.EventData.ExecutionCancelled;
import org.marketspine.console.protocol.EventData.ExecutionCompleted;
import org.marketspine.console.protocol.EventData.ExecutionFailed;
import org.marketspine.console.protocol.EventData.ExecutionQueued;
import org.marketspine.console.protocol.EventData.ExecutionStarted;
import org.marketspine.console.protocol.EventData.PipelineDeclared;
import org.marketspine.console.protocol.EventData.ReadinessChanged;
import org.marketspine.console.protocol.EventData.RetentionPurged;
import org.marketspine.console.protocol.EventData.ScheduleMissed;
import org.marketspine.console.protocol.EventData.SourceDeclared;
import org.marketspine.console.protocol.EventData;
import org.pcollections.PMap;
import org.pcollections.PVector;

/**
 * The one way state changes: {@code apply(state, event)} is a pure function. Events that refer to
 * something the state never saw (a completion for an unknown execution, say) leave the state as
 * it is; they stay in the event log, which is the record.
 */
public final class StateFold {
    private StateFold() {}

    public static PlatformState applyAll(PlatformState state, List<Event> events) {
        PlatformState s = state;
        for (Event e : events) s = apply(s, e);
        return s;
    }

    public static PlatformState apply(PlatformState s, Event e) {
        Builder b = new Builder(s, e);
        switch (e.data()) {
            case PipelineDeclared d -> b.pipelines = s.pipelines().plus(d.pipeline(), new Fact<>(e.seq(), e.at(), d));
            case ExecutionQueued d -> queued(b, d);
            case ExecutionStarted d -> started(b, d);
            case ExecutionCompleted d -> ended(b, d.executionId(), x -> x.completed(e.at(), d.rows(), d.durationMs(), d.outputs()));
            case ExecutionFailed d -> {
                if (ended(b, d.executionId(), x -> x.failed(e.at(), d.durationMs(), d.error()))) {
                    b.failures = s.failures().plus(d.executionId());
                }
            }
            case ExecutionCancelled d -> ended(b, d.executionId(), x -> x.cancelled(e.at(), d.by()));
            case CaptureRecorded d -> captured(b, d);
            case ReadinessChanged d -> b.readiness = s.readiness().plus(
                    new PartitionKey(d.dataset(), d.tier(), d.weekEnding()), new Readiness(d, e.at()));
            case AnomalyDetected d -> b.anomalies = s.anomalies().plus(d.anomalyId(),
                    new Anomaly(d, e.at(), null, null, null, null, null, null));
            case AnomalyAcknowledged d -> {
                Anomaly a = s.anomalies().get(d.anomalyId());
                if (a != null) b.anomalies = s.anomalies().plus(d.anomalyId(), a.acknowledged(d.by(), e.at(), d.note()));
            }
            case AnomalyResolved d -> {
                Anomaly a = s.anomalies().get(d.anomalyId());
                if (a != null) b.anomalies = s.anomalies().plus(d.anomalyId(), a.resolved(d.by(), e.at(), d.note()));
            }
            case ScheduleMissed d -> b.missed = s.missedSchedules().plus(new Fact<>(e.seq(), e.at(), d));
            case SourceDeclared d -> b.sources = s.sources().plus(d.source(), new Fact<>(e.seq(), e.at(), d));
            case RetentionPurged d -> b.purges = s.purges().plus(new Fact<>(e.seq(), e.at(), d));
            case CommandRecorded d -> b.commands = s.commands().plus(new Fact<>(e.seq(), e.at(), d));
            case EventData.Unknown ignored -> { /* a newer server's kind: kept in the log, no effect on state */ }
        }
        return b.build();
    }

    private static void queued(Builder b, ExecutionQueued d) {
        Execution x = new Execution(d.executionId(), d.pipeline(), d.params(), d.trigger(), d.triggeredBy(),
                d.retryOf(), ExecutionStatus.QUEUED, b.event.at(), null, null, null, 0, 0, 0, List.of(), null, null, null);
        if (b.executions.get(d.executionId()) == null) b.order = b.order.plus(d.executionId());
        b.executions = b.executions.plus(d.executionId(), x);
        b.activeRuns = b.activeRuns.plus(x.runKey(), x.executionId());
    }

    private static void started(Builder b, ExecutionStarted d) {
        Execution known = b.executions.get(d.executionId());
        Execution x;
        if (known == null) {
            // Started without a queued event (e.g. a synchronous run): it is still an execution.
            x = new Execution(d.executionId(), d.pipeline(), d.params(), d.trigger(), d.triggeredBy(), null,
                    ExecutionStatus.RUNNING, b.event.at(), b.event.at(), null, d.captureId(), d.attempt(), 0, 0,
                    List.of(), null, null, null);
            b.order = b.order.plus(d.executionId());
        } else {
            x = known.started(b.event.at(), d.captureId(), d.attempt());
        }
        b.executions = b.executions.plus(d.executionId(), x);
        b.activeRuns = b.activeRuns.plus(x.runKey(), x.executionId());
    }

    private static boolean ended(Builder b, String executionId, UnaryOperator<Execution> change) {
        Execution known = b.executions.get(executionId);
        if (known == null) return false;
        Execution x = change.apply(known);
        b.executions = b.executions.plus(executionId, x);
        if (executionId.equals(b.activeRuns.get(x.runKey()))) b.activeRuns = b.activeRuns.minus(x.runKey());
        return true;
    }

    private static void captured(Builder b, CaptureRecorded d) {
        Capture c = new Capture(d, b.event.seq(), b.event.at(), null, null);
        PMap<String, Capture> captures = b.captures.plus(d.captureId(), c);
        if (d.supersedes() != null) {
            Capture old = captures.get(d.supersedes());
            if (old != null) captures = captures.plus(old.captureId(), old.supersededBy(d.captureId(), b.event.at()));
        }
        b.captures = captures;
        b.currentCaptures = b.currentCaptures.plus(c.partition(), d.captureId());
    }

    /** Mutable only inside one apply call: collects the changed fields, then builds the next state. */
    private static final class Builder {
        final Event event;
        final PlatformState s;
        PMap<String, Fact<PipelineDeclared>> pipelines;
        PMap<String, Execution> executions;
        PVector<String> order;
        PMap<String, String> activeRuns;
        PVector<String> failures;
        PMap<String, Capture> captures;
        PMap<PartitionKey, String> currentCaptures;
        PMap<PartitionKey, Readiness> readiness;
        PMap<String, Anomaly> anomalies;
        PMap<String, Fact<SourceDeclared>> sources;
        PVector<Fact<RetentionPurged>> purges;
        PVector<Fact<ScheduleMissed>> missed;
        PVector<Fact<CommandRecorded>> commands;

        Builder(PlatformState s, Event event) {
            this.s = s;
            this.event = event;
            pipelines = s.pipelines();
            executions = s.executions();
            order = s.executionOrder();
            activeRuns = s.activeRuns();
            failures = s.failures();
            captures = s.captures();
            currentCaptures = s.currentCaptures();
            readiness = s.readiness();
            anomalies = s.anomalies();
            sources = s.sources();
            purges = s.purges();
            missed = s.missedSchedules();
            commands = s.commands();
        }

        PlatformState build() {
            Instant at = event.at().isAfter(s.at()) ? event.at() : s.at();
            return new PlatformState(event.seq(), at, pipelines, executions, order, activeRuns, failures, captures,
                    currentCaptures, readiness, anomalies, sources, purges, missed, commands);
        }
    }
}
