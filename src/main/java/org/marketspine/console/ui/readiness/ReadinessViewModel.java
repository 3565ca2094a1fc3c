package org.marketspine.console.ui.readiness;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marketspine.console.model.CertificationChecks;
import org.marketspine.console.model.GridCell;
import org.marketspine.console.model.LatestSafe;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.ReadinessGrid;
import org.marketspine.console.model.ReadinessSummary;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.protocol.Role;
import org.marketspine.console.ui.CommandSender;
import org.marketspine.console.ui.ConsoleRuntime;
import org.marketspine.console.ui.ConsoleSnapshot;

/** The quant's grid as properties: rows after filters, tier summaries, the selected cell and its checks. */
public final class ReadinessViewModel {
    /** The status filter's "any". */
    public static final String ANY = "Any status";

    private final CommandSender feed;
    /** The hop back onto the FX thread for answers that arrive on a feed thread. */
    private final Executor fx;
    /** Where this user's "seen" marks are kept, and the address-based name older versions used. */
    private final Path dataDir;
    private final String feedKey;
    /** Null until the feed has said who it is: marks are kept per feed, so none are kept before. */
    private SeenCaptures seen;
    private Path seenFile;
    private final ReadOnlyIntegerWrapper seenRevision = new ReadOnlyIntegerWrapper();
    private final ObservableList<ReadinessGrid.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<ReadinessGrid.Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<List<ReadinessGrid.Column>> columns = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<ReadinessSummary> summaries = FXCollections.observableArrayList();
    private final ObservableList<ReadinessSummary> summariesView = FXCollections.unmodifiableObservableList(summaries);
    private final ObservableList<LatestSafe> latestSafe = FXCollections.observableArrayList();
    private final ObservableList<LatestSafe> latestSafeView = FXCollections.unmodifiableObservableList(latestSafe);
    private final ReadOnlyIntegerWrapper hiddenUnsafe = new ReadOnlyIntegerWrapper();
    private final ObjectProperty<String> tierFilter = new SimpleObjectProperty<>("All tiers");
    private final ObjectProperty<String> statusFilter = new SimpleObjectProperty<>(ANY);
    private final BooleanProperty safeOnly = new SimpleBooleanProperty();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<GridCell> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
    private ReadinessGrid.Grid grid = new ReadinessGrid.Grid(List.of(), List.of());
    private PlatformState state = PlatformState.EMPTY;
    private ConsoleSnapshot snapshot;
    /** Whether the data is current (live and the feed's source current): the cards say "when last heard" otherwise. */
    private final ReadOnlyBooleanWrapper current = new ReadOnlyBooleanWrapper(true);

    public ReadOnlyBooleanProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /**
     * @param feed where certify/block and the cell detail's requests go
     * @param fx runs an answer on the FX thread ({@code Runnable::run} in a test)
     * @param dataDir where the "seen" marks are kept; {@code feedKey} names the address-based file of older versions
     */
    public ReadinessViewModel(CommandSender feed, Executor fx, Path dataDir, String feedKey) {
        this.feed = feed;
        this.fx = fx;
        this.dataDir = dataDir;
        this.feedKey = feedKey;
        tierFilter.addListener((o, a, b) -> applyFilters());
        statusFilter.addListener((o, a, b) -> applyFilters());
        safeOnly.addListener((o, a, b) -> applyFilters());
        from.addListener((o, a, b) -> applyFilters());
        to.addListener((o, a, b) -> applyFilters());
    }

    /** What the grid says with no dataset to show: a feed never heard from has said nothing, so nothing is "recorded". */
    public String noReadinessText() {
        return snapshot == null || snapshot.state().seq() == 0
                ? "No data from the feed yet: readiness is unknown until it answers (the bar below says why)."
                : "The feed has recorded no readiness yet.";
    }

