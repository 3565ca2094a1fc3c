package org.marketspine.console.ui.lineage;

import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.EventHistory;
import org.marketspine.console.model.StateDiff;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.ui.CommandSender;

/**
 * Compliance's comparison of two instants: what changed from one to the other, and — as the feed
 * answers {@code capture_diff} — the row and symbol deltas of each revision in between.
 */
public final class LineageCompare {
    private final Supplier<EventHistory> history;
    private final CommandSender feed;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<CompareText.Result> result = new ReadOnlyObjectWrapper<>(CompareText.Result.NONE);
    private final ObservableList<String> deltas = FXCollections.observableArrayList();

    LineageCompare(Supplier<EventHistory> history, CommandSender feed, Executor fx) {
        this.history = history;
        this.feed = feed;
        this.fx = fx;
    }

    /** What changed from instant {@code a} to instant {@code b}; row and symbol deltas arrive from the feed. */
    public StateDiff compare(Instant a, Instant b) {
        EventHistory h = history.get();
        StateDiff d = StateDiff.between(h.stateAt(a), h.stateAt(b));
        deltas.clear();
        result.set(CompareText.of(d, a, b));
        for (Capture c : d.capturesSuperseded()) {
            Capture newer = h.head().capture(c.supersededBy()); // the revision as the latest state knows it
            if (newer != null) compareCaptures(c.captureId(), newer.captureId());
        }
        return d;
    }

    /** Row and symbol deltas between two captures, as the feed computes them (capture_diff). */
    public void compareCaptures(String from, String to) {
        Message.Request r = new Message.Request(feed.nextId("diff-"), "capture_diff", null, null, null, null, null, from, to, null);
        feed.request(r, fx, (resp, e) -> deltas.add(
                e != null ? "capture_diff " + from + " → " + to + " failed: " + e.getMessage()
                        : !resp.ok() ? "capture_diff " + from + " → " + to + " refused: " + resp.error().message()
                        : CompareText.diff(resp.data())));
    }

    /** Before comparing two captures on their own: nothing of an earlier comparison stays. */
    void clear() {
        result.set(CompareText.Result.NONE);
        deltas.clear();
    }

    ReadOnlyObjectProperty<CompareText.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Row and symbol deltas of revisions, as the feed's answers arrive. */
    public ObservableList<String> deltas() {
        return deltas;
    }
}
