package org.marketspine.console.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.marketspine.console.protocol.EventData.CommandRecorded;
import org.marketspine.console.protocol.EventData.PipelineDeclared;
import org.marketspine.console.protocol.EventData.RetentionPurged;
import org.marketspine.console.protocol.EventData.ScheduleMissed;
import org.marketspine.console.protocol.EventData.SourceDeclared;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;
import org.pcollections.PVector;
import org.pcollections.TreePVector;

/**
 * The platform as known after the event {@code seq}. Immutable: {@link StateFold#apply} returns a
 * new state that shares all unchanged structure with this one, so checkpoints are cheap.
 */
public record PlatformState(
        long seq,
        Instant at,
        PMap<String, Fact<PipelineDeclared>> pipelines,
        PMap<String, Execution> executions,
        PVector<String> executionOrder,
        PMap<String, String> activeRuns,
        PVector<String> failures,
        PMap<String, Capture> captures,
        PMap<PartitionKey, String> currentCaptures,
        PMap<PartitionKey, Readiness> readiness,
        PMap<String, Anomaly> anomalies,
        PMap<String, Fact<SourceDeclared>> sources,
        PVector<Fact<RetentionPurged>> purges,
        PVector<Fact<ScheduleMissed>> missedSchedules,
        PVector<Fact<CommandRecorded>> commands) {

    public static final PlatformState EMPTY = new PlatformState(0, Instant.EPOCH, HashTreePMap.empty(),
            HashTreePMap.empty(), TreePVector.empty(), HashTreePMap.empty(), TreePVector.empty(), HashTreePMap.empty(),
            HashTreePMap.empty(), HashTreePMap.empty(), HashTreePMap.empty(), HashTreePMap.empty(),
            TreePVector.empty(), TreePVector.empty(), TreePVector.empty());

    public Execution execution(String executionId) {
        return executions.get(executionId);
    }

    /** The execution currently queued or running for the same pipeline and params, if any. */
    public Execution activeRun(String runKey) {
        String id = activeRuns.get(runKey);
        return id == null ? null : executions.get(id);
    }

    public Capture capture(String captureId) {
        return captureId == null ? null : captures.get(captureId);
    }

    public Capture currentCapture(PartitionKey key) {
        return capture(currentCaptures.get(key));
    }

    public List<Anomaly> openAnomalies() {
        List<Anomaly> open = new ArrayList<>();
        for (Anomaly a : anomalies.values()) if (a.isOpen()) open.add(a);
        open.sort(Comparator.comparing(Anomaly::severity).thenComparing(Anomaly::detectedAt, Comparator.reverseOrder()));
        return open;
    }

    /** Executions queued or running now. */
    public List<Execution> activeExecutions() {
        List<Execution> active = new ArrayList<>(activeRuns.size());
        for (String id : activeRuns.values()) active.add(executions.get(id));
        active.sort(Comparator.comparing(Execution::queuedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return active;
    }

    /** Failed executions, newest first. */
    public List<Execution> failuresNewestFirst() {
        List<Execution> out = new ArrayList<>(failures.size());
        for (int i = failures.size() - 1; i >= 0; i--) out.add(executions.get(failures.get(i)));
        return out;
    }

    /**
     * A derived capture is stale when one of the very captures it consumed has since been
     * superseded (e.g. by a FINRA revision): it was computed from data that is no longer current.
     */
    public boolean isStale(Capture capture) {
        for (String input : capture.recorded().inputs()) {
            Capture in = captures.get(input);
            if (in != null && in.isSuperseded()) return true;
        }
        return false;
    }
}
