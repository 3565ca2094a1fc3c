package org.marketspine.console.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.marketspine.console.protocol.ReadinessStatus;

/** What changed between two states: the "compare two instants" answer. */
public record StateDiff(List<Capture> capturesAdded, List<Capture> capturesSuperseded,
                        List<Transition> readinessTransitions, List<Anomaly> anomaliesOpened,
                        List<Anomaly> anomaliesClosed, List<Execution> executionsRun) {

    /** A partition's readiness moving from one status to another ({@code from} is null when new). */
    public record Transition(PartitionKey partition, ReadinessStatus from, ReadinessStatus to, String reason,
                             String by) {}

    public boolean isEmpty() {
        return capturesAdded.isEmpty() && capturesSuperseded.isEmpty() && readinessTransitions.isEmpty()
                && anomaliesOpened.isEmpty() && anomaliesClosed.isEmpty() && executionsRun.isEmpty();
    }

    public static StateDiff between(PlatformState before, PlatformState after) {
        List<Capture> added = new ArrayList<>();
        List<Capture> superseded = new ArrayList<>();
        for (Capture c : after.captures().values()) {
            Capture old = before.captures().get(c.captureId());
            if (old == null) added.add(c);
            if (c.isSuperseded() && (old == null || !old.isSuperseded())) superseded.add(c);
        }
        List<Transition> transitions = new ArrayList<>();
        for (Map.Entry<PartitionKey, Readiness> e : after.readiness().entrySet()) {
            Readiness old = before.readiness().get(e.getKey());
            Readiness now = e.getValue();
            if (old == null || old.status() != now.status()) {
                transitions.add(new Transition(e.getKey(), old == null ? null : old.status(), now.status(),
                        now.last().reason(), now.last().by()));
            }
        }
        List<Anomaly> opened = new ArrayList<>();
        List<Anomaly> closed = new ArrayList<>();
        for (Anomaly a : after.anomalies().values()) {
            Anomaly old = before.anomalies().get(a.anomalyId());
            if (a.isOpen() && old == null) opened.add(a);
            if (!a.isOpen() && (old == null || old.isOpen())) closed.add(a);
        }
        List<Execution> run = new ArrayList<>();
        for (int i = before.executionOrder().size(); i < after.executionOrder().size(); i++) {
            run.add(after.executions().get(after.executionOrder().get(i)));
        }
        added.sort(Comparator.comparing(Capture::seq));
        superseded.sort(Comparator.comparing(Capture::supersededAt));
        transitions.sort(Comparator.comparing(Transition::partition));
        opened.sort(Comparator.comparing(Anomaly::detectedAt));
        closed.sort(Comparator.comparing(Anomaly::resolvedAt));
        return new StateDiff(added, superseded, transitions, opened, closed, run);
    }
}
