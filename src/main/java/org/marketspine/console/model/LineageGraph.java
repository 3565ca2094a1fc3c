package org.marketspine.console.model;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Stage;

/**
 * Where a number came from: source files, captures and the executions between them, with every
 * edge pinned to an exact capture id (a derived capture links to the very inputs it consumed).
 * Built from the head state so it holds every capture ever recorded, superseded ones included;
 * {@link LineageAt} then says which of them existed, and how, at an instant.
 */
public record LineageGraph(List<Node> nodes, List<Edge> edges) {

    public enum Kind { SOURCE_FILE, EXECUTION, CAPTURE }

    /**
     * {@code layer}: the node's natural stage left to right (file 0, ingest 1, raw 2, normalize 3,
     * normalized 4, compute 5, derived 6) — the layout keeps it, so a graph reads like the pipeline.
     */
    public record Node(String id, Kind kind, int layer, String ref, String dataset, String tier, LocalDate week) {}

    public record Edge(String from, String to) {}

    public static String captureNode(String captureId) {
        return "capture:" + captureId;
    }

    public static String executionNode(String executionId) {
        return "execution:" + executionId;
    }

    /**
     * A fetched file's identity: its bytes (sha256) and where they came from. FINRA re-issues a revision at
     * the same URL, so one locator can stand for two files; the superseded capture's node must name the
     * bytes it was read from, not the newer ones.
     */
    public static String fileRef(EventData.SourceFile f) {
        return f.sha256() + " " + f.locator();
    }

    public static String fileNode(EventData.SourceFile f) {
        return "file:" + fileRef(f);
    }

    /** The lineage of the captures whose partition is in scope, plus the inputs they consumed. */
    public static LineageGraph of(PlatformState s, Predicate<PartitionKey> scope) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Set<Edge> edges = new LinkedHashSet<>();
        List<Capture> inScope = new ArrayList<>();
        for (Capture c : s.captures().values()) if (scope.test(c.partition())) inScope.add(c);
        inScope.sort(Comparator.comparing(Capture::seq));
        for (Capture c : inScope) {
            String id = addCapture(nodes, c);
            EventData.CaptureRecorded r = c.recorded();
            Execution e = s.execution(r.executionId());
            String producer = id;
            if (e != null) {
                producer = executionNode(e.executionId());
                nodes.putIfAbsent(producer, new Node(producer, Kind.EXECUTION, layerOf(r.stage()) - 1, e.executionId(),
                        r.dataset(), r.tier(), r.weekEnding()));
                edges.add(new Edge(producer, id));
            }
            if (r.source() != null) {
                String file = fileNode(r.source());
                nodes.putIfAbsent(file, new Node(file, Kind.SOURCE_FILE, 0, fileRef(r.source()), r.dataset(), r.tier(), r.weekEnding()));
                edges.add(new Edge(file, producer));
            }
            for (String input : r.inputs()) {
                Capture in = s.capture(input);
                if (in == null) continue; // an input this journal never saw: shown in the detail, not drawn
                edges.add(new Edge(addCapture(nodes, in), producer));
            }
        }
        return new LineageGraph(List.copyOf(nodes.values()), List.copyOf(edges));
    }

    private static String addCapture(Map<String, Node> nodes, Capture c) {
        String id = captureNode(c.captureId());
        EventData.CaptureRecorded r = c.recorded();
        nodes.putIfAbsent(id, new Node(id, Kind.CAPTURE, layerOf(r.stage()), c.captureId(), r.dataset(), r.tier(), r.weekEnding()));
        return id;
    }

    private static int layerOf(Stage stage) {
        return switch (stage) {
            case INGEST -> 2;
            case NORMALIZE -> 4;
            case COMPUTE -> 6;
        };
    }

    public Node node(String id) {
        for (Node n : nodes) if (n.id().equals(id)) return n;
        return null;
    }

    /** The node, everything upstream of it and everything downstream of it: focus mode. */
    public LineageGraph focus(String id) {
        Set<String> keep = new HashSet<>();
        keep.add(id);
        walk(id, true, keep);
        walk(id, false, keep);
        List<Node> n = nodes.stream().filter(x -> keep.contains(x.id())).toList();
        List<Edge> e = edges.stream().filter(x -> keep.contains(x.from()) && keep.contains(x.to())).toList();
        return new LineageGraph(n, e);
    }

    private void walk(String from, boolean upstream, Set<String> keep) {
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String at = todo.pop();
            for (Edge e : edges) {
                String next = upstream ? (e.to().equals(at) ? e.from() : null) : (e.from().equals(at) ? e.to() : null);
                if (next != null && keep.add(next)) todo.push(next);
            }
        }
    }

    /** Nodes whose capture id, execution id, file, dataset or week contains the text (case-insensitive). */
    public List<Node> search(String text) {
        String q = text.trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) return List.of();
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) {
            if (n.ref().toLowerCase(Locale.ROOT).contains(q) || n.dataset().toLowerCase(Locale.ROOT).contains(q)
                    || n.week() != null && n.week().toString().contains(q)) {
                out.add(n);
            }
        }
        return out;
    }
}
