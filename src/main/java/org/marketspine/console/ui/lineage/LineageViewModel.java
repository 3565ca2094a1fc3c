package org.marketspine.console.ui.lineage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marketspine.console.model.AuditLog;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.EventHistory;
import org.marketspine.console.model.EventLog;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.LineageAt;
import org.marketspine.console.model.LineageGraph;
import org.marketspine.console.model.LineageLayout;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.RetentionReport;
import org.marketspine.console.ui.BundleReview;
import org.marketspine.console.ui.CommandSender;
import org.marketspine.console.ui.ConsoleSnapshot;
import org.marketspine.console.ui.Times;

/**
 * The compliance workspace as properties: the lineage in scope and its layout, the instant shown
 * (null = live) and how every node looked then, the audit log and the retention report of that
 * instant, and the comparison of two instants.
 */
public final class LineageViewModel {
    public static final String ALL_TIERS = "All tiers";

    private final CommandSender feed;
    /** The hop back onto the FX thread, for a layout or an answer that finishes elsewhere. */
    private final Executor fx;
    private final Supplier<Instant> now;
    /** The audit bundle under offline review, or null on a feed. */
    private final BundleReview review;
    private final ObjectProperty<String> tier = new SimpleObjectProperty<>(ALL_TIERS);
    private final ObjectProperty<LocalDate> week = new SimpleObjectProperty<>();
    private final ObservableList<LocalDate> weeks = FXCollections.observableArrayList();
    private final BooleanProperty focus = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<String> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> time = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LineageGraph> graph = new ReadOnlyObjectWrapper<>(new LineageGraph(List.of(), List.of()));
    private final ReadOnlyObjectWrapper<LineageLayout.Result> layout = new ReadOnlyObjectWrapper<>(LineageLayout.Result.EMPTY);
    private final ReadOnlyObjectWrapper<LineageAt> at = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Waiting for the feed…");
    private final ReadOnlyObjectWrapper<LayoutPhase> phase = new ReadOnlyObjectWrapper<>(LayoutPhase.WAITING);
    private final ReadOnlyStringWrapper empty = new ReadOnlyStringWrapper("");
    private final ObservableList<AuditLog.Entry> audit = FXCollections.observableArrayList();
    private final ObjectProperty<AuditLog.Filter> auditFilter = new SimpleObjectProperty<>(AuditLog.Filter.ALL);
    private List<AuditLog.Entry> auditAll = List.of();
    private PlatformState auditAllOf;
    private final ReadOnlyObjectWrapper<RetentionReport> retention = new ReadOnlyObjectWrapper<>();
    private final LineageCompare comparison;
    private final BooleanProperty auditShown = new SimpleBooleanProperty();
    private final BooleanProperty retentionShown = new SimpleBooleanProperty();
    private Map<String, List<String>> labels = Map.of();
    private PlatformState head = PlatformState.EMPTY;
    private PlatformState shownState = PlatformState.EMPTY;
    private LineageGraph full = new LineageGraph(List.of(), List.of());
    private int generation;
    private String pendingSelect;

    /**
     * @param feed where requests go (capture diffs)
     * @param fx runs a result on the FX thread
     * @param now the console's clock (a bundle under review stands at its end)
     * @param review the bundle under offline review, or null on a feed
     */
    public LineageViewModel(CommandSender feed, Executor fx, Supplier<Instant> now, BundleReview review) {
        this.feed = feed;
        this.fx = fx;
        this.now = now;
        this.review = review;
        this.comparison = new LineageCompare(this::history, feed, fx);
        tier.addListener((o, a, b) -> rebuild());
        week.addListener((o, a, b) -> rebuild());
        focus.addListener((o, a, b) -> rebuild());
        auditFilter.addListener((o, a, b) -> refreshAudit());
        // The audit log and the retention report follow the scrubber only while shown: a scrub step stays one frame.
        auditShown.addListener((o, a, b) -> {
            if (b) refreshAudit();
        });
        retentionShown.addListener((o, a, b) -> {
            if (b) refreshRetention();
        });
    }

