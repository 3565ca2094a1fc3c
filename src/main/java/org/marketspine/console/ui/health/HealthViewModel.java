package org.marketspine.console.ui.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marketspine.console.model.Anomaly;
import org.marketspine.console.model.BackfillPlan;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.ExecutionStatus;
import org.marketspine.console.model.FailureItem;
import org.marketspine.console.model.FailureTriage;
import org.marketspine.console.model.Freshness;
import org.marketspine.console.model.HealthLevel;
import org.marketspine.console.model.HealthReport;
import org.marketspine.console.model.HealthRules;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.Recurrence;
import org.marketspine.console.model.RetryAdvice;
import org.marketspine.console.model.RunsList;
import org.marketspine.console.model.ScheduleOutlook;
import org.marketspine.console.model.TierFreshness;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.Severity;
import org.marketspine.console.ui.AcknowledgedFailures;
import org.marketspine.console.ui.CommandSender;
import org.marketspine.console.ui.ConsoleRuntime;
import org.marketspine.console.ui.ConsoleSnapshot;

/**
 * The operator's board as properties: everything the view shows, derived from the latest
 * snapshot and the clock by the model's pure functions. Commands go out through its
 * {@link CommandSender} and their results come back on the FX thread ({@link CommandFeedback}).
 */
public final class HealthViewModel {
    static final int FAILURE_LIMIT = 50;

    private final CommandSender feed;
    /** The hop back onto the FX thread for answers that arrive on a feed thread. */
    private final Executor fx;
    private final boolean review;
    private final ReadOnlyObjectWrapper<HealthReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper runningText = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper unresolved = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper openAnomalies = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper staleText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasData = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper runningFigure = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper unresolvedFigure = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper anomaliesFigure = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper noFailuresText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper waitingText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper noScheduleText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper waitingIsProgress = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<Instant> clockNow = new ReadOnlyObjectWrapper<>(Instant.EPOCH);
    private HealthReport computedReport = new HealthReport(HealthLevel.GREEN, "", List.of());
    private final ObservableList<FailureItem> failures = FXCollections.observableArrayList();
    private final BoardTrends trends = new BoardTrends();
    private final KpiLevels levels = new KpiLevels();
    /** Every recent failure, whatever hour is picked: what new criticals are announced from. */
    private List<FailureItem> allFailures = List.of();
    private final ObservableList<Anomaly> criticalAnomalies = FXCollections.observableArrayList();
    private final ObservableList<TierFreshness> freshness = FXCollections.observableArrayList();
    private final ObservableList<ScheduleOutlook.Entry> schedule = FXCollections.observableArrayList();
    private final ObservableList<Execution> runs = FXCollections.observableArrayList();
    private final ObservableList<Execution> runsView = FXCollections.unmodifiableObservableList(runs);
    // Read-only views made once: a listener on a throwaway wrapper is collected with it.
    private final ObservableList<FailureItem> failuresView = FXCollections.unmodifiableObservableList(failures);
    private final ObservableList<Anomaly> criticalView = FXCollections.unmodifiableObservableList(criticalAnomalies);
    private final ObservableList<TierFreshness> freshnessView = FXCollections.unmodifiableObservableList(freshness);
    private final ObservableList<ScheduleOutlook.Entry> scheduleView = FXCollections.unmodifiableObservableList(schedule);
    private final ObjectProperty<String> selectedId = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Execution> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Recurrence> selectedRecurrence = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper retryBlocked = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper advice = new ReadOnlyStringWrapper("");
    private final SelectedImpact impact = new SelectedImpact();
    private final ReadOnlyBooleanWrapper selectedResolved = new ReadOnlyBooleanWrapper();
    /** The success of the same partition after the selected failure, for the state last refreshed (null: none). */
    private Execution resolvedBy;
    private final ExecutionLogs logs;
    private final CommandFeedback feedback;
    private final ReadOnlyIntegerWrapper redraw = new ReadOnlyIntegerWrapper();
    private final AcknowledgedFailures acknowledged;
    /** With no new events, the clock-dependent rules (freshness, 24 h windows) are re-run this often. */
    public static final int FULL_EVERY_SECONDS = 10;
    private ConsoleSnapshot last;
    private Instant fullAt;
    private Instant now = Instant.now();
    /** Of the active runs, those still waiting for a worker. */
    private int queued;