    /** Takes the newest snapshot; rebuilds the grid only when the readiness-relevant part of the state changed. */
    public void update(ConsoleSnapshot s) {
        snapshot = s;
        current.set(s.isCurrent() || s.isBundle());
        PlatformState next = s.state();
        boolean feedChanged = openSeen(s);
        boolean relevant = feedChanged || next.readiness() != state.readiness() || next.captures() != state.captures()
                || next.anomalies() != state.anomalies();
        state = next;
        if (!relevant) return;
        grid = ReadinessGrid.build(next);
        if (seen != null) {
            for (ReadinessGrid.Row row : grid.rows()) {
                for (GridCell c : row.cells()) if (c != null) seen.baseline(c.key(), c.captureId());
            }
            seen.save();
        }
        if (!grid.columns().equals(columns.get())) columns.set(grid.columns());
        List<ReadinessSummary> sums = new ArrayList<>();
        for (ReadinessGrid.Column c : grid.columns()) if (!c.derived()) sums.add(ReadinessSummary.of(next, c.dataset(), c.tier()));
        if (!summaries.equals(sums)) summaries.setAll(sums);
        List<LatestSafe> latest = sums.stream().map(m -> LatestSafe.of(grid, m.tier())).toList();
        if (!latestSafe.equals(latest)) latestSafe.setAll(latest);
        applyFilters();
        GridCell sel = selected.get();
        if (sel != null) selected.set(find(sel.key().dataset(), sel.key().tier(), sel.key().weekEnding()));
    }

    /**
     * Opens what this user has seen of the feed the welcome names. True when that changed (first
     * welcome, or another feed behind the same address): the marks must be drawn again.
     */
    private boolean openSeen(ConsoleSnapshot s) {
        Message.Welcome w = s.welcome();
        if (w == null) return false;
        // Earlier versions, and feeds older than feed_id, keep the file named after the address.
        Path byAddress = dataDir.resolve("seen-captures-" + feedKey + ".properties");
        Path file = w.feedId() == null ? byAddress : SeenCaptures.fileFor(dataDir, w.feedId(), s.isBundle());
        if (file.equals(seenFile)) return false;
        seenFile = file;
        seen = new SeenCaptures(file, s.isBundle() ? null : byAddress);
        seenRevision.set(seenRevision.get() + 1);
        return true;
    }

    private void applyFilters() {
        List<ReadinessGrid.Row> out = new ArrayList<>();
        int unsafe = 0;
        for (ReadinessGrid.Row row : grid.rows()) {
            if (from.get() != null && row.week().isBefore(from.get())) continue;
            if (to.get() != null && row.week().isAfter(to.get())) continue;
            if (!ANY.equals(statusFilter.get()) && visibleCells(row).stream().noneMatch(c -> c != null
                    && c.badge().equals(statusFilter.get()))) {
                continue;
            }
            if (safeOnly.get() && !visibleCells(row).stream().allMatch(c -> c != null && c.safeToUse())) {
                unsafe++;
                continue;
            }
            out.add(row);
        }
        hiddenUnsafe.set(unsafe);
        if (!rows.equals(out)) rows.setAll(out);
    }

    /** The row's cells in the columns the tier filter shows. */
    List<GridCell> visibleCells(ReadinessGrid.Row row) {
        List<GridCell> out = new ArrayList<>();
        for (int i = 0; i < grid.columns().size(); i++) if (shows(grid.columns().get(i))) out.add(row.cells().get(i));
        return out;
    }

    public boolean shows(ReadinessGrid.Column c) {
        return tierFilter.get() == null || tierFilter.get().equals("All tiers") || c.tier().equals(tierFilter.get());
    }

    public GridCell find(String dataset, String tier, LocalDate week) {
        for (ReadinessGrid.Row row : grid.rows()) {
            if (!row.week().equals(week)) continue;
            for (GridCell c : row.cells()) if (c != null && c.key().dataset().equals(dataset) && c.key().tier().equals(tier)) return c;
        }
        return null;
    }

    /** The user opened this cell: show it, and from now on its capture counts as seen. */
    public void select(GridCell cell) {
        selected.set(cell);
        feedback.set("");
        if (cell != null && seen != null) seen.viewed(cell.key(), cell.captureId());
    }

    public boolean changed(GridCell cell) {
        return cell != null && seen != null && seen.changed(cell.key(), cell.captureId());
    }

