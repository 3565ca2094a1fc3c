package org.marketspine.console.ui.lineage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.marketspine.console.model.EventHistory;
import org.marketspine.console.model.LineageAt;
import org.marketspine.console.model.LineageGraph;

/**
 * One step of the timeline scrubber: the state the journal knew at T, how every node of the
 * graph looked then, and their labels. Free of JavaFX, so benchmark P6 times exactly this.
 */
public record ScrubStep(LineageAt at, Map<String, List<String>> labels) {

    public static ScrubStep at(EventHistory log, LineageGraph graph, Instant t) {
        return of(graph, LineageAt.at(log, graph, t));
    }

    static ScrubStep of(LineageGraph graph, LineageAt at) {
        return new ScrubStep(at, NodeLabels.all(graph, at));
    }
}