    /**
     * @param feed where commands and requests go
     * @param fx runs an answer on the FX thread (the publisher's deliver; {@code Runnable::run} in a test)
     * @param acknowledged this feed's acknowledged critical failures
     * @param review an audit bundle under offline review: read-only
     */
    public HealthViewModel(CommandSender feed, Executor fx, AcknowledgedFailures acknowledged, boolean review) {
        this.feed = feed;
        this.fx = fx;
        this.acknowledged = acknowledged;
        this.review = review;
        this.logs = new ExecutionLogs(feed, fx);
        this.feedback = new CommandFeedback(feed, fx);
        trends.hourProperty().addListener((o, a, b) -> {
            if (last != null) {
                refreshFailures();
                updateStale(last, now);
            }
        });
        selectedId.addListener((o, a, b) -> {
            logs.clear();
            feedback.shown(b);
            refreshSelection();
        });
    }

    /** Recomputes everything from a snapshot at a given instant (on each publication and each clock tick). */
    public void update(ConsoleSnapshot snapshot, Instant at) {
        boolean sameState = last != null && last.state() == snapshot.state() && fullAt != null
                && Duration.between(fullAt, at).toSeconds() < FULL_EVERY_SECONDS;
        last = snapshot;
        now = at;
        clockNow.set(at);
        if (sameState) {
            // Nothing new from the feed: only what depends on the clock and the connection.
            updateStale(snapshot, at);
            updateRetryBlocked();
            return;
        }
        fullAt = at;
        PlatformState s = snapshot.state();
        hasData.set(s.seq() > 0);
        computedReport = HealthRules.evaluate(s, at);
        int active = s.activeRuns().size();
        queued = (int) s.activeRuns().values().stream().filter(id -> s.execution(id).status() == ExecutionStatus.QUEUED).count();
        running.set(active);
        unresolved.set(HealthRules.unresolvedFailures(s, at).size());
        openAnomalies.set((int) s.openAnomalies().stream().filter(a -> a.severity().compareTo(Severity.MEDIUM) <= 0).count());
        // On data that is not current the trends end where the data does: a lost feed's last day is not a quiet one.
        Instant dataEnds = snapshot.lastHeard() != null ? snapshot.lastHeard() : s.at();
        trends.update(s, snapshot.isCurrent() || snapshot.isBundle() || at.isBefore(dataEnds) ? at : dataEnds);
        refreshFailures();
        setIfChanged(criticalAnomalies, s.openAnomalies().stream().filter(a -> a.severity() == Severity.CRITICAL).toList());
        levels.update(active, unresolved.get(), openAnomalies.get(), !criticalAnomalies.isEmpty());
        setIfChanged(freshness, Freshness.perTier(s, at));
        setIfChanged(schedule, ScheduleOutlook.of(s, at));
        noScheduleText.set(HonestStatus.noSchedule(snapshot));
        if (runsWatched) setIfChanged(runs, RunsList.of(s, RunsList.RECENT));
        updateStale(snapshot, at);
        refreshSelection();
    }

    /**
     * The failure list: recent ones, pinned first. With an hour picked on the trend: the pinned ones
     * still (a critical is never hidden), then that hour's failures (picked before the list's limit).
     * New criticals are announced from the whole list, whatever is picked.
     */
    private void refreshFailures() {
        allFailures = FailureTriage.recent(last.state(), now, acknowledged.ids(), FAILURE_LIMIT);
        if (trends.hourProperty().get() == null) {
            setIfChanged(failures, allFailures);
            return;
        }
        List<FailureItem> shown = new ArrayList<>(allFailures.stream().filter(FailureItem::pinned).toList());
        for (FailureItem f : FailureTriage.recent(last.state(), now, acknowledged.ids(), FAILURE_LIMIT, trends::inHour)) {
            if (!f.pinned()) shown.add(f);
        }
        setIfChanged(failures, shown);
    }

