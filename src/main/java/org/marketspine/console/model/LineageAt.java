package org.marketspine.console.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.marketspine.console.protocol.ReadinessStatus;

/**
 * How each node of a lineage graph looked in one state: captures that did not exist yet are
 * absent, superseded ones say so, readiness badges and open anomalies are those of that state.
 * Pure: the timeline scrubber calls it with {@code EventHistory.stateAt(T)}.
 */
public record LineageAt(PlatformState state, Map<String, Look> looks) {

    /** The colour family a node is drawn in (the palette maps each to a CSS token). */
    public enum Tone { CERTIFIED, PRELIMINARY, BLOCKED, RECORDED, SUPERSEDED, SUCCEEDED, FAILED, ACTIVE, CANCELLED, SOURCE }

    public record Look(boolean present, Tone tone, String badge, int openAnomalies) {
        static final Look ABSENT = new Look(false, Tone.RECORDED, "", 0);
    }

    public Look look(String nodeId) {
        return looks.getOrDefault(nodeId, Look.ABSENT);
    }

    /** The timeline scrubber's path: the state the journal knew at {@code t}, and the graph's looks in it. */
    public static LineageAt at(EventHistory log, LineageGraph graph, Instant t) {
        return of(graph, log.stateAt(t));
    }

    public static LineageAt of(LineageGraph graph, PlatformState at) {
        Map<String, Integer> open = new HashMap<>();
        for (Anomaly a : at.anomalies().values()) {
            if (a.isOpen() && a.detected().captureId() != null) open.merge(a.detected().captureId(), 1, Integer::sum);
        }
        Set<String> files = new HashSet<>();
        Map<String, Look> looks = new HashMap<>();
        for (LineageGraph.Node n : graph.nodes()) {
            if (n.kind() == LineageGraph.Kind.CAPTURE) {
                Capture c = at.capture(n.ref());
                if (c == null) continue;
                if (c.recorded().source() != null) files.add(LineageGraph.fileRef(c.recorded().source()));
                looks.put(n.id(), capture(at, c, open.getOrDefault(c.captureId(), 0)));
            } else if (n.kind() == LineageGraph.Kind.EXECUTION) {
                Execution e = at.execution(n.ref());
                if (e == null) continue;
                Tone tone = switch (e.status()) {
                    case SUCCEEDED -> Tone.SUCCEEDED;
                    case FAILED -> Tone.FAILED;
                    case QUEUED, RUNNING -> Tone.ACTIVE;
                    case CANCELLED -> Tone.CANCELLED;
                };
                looks.put(n.id(), new Look(true, tone, e.status().name(), 0));
            }
        }
        for (LineageGraph.Node n : graph.nodes()) {
            if (n.kind() == LineageGraph.Kind.SOURCE_FILE && files.contains(n.ref())) {
                looks.put(n.id(), new Look(true, Tone.SOURCE, "SOURCE FILE", 0));
            }
        }
        return new LineageAt(at, Map.copyOf(looks));
    }

    private static Look capture(PlatformState at, Capture c, int openAnomalies) {
        if (c.isSuperseded()) return new Look(true, Tone.SUPERSEDED, "SUPERSEDED", openAnomalies);
        Readiness r = at.readiness().get(c.partition());
        boolean applies = r != null && (r.last().captureId() == null || r.last().captureId().equals(c.captureId()));
        if (!applies) return new Look(true, Tone.RECORDED, "RECORDED", openAnomalies);
        ReadinessStatus s = r.status();
        Tone tone = switch (s) {
            case CERTIFIED -> Tone.CERTIFIED;
            case PRELIMINARY -> Tone.PRELIMINARY;
            case BLOCKED -> Tone.BLOCKED;
            case MISSING -> Tone.RECORDED;
        };
        return new Look(true, tone, s.name(), openAnomalies);
    }
}