    /** A new head state from the feed: the graph follows it; the instant shown stays put when in the past. */
    private ConsoleSnapshot lastSnapshot;

    public void update(ConsoleSnapshot s) {
        lastSnapshot = s;
        PlatformState next = s.state();
        boolean lineageChanged = next.captures() != head.captures() || next.executions() != head.executions();
        head = next;
        if (lineageChanged) {
            refreshWeeks();
            rebuild();
        } else if (time.get() == null) {
            show(head);
        }
    }

    private void refreshWeeks() {
        TreeSet<LocalDate> all = new TreeSet<>();
        for (Capture c : head.captures().values()) all.add(c.recorded().weekEnding());
        List<LocalDate> desc = new ArrayList<>(all.descendingSet());
        if (!desc.equals(weeks)) weeks.setAll(desc);
        if (week.get() == null && !desc.isEmpty()) {
            // First view: the newest week, in the tier of its newest capture — one tier's lineage reads at a glance.
            LocalDate newest = desc.getFirst();
            head.captures().values().stream().filter(c -> c.recorded().weekEnding().equals(newest))
                    .max(Comparator.comparing(Capture::seq)).ifPresent(c -> tier.set(c.recorded().tier()));
            week.set(newest);
        }
    }

    private void rebuild() {
        LocalDate w = week.get();
        String t = tier.get();
        full = LineageGraph.of(head, k -> (w == null || k.weekEnding().equals(w)) && (t == null || t.equals(ALL_TIERS) || k.tier().equals(t)));
        LineageGraph shown = focus.get() && selected.get() != null && full.node(selected.get()) != null ? full.focus(selected.get()) : full;
        if (!sameNodes(shown, graph.get())) {
            graph.set(shown);
            layOut(shown);
        } else {
            graph.set(shown);
        }
        show(time.get() == null ? head : history().stateAt(time.get()));
    }

    private static boolean sameNodes(LineageGraph a, LineageGraph b) {
        return a.nodes().equals(b.nodes()) && a.edges().equals(b.edges());
    }