    /** Everything whose wording depends on how current the data is (R6), recomputed on every tick. */
    private void updateStale(ConsoleSnapshot snapshot, Instant at) {
        report.set(HonestStatus.report(computedReport, snapshot, at));
        runningText.set(HonestStatus.running(running.get(), queued, snapshot));
        runningFigure.set(HonestStatus.figure(running.get(), snapshot));
        unresolvedFigure.set(HonestStatus.figure(unresolved.get(), snapshot));
        anomaliesFigure.set(HonestStatus.figure(openAnomalies.get(), snapshot));
        noFailuresText.set(trends.hourProperty().get() != null ? "No failure ended in the hour picked on the trend."
                : HonestStatus.noFailures(snapshot));
        waitingText.set(HonestStatus.waiting(snapshot, at));
        waitingIsProgress.set(HonestStatus.waitingIsProgress(snapshot));
        stale.set(snapshot.isStale());
        staleText.set(HonestStatus.stalePill(snapshot, at));
    }

    private static <T> void setIfChanged(ObservableList<T> list, List<T> next) {
        if (!list.equals(next)) list.setAll(next);
    }

    private void refreshSelection() {
        String id = selectedId.get();
        Execution x = id == null || last == null ? null : last.state().execution(id);
        selected.set(x);
        if (x == null) {
            resolvedBy = null;
            selectedRecurrence.set(null);
            retryBlocked.set(null);
            advice.set("");
            impact.clear();
            return;
        }
        selectedRecurrence.set(x.endedAt() == null || x.error() == null ? null : Recurrence.of(last.state(), x));
        // Looked up once per state: the per-second tick re-checks only what depends on the connection.
        resolvedBy = x.error() == null ? null : RetryAdvice.succeededSince(last.state(), x);
        updateRetryBlocked();
        selectedResolved.set(resolvedBy != null);
        advice.set(RetryAdvice.advice(x, resolvedBy));
        impact.show(last.state(), x, resolvedBy != null);
    }

    /** Whether Retry can be sent now; depends on the connection too, so it is re-checked on every tick. */
    private void updateRetryBlocked() {
        Execution x = selected.get();
        if (x == null || last == null) {
            retryBlocked.set(null);
            return;
        }
        String blocked = RetryAdvice.blockedReason(last.state(), x);
        if (blocked == null && resolvedBy != null) blocked = "No retry needed: " + resolvedBy.executionId() + " succeeded for this partition since.";
        if (blocked == null) {
            blocked = switch (SendGate.of(review, last)) {
                case REVIEW -> "Retry disabled: this is an audit bundle under offline review (read-only).";
                case NOT_LIVE -> "Retry disabled: the feed is not live.";
                case NOT_OPERATOR, OPEN -> null; // a non-operator's retry is refused by the feed, which says so
            };
        }
        retryBlocked.set(blocked);
    }

    /** Sends a retry of the selected execution; the result (or the server's refusal) lands in {@link #feedbackProperty()}. */
    public void retry(String reason) {
        Execution x = selected.get();
        if (x == null || retryBlocked.get() != null) return;
        feedback.send(new Command.Retry(x.executionId(), reason), "Retry of " + x.executionId(), x.executionId());
    }

    /** Forces the next update to recompute everything (e.g. the display zone changed). */
    public void invalidate() {
        fullAt = null;
        for (ObservableList<?> l : List.of(failures, criticalAnomalies, freshness, schedule)) l.clear();
        redraw.set(redraw.get() + 1); // the open detail re-renders its times too
    }

