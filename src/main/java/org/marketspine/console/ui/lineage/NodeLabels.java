package org.marketspine.console.ui.lineage;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.LineageAt;
import org.marketspine.console.model.LineageGraph;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.ui.ShortName;
import org.marketspine.console.ui.Times;

/** The text lines a lineage node shows: what it is, then its figures, then its id. */
final class NodeLabels {
    private NodeLabels() {}

    /** Labels of every node present in the state, computed once per instant shown. */
    static Map<String, List<String>> all(LineageGraph g, LineageAt at) {
        // Files through the graph's own captures: the state may hold a million others.
        Map<String, EventData.SourceFile> files = new HashMap<>();
        for (LineageGraph.Node n : g.nodes()) {
            Capture c = n.kind() == LineageGraph.Kind.CAPTURE ? at.state().capture(n.ref()) : null;
            if (c != null && c.recorded().source() != null) files.put(LineageGraph.fileRef(c.recorded().source()), c.recorded().source());
        }
        Map<String, List<String>> out = new HashMap<>();
        for (LineageGraph.Node n : g.nodes()) if (at.look(n.id()).present()) out.put(n.id(), of(n, at.state(), files));
        return out;
    }

    static List<String> of(LineageGraph.Node n, PlatformState s, Map<String, EventData.SourceFile> files) {
        return switch (n.kind()) {
            case CAPTURE -> {
                Capture c = s.capture(n.ref());
                if (c == null) yield List.of(ShortName.of(n.dataset()) + " · " + n.tier());
                EventData.CaptureRecorded r = c.recorded();
                // Dataset, tier and week are on the first two lines: the third is what tells this capture from its revisions.
                yield List.of(lastName(r.dataset()) + " · " + r.tier(),
                        String.format("wk %s · %,d rows · %,d sym", r.weekEnding(), r.rows(), r.symbols()), "id " + ownPart(c));
            }
            case EXECUTION -> {
                Execution e = s.execution(n.ref());
                if (e == null) yield List.of(n.ref());
                String took = e.durationMs() > 0 ? " · " + Times.span(Duration.ofMillis(e.durationMs())) : "";
                yield List.of(ShortName.of(e.pipeline()), e.trigger().name().toLowerCase() + " · " + e.triggeredBy() + took, e.executionId());
            }
            case SOURCE_FILE -> {
                EventData.SourceFile f = files.get(n.ref());
                if (f == null) yield List.of(n.ref());
                String name = f.locator().substring(f.locator().lastIndexOf('/') + 1);
                yield List.of(name, String.format("%,d bytes · sha256 %s…", f.bytes(), f.sha256().substring(0, Math.min(12, f.sha256().length()))), f.locator());
            }
        };
    }

    /**
     * How one exact input reads beside its siblings: they share dataset and tier, so the week and
     * the capture's own part of its id come first to the eye; the full id goes in a tooltip.
     */
    static String input(String captureId, Capture c) {
        if (c == null) return captureId + " (not in this journal)";
        EventData.CaptureRecorded r = c.recorded();
        return lastName(r.dataset()) + " · " + r.tier() + " · wk " + r.weekEnding() + " · id " + ownPart(c);
    }

    /** "finra.otc_transparency.normalized:NMS_TIER_1:2026-11-13:a1b2c3" reads "a1b2c3"; an id of another shape reads whole. */
    static String ownPart(Capture c) {
        EventData.CaptureRecorded r = c.recorded();
        String prefix = r.dataset() + ":" + r.tier() + ":" + r.weekEnding() + ":";
        String id = c.captureId();
        return id.startsWith(prefix) && id.length() > prefix.length() ? id.substring(prefix.length()) : id;
    }

    /** "finra.otc_transparency.normalized" reads "normalized". */
    static String lastName(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }
}