    public List<CertificationChecks.Check> checks(GridCell cell) {
        return CertificationChecks.of(state, cell);
    }

    public PlatformState state() {
        return state;
    }

    /** Why this user may not certify or block, or null when they may. */
    public String actionBlockedReason() {
        if (snapshot == null || snapshot.welcome() == null) return "Not connected to a feed.";
        if (snapshot.isBundle()) return "This is an audit bundle under offline review: read-only.";
        if (snapshot.welcome().role() != Role.OPERATOR) {
            return "Certify and block are for operators; you are connected as " + snapshot.welcome().role().wire() + ".";
        }
        if (!snapshot.connection().isLive()) return "The feed is not live.";
        return null;
    }

    public void certify(GridCell cell, String reason) {
        command(new Command.Certify(cell.key().dataset(), cell.key().tier(), cell.key().weekEnding(), reason), "Certification of " + cell.key());
    }

    public void block(GridCell cell, String reason) {
        command(new Command.Block(cell.key().dataset(), cell.key().tier(), cell.key().weekEnding(), reason), "Block of " + cell.key());
    }

    private void command(Command c, String what) {
        feedback.set(what + " sent…");
        feed.command(c).whenComplete((r, e) -> fx.execute(() -> feedback.set(e != null
                ? what + " was not sent: " + e.getMessage()
                : r.ok() ? what + " accepted." : what + " refused by the feed (" + r.error().code() + "): " + r.error().message())));
    }

    /** The quant's grid on {@code runtime}'s feed. */
    public static ReadinessViewModel of(ConsoleRuntime runtime) {
        return new ReadinessViewModel(runtime, runtime.publisher()::deliver, runtime.dataDir(), runtime.feedKey());
    }

    /** Asks the feed what changed between two captures; {@code answer} gets the response or the error on the FX thread. */
    public void captureDiff(String olderCaptureId, String newerCaptureId, BiConsumer<Message.Response, Throwable> answer) {
        feed.request(new Message.Request(feed.nextId("diff-"), "capture_diff", null, null, null, null, null, olderCaptureId, newerCaptureId, null),
                fx, answer);
    }

    /** Asks the feed which of {@code symbols} each tier's universe holds. */
    public void symbolCoverage(List<String> symbols, BiConsumer<Message.Response, Throwable> answer) {
        feed.request(new Message.Request(feed.nextId("coverage-"), "symbol_coverage", null, null, null, null, null, null, null, symbols), fx, answer);
    }


    public ObservableList<ReadinessGrid.Row> rows() { return rowsView; }
    public ReadOnlyObjectProperty<List<ReadinessGrid.Column>> columnsProperty() { return columns.getReadOnlyProperty(); }
    public ObservableList<ReadinessSummary> summaries() { return summariesView; }
    /** Per tier, as {@link #summaries()}: the latest week safe to use and the newer ones that are not. */
    public ObservableList<LatestSafe> latestSafe() { return latestSafeView; }
    /** Weeks the other filters keep that "only weeks safe to use" hides (0 while it is off). */
    public ReadOnlyIntegerProperty hiddenUnsafeProperty() { return hiddenUnsafe.getReadOnlyProperty(); }
    public ObjectProperty<String> tierFilterProperty() { return tierFilter; }
    public ObjectProperty<String> statusFilterProperty() { return statusFilter; }
    public BooleanProperty safeOnlyProperty() { return safeOnly; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public ReadOnlyObjectProperty<GridCell> selectedProperty() { return selected.getReadOnlyProperty(); }
    public ReadOnlyStringProperty feedbackProperty() { return feedback.getReadOnlyProperty(); }
    /** Goes up when the record of what was seen is another one (the feed said who it is): redraw the marks. */
    public ReadOnlyIntegerProperty seenRevisionProperty() { return seenRevision.getReadOnlyProperty(); }

    static final List<String> STATUSES = List.of(ANY, ReadinessStatus.CERTIFIED.name(), ReadinessStatus.PRELIMINARY.name(),
            ReadinessStatus.BLOCKED.name(), "NOT AVAILABLE");
}