    /** Only while a runs window is open is the list kept up to date: a board nobody reads it on should not pay for it. */
    private boolean runsWatched;

    public void watchRuns(boolean watched) {
        runsWatched = watched;
        if (watched && last != null) setIfChanged(runs, RunsList.of(last.state(), RunsList.RECENT));
    }

    /** Why this user cannot cancel {@code x} now, or null. The server checks the same rules. */
    public String cancelBlocked(Execution x) {
        if (x == null) return "Select a queued or running execution.";
        if (!x.status().isActive()) return x.executionId() + " has already " + x.status().name().toLowerCase() + ".";
        return switch (SendGate.of(review, last)) {
            case REVIEW -> "Cancel disabled: this is an audit bundle under offline review (read-only).";
            case NOT_LIVE -> "Cancel disabled: the feed is not live.";
            case NOT_OPERATOR -> "Only operators can cancel runs (you are " + last.welcome().role().wire() + ").";
            case OPEN -> null;
        };
    }

    public void cancel(Execution x, String reason) {
        if (cancelBlocked(x) != null) return;
        feedback.send(new Command.Cancel(x.executionId(), reason), "Cancel of " + x.executionId(), null);
    }

    private final NewCriticals newCriticals = new NewCriticals();

    /** The pinned critical failures that are new since the last call, to announce once (only while live and loaded). */
    public List<FailureItem> takeNewCriticals() {
        boolean live = last != null && last.connection().isLive() && hasData.get();
        return live ? newCriticals.take(allFailures) : new ArrayList<>();
    }

    /** Marks a critical failure as seen: it stops being pinned (kept across restarts). */
    public void acknowledgeFailure(String executionId) {
        acknowledged.add(executionId);
        if (last != null) {
            fullAt = null;
            update(last, now);
        }
    }

    /** Why this user cannot acknowledge {@code a} now (a few words for the button), or null. The server checks the same rules. */
    public String acknowledgeBlocked(Anomaly a) {
        if (a.isAcknowledged()) return "already acknowledged";
        return switch (SendGate.of(review, last)) {
            case REVIEW -> "read-only review";
            case NOT_LIVE -> "not live";
            case NOT_OPERATOR -> "operators only";
            case OPEN -> null;
        };
    }

    public void acknowledgeAnomaly(Anomaly a, String note) {
        if (acknowledgeBlocked(a) != null) return;
        feedback.send(new Command.Acknowledge(a.anomalyId(), note), "Acknowledgement of " + a.anomalyId(), null);
    }

    /** Sends a backfill the operator has previewed. */
    public void backfill(BackfillPlan plan, String reason) {
        feedback.send(new Command.Backfill(plan.pipeline(), plan.tier(), plan.fromWeek(), plan.toWeek(), reason),
                "Backfill of " + plan.pipeline() + " " + plan.tier() + " " + plan.fromWeek() + " … " + plan.toWeek(), null);
    }

    /** Fetches the selected execution's logs on demand. */
    public void fetchLogs() {
        Execution x = selected.get();
        if (x != null) logs.fetch(x.executionId(), id -> id.equals(selectedId.get()));
    }

    /** The workstation board's view model, on {@code runtime}'s feed. */
    public static HealthViewModel of(ConsoleRuntime runtime) {
        return new HealthViewModel(runtime, runtime.publisher()::deliver, runtime.acknowledgedFailures(), runtime.review() != null);
    }

    /** The wall's: it sends nothing and takes no acknowledgements (every critical failure stays pinned). */
    public static HealthViewModel forWall() {
        return new HealthViewModel(CommandSender.none("the wall board sends no commands"), Runnable::run, AcknowledgedFailures.inMemory(), false);
    }

    /** An audit bundle under offline review: nothing can be sent. */
    public boolean isReview() {
        return review;
    }