    /** ELK runs on its own thread; a layout superseded by a newer scope is dropped. */
    private void layOut(LineageGraph g) {
        int gen = ++generation;
        status.set(g.nodes().isEmpty() ? "No captures in this scope." : "Laying out " + g.nodes().size() + " nodes…");
        phase.set(g.nodes().isEmpty() ? LayoutPhase.SHOWN : LayoutPhase.LAYING_OUT);
        Thread.ofVirtual().name("lineage-layout").start(() -> {
            LineageLayout.Result r;
            try {
                r = LineageLayout.of(g);
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    if (gen != generation) return;
                    status.set("Layout failed: " + e);
                    phase.set(LayoutPhase.FAILED);
                });
                return;
            }
            fx.execute(() -> {
                if (gen != generation) return;
                layout.set(r);
                status.set("");
                phase.set(LayoutPhase.SHOWN);
                if (pendingSelect != null && r.boxes().containsKey(pendingSelect)) {
                    select(pendingSelect);
                    pendingSelect = null;
                }
            });
        });
    }

    private void show(PlatformState s) {
        show(ScrubStep.of(graph.get(), LineageAt.of(graph.get(), s)));
    }

    private void show(ScrubStep step) {
        shownState = step.at().state();
        labels = step.labels();
        empty.set(emptyAt(graph.get(), step.at(), time.get(), head));
        at.set(step.at());
        if (auditShown.get()) refreshAudit();
        if (retentionShown.get()) refreshRetention();
    }

    private void refreshAudit() {
        // The whole log is rebuilt only for a new instant; a new filter only filters it again.
        if (auditAllOf != shownState) {
            auditAll = AuditLog.of(shownState);
            auditAllOf = shownState;
        }
        List<AuditLog.Entry> entries = AuditLog.filter(auditAll, auditFilter.get());
        if (!entries.equals(audit)) audit.setAll(entries);
    }

    private void refreshRetention() {
        retention.set(RetentionReport.of(shownState, time.get() != null ? time.get() : now.get()));
    }

    /**
     * A past instant before anything in scope was recorded reads as such, not as a blank canvas;
     * "" when something is drawn (or live, or the scope itself is empty — the layout says that).
     */
    static String emptyAt(LineageGraph g, LineageAt at, Instant t, PlatformState head) {
        if (t == null || g.nodes().isEmpty()) return "";
        Instant first = null;
        for (LineageGraph.Node n : g.nodes()) {
            if (at.look(n.id()).present()) return "";
            Capture c = n.kind() == LineageGraph.Kind.CAPTURE ? head.capture(n.ref()) : null;
            if (c != null && (first == null || c.recordedAt().isBefore(first))) first = c.recordedAt();
        }
        return "Nothing in this scope had been recorded yet at " + Times.absolute(t) + "."
                + (first == null ? "" : " Its first capture was recorded at " + Times.absolute(first) + ".");
    }

    /**
     * Where a graph too large for the view opens: the selected node, else the newest capture in
     * scope — what a reviewer traces back from. Null for an empty graph.
     */
    public String anchor() {
        LineageGraph g = graph.get();
        if (selected.get() != null && g.node(selected.get()) != null) return selected.get();
        Capture newest = null;
        for (LineageGraph.Node n : g.nodes()) {
            Capture c = n.kind() == LineageGraph.Kind.CAPTURE ? head.capture(n.ref()) : null;
            if (c != null && (newest == null || c.seq() > newest.seq())) newest = c;
        }
        return newest == null ? null : LineageGraph.captureNode(newest.captureId());
    }

    /** The instant everything shown is as of: the timeline's T in the past, else the head state's. */
    public Instant shownAt() {
        return time.get() != null ? time.get() : shownState.at();
    }

    // ---- time travel ----

    /** Shows the platform as the journal knew it at {@code t}; at or after the head instant, that is live. */
    public void scrubTo(Instant t) {
        Instant last = history().lastAt();
        Instant first = history().firstAt();
        // At or after the head, or a history without its past (nothing to travel through): live.
        if (t == null || last == null || first == null || !t.isBefore(last)) {
            goLive();
            return;
        }
        time.set(t.isBefore(first) ? first : t);
        show(ScrubStep.at(history(), graph.get(), time.get()));
    }

    public void goLive() {
        time.set(null);
        show(head);
    }

    /** Moves to the instant of the next (+1) or previous (−1) event. */
    public void step(int direction) {
        if (history().firstAt() == null) return; // no events held to step through (none yet, or only the latest state)
        long seq = time.get() == null ? history().headSeq() : history().seqAt(time.get());
        long target = Math.max(1, Math.min(history().size(), seq + direction));
        if (target == seq && direction > 0) return;
        Instant t = history().event(target).at();
        if (direction > 0 && time.get() != null && !t.isAfter(time.get())) t = time.get().plusMillis(1);
        if (direction < 0 && target == seq) t = history().firstAt();
        scrubTo(t);
    }

    /** Scrubs to when an execution ended (or last changed), and selects it. */
    public void jumpToExecution(String executionId) {
        Execution e = head.execution(executionId);
        if (e == null) return;
        selectAnywhere(LineageGraph.executionNode(executionId), e.weekEnding());
        scrubTo(e.lastChangeAt());
    }

    // ---- selection and search ----

    public void select(String nodeId) {
        selected.set(nodeId);
        if (focus.get()) rebuild();
    }

    /** Finds nodes by capture id, execution id, file, dataset or week; selects the first, changing scope if needed. */
    public List<LineageGraph.Node> search(String text) {
        LineageGraph everything = LineageGraph.of(head, k -> true);
        List<LineageGraph.Node> found = everything.search(text);
        if (!found.isEmpty()) selectAnywhere(found.getFirst().id(), found.getFirst().week());
        return found;
    }

    private void selectAnywhere(String nodeId, LocalDate nodeWeek) {
        if (graph.get().node(nodeId) != null) {
            select(nodeId);
            return;
        }
        pendingSelect = nodeId;
        selected.set(nodeId);
        tier.set(ALL_TIERS);
        if (nodeWeek != null) week.set(nodeWeek);
    }

    // ---- audit ----

    /** Writes the audit log as shown (filters applied) to a CSV file with ISO 8601 UTC times. */
    public void exportCsv(Path file) throws IOException {
        Files.writeString(file, AuditLog.csv(audit), StandardCharsets.UTF_8);
    }

    /** An export's time range. */
    public record Range(Instant from, Instant to) {}

    /**
     * What the export dialog offers: the audit log's day range when one is set — the rows the user
     * is looking at — else the 30 days up to the instant shown. A filter's end is the last
     * millisecond of its day; the bundle's range ends at the next midnight.
     */
    static Range exportRange(AuditLog.Filter f, Instant shownAt) {
        Instant to = f.to() != null ? f.to().plusMillis(1) : shownAt;
        Instant from = f.from() != null ? f.from() : to == null ? null : to.minus(Duration.ofDays(30));
        return new Range(from, to);
    }

    public Range exportRange() {
        return exportRange(auditFilter.get(), time.get() != null ? time.get() : history().lastAt());
    }

    public List<AuditLog.ScheduledRun> verifyWeek(LocalDate w) {
        return AuditLog.verifyWeek(shownState, w, time.get() != null ? time.get() : now.get());
    }

    /** The end of the bundle's range under offline review (what the app is "as of"), else null. */
    public Instant reviewEnd() {
        return review == null ? null : review.to();
    }

    public boolean isReview() {
        return review != null;
    }

    /** Whether the data shown is current (live, and the feed says its source is current). */
    public boolean isCurrent() {
        return lastSnapshot == null || lastSnapshot.isCurrent() || lastSnapshot.isBundle();
    }

    /** Where the timeline starts: a bundle's range start, else the journal's first event. */
    public Instant timelineStart() {
        if (review != null) return review.from();
        return history().firstAt();
    }

    public List<String> labels(String nodeId) {
        return labels.getOrDefault(nodeId, List.of());
    }

    public PlatformState head() { return head; }
    /** The events up to the last snapshot's state: what travelling in time reads (never events that arrived since). */
    public EventHistory history() { return lastSnapshot == null ? EventLog.emptyHistory() : lastSnapshot.history(); }
    public ObjectProperty<String> tierProperty() { return tier; }
    public ObjectProperty<LocalDate> weekProperty() { return week; }
    public ObservableList<LocalDate> weeks() { return weeks; }
    public BooleanProperty focusProperty() { return focus; }
    public ReadOnlyObjectProperty<String> selectedProperty() { return selected.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Instant> timeProperty() { return time.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<LineageGraph> graphProperty() { return graph.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<LineageLayout.Result> layoutProperty() { return layout.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<LineageAt> atProperty() { return at.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<LayoutPhase> phaseProperty() { return phase.getReadOnlyProperty(); }
    /** Why nothing is drawn at the instant shown, or "". */
    public ReadOnlyStringProperty emptyProperty() { return empty.getReadOnlyProperty(); }
    public ObservableList<AuditLog.Entry> audit() { return audit; }
    /** The whole log at the instant shown, before filters (what the filters offer to choose from). */
    public List<AuditLog.Entry> auditUnfiltered() { return auditAll; }
    public ObjectProperty<AuditLog.Filter> auditFilterProperty() { return auditFilter; }
    public ReadOnlyObjectProperty<RetentionReport> retentionProperty() { return retention.getReadOnlyProperty(); }
    /** Two instants compared, and the deltas of the revisions between them. */
    public LineageCompare comparison() { return comparison; }
    public BooleanProperty auditShownProperty() { return auditShown; }
    public BooleanProperty retentionShownProperty() { return retentionShown; }
}