    /** Asks the feed to preview {@code plan}; {@code answer} gets the response or the error on the FX thread. */
    public void previewBackfill(BackfillPlan plan, BiConsumer<Message.Response, Throwable> answer) {
        Message.Request request = new Message.Request(feed.nextId("preview-"), "backfill_preview", null,
                plan.pipeline(), plan.tier(), plan.fromWeek(), plan.toWeek(), null, null, null);
        feed.request(request, fx, answer);
    }

    public Instant now() { return now; }
    public ConsoleSnapshot snapshot() { return last; }

    public ReadOnlyObjectProperty<HealthReport> reportProperty() { return report.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyStringProperty runningTextProperty() { return runningText.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty unresolvedProperty() { return unresolved.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty openAnomaliesProperty() { return openAnomalies.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty staleProperty() { return stale.getReadOnlyProperty(); }
    public ReadOnlyStringProperty staleTextProperty() { return staleText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty hasDataProperty() { return hasData.getReadOnlyProperty(); }
    public ReadOnlyStringProperty runningFigureProperty() { return runningFigure.getReadOnlyProperty(); }
    public ReadOnlyStringProperty unresolvedFigureProperty() { return unresolvedFigure.getReadOnlyProperty(); }
    public ReadOnlyStringProperty anomaliesFigureProperty() { return anomaliesFigure.getReadOnlyProperty(); }
    public ReadOnlyStringProperty noFailuresTextProperty() { return noFailuresText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty waitingTextProperty() { return waitingText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty waitingIsProgressProperty() { return waitingIsProgress.getReadOnlyProperty(); }
    /** What the schedule card says when it has no row (waiting for the feed, or none declared). */
    public ReadOnlyStringProperty noScheduleTextProperty() { return noScheduleText.getReadOnlyProperty(); }
    /** The board's clock, ticking once a second: relative times re-render from it so they never disagree. */
    public ReadOnlyObjectProperty<Instant> clockProperty() { return clockNow.getReadOnlyProperty(); }
    public ObservableList<FailureItem> failures() { return failuresView; }
    public BoardTrends trends() { return trends; }
    public KpiLevels levels() { return levels; }
    public ObservableList<Anomaly> criticalAnomalies() { return criticalView; }
    public ObservableList<TierFreshness> freshness() { return freshnessView; }
    public ObservableList<ScheduleOutlook.Entry> schedule() { return scheduleView; }
    /** Running and queued runs, then recent history (kept current while {@link #watchRuns} is on). */
    public ObservableList<Execution> runs() { return runsView; }
    public ObjectProperty<String> selectedIdProperty() { return selectedId; }
    public ReadOnlyObjectProperty<Execution> selectedProperty() { return selected.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Recurrence> selectedRecurrenceProperty() { return selectedRecurrence.getReadOnlyProperty(); }
    public ReadOnlyStringProperty retryBlockedProperty() { return retryBlocked.getReadOnlyProperty(); }
    public ReadOnlyStringProperty adviceProperty() { return advice.getReadOnlyProperty(); }
    /** What the selected failure holds up downstream. */
    public SelectedImpact impact() { return impact; }
    /** The selected failure has been followed by a success of the same partition: nothing left to do. */
    public ReadOnlyBooleanProperty selectedResolvedProperty() { return selectedResolved.getReadOnlyProperty(); }
    public ReadOnlyStringProperty logsProperty() { return logs.textProperty(); }
    public ReadOnlyStringProperty feedbackProperty() { return feedback.detailProperty(); }
    public ReadOnlyBooleanProperty feedbackOkProperty() { return feedback.detailOkProperty(); }
    public ReadOnlyStringProperty boardFeedbackProperty() { return feedback.boardProperty(); }
    public ReadOnlyBooleanProperty boardFeedbackOkProperty() { return feedback.boardOkProperty(); }
    /** Bumped when everything must re-render (the display zone changed). */
    public ReadOnlyIntegerProperty redrawProperty() { return redraw.getReadOnlyProperty(); }
}
