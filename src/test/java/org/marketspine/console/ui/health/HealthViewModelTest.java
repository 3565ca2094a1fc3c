package org.marketspine.console.ui.health;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketspine.console.feed.client.ConnectionState.Phase;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.model.BackfillPlan;
import org.marketspine.console.model.HealthLevel;
import org.marketspine.console.model.HealthReport;
import org.marketspine.console.model.HealthRules;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.StateFold;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.Severity;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.protocol.Trigger;
import org.marketspine.console.testing.FakeFeed;
import org.marketspine.console.ui.AcknowledgedFailures;
import org.marketspine.console.ui.ConsoleSnapshot;

/** The board's view model without a feed or a screen: snapshots in, properties out, on a clock the test sets. */
class HealthViewModelTest {
    static final Instant T0 = Instant.parse("2026-11-30T13:00:00Z");
    static final String INGEST = "finra.otc_transparency.ingest_week";

    private static PlatformState withFailure() {
        PlatformState s = PlatformState.EMPTY;
        var p = BackfillPlan.params(LocalDate.of(2026, 11, 13), "OTC");
        s = StateFold.apply(s, Event.of(1, T0, new EventData.ExecutionQueued("ex-1", INGEST, p, Trigger.SCHEDULED, "system:scheduler", null)));
        s = StateFold.apply(s, Event.of(2, T0, new EventData.ExecutionFailed("ex-1", 100,
                new EventData.ErrorDetail("HTTPError", "HTTP 503", Classification.TRANSIENT))));
        return s;
    }

    private static ConsoleSnapshot snapshot(PlatformState s, Phase phase, SourceState source) {
        return new ConsoleSnapshot(s, new ConnectionState(phase, 1, null, phase == Phase.LIVE ? null : T0, s.seq(), s.seq(), "test"),
                null, false, T0, null, source == null ? null : new Message.SourceStatus(source, T0, "", null));
    }

    static HealthViewModel vm(FakeFeed feed) {
        return new HealthViewModel(feed, Runnable::run, AcknowledgedFailures.inMemory(), false);
    }

    @Test
    void aRetrySendsTheTypedCommandAndTheFeedsRefusalLandsInTheDetailByItsCode() {
        FakeFeed feed = new FakeFeed();
        HealthViewModel vm = vm(feed);
        vm.update(snapshot(withFailure(), Phase.LIVE, SourceState.CURRENT), T0.plusSeconds(1));
        vm.selectedIdProperty().set("ex-1");
        vm.retry("transient 503");
        assertEquals(List.of(new Command.Retry("ex-1", "transient 503")), feed.sent);
        assertEquals("Retry of ex-1 sent…", vm.feedbackProperty().get());
        feed.answers.getFirst().complete(new Message.CommandResult("retry-0", false,
                new Message.ErrorInfo("already_running", "ingest for OTC week 2026-11-13 is already queued as ex-2"), null));
        assertEquals("Retry of ex-1 refused by the feed (already_running): ingest for OTC week 2026-11-13 is already queued as ex-2",
                vm.feedbackProperty().get());
        assertFalse(vm.feedbackOkProperty().get());
    }

    /** Issue 12: a board from the cache, its feed not reached since start, said "last heard never" of a feed it had heard before. */
    @Test
    void aCachedBoardNeverSaysTheFeedWasNeverHeard() {
        HealthViewModel vm = vm(new FakeFeed());
        PlatformState s = withFailure();
        vm.update(new ConsoleSnapshot(s, new ConnectionState(Phase.LOST, 3, T0, null, s.seq(), s.seq(), "connection refused"),
                null, true, null, null, null), T0.plusSeconds(30));
        assertEquals("STALE — not live; the copy cached before this start", vm.staleTextProperty().get());
        vm.update(new ConsoleSnapshot(PlatformState.EMPTY, new ConnectionState(Phase.LOST, 3, T0, null, 0, 0, "connection refused"),
                null, false, null, null, null), T0.plusSeconds(31));
        assertEquals("NO DATA — the feed has not answered yet", vm.staleTextProperty().get());
    }

    @Test
    void aRetryIsNotSentWhileTheFeedIsNotLive() {
        FakeFeed feed = new FakeFeed();
        HealthViewModel vm = vm(feed);
        vm.update(snapshot(withFailure(), Phase.RECONNECTING, SourceState.CURRENT), T0.plusSeconds(1));
        vm.selectedIdProperty().set("ex-1");
        vm.retry("now");
        assertTrue(feed.sent.isEmpty(), "nothing sent to a feed that is not live");
    }

    private static PlatformState withSystemicFailure(PlatformState s, String id) {
        var p = BackfillPlan.params(LocalDate.of(2026, 11, 13), "OTC");
        s = StateFold.apply(s, Event.of(s.seq() + 1, T0, new EventData.ExecutionQueued(id, INGEST, p, Trigger.SCHEDULED, "system:scheduler", null)));
        return StateFold.apply(s, Event.of(s.seq() + 1, T0, new EventData.ExecutionFailed(id, 100,
                new EventData.ErrorDetail("SchemaError", "column missing", Classification.SYSTEMIC))));
    }

    /** Issue 18: an hour picked on the trend narrows the list, never hides a pinned critical, and says when it empties the list. */
    @Test
    void anHourPickedOnTheTrendKeepsPinnedCriticalsAndSaysWhenNothingEndedThen() {
        HealthViewModel vm = vm(new FakeFeed());
        PlatformState s = withSystemicFailure(withFailure(), "ex-critical"); // ex-1 (transient) and ex-critical, both at T0
        vm.update(snapshot(s, Phase.LIVE, SourceState.CURRENT), T0.plusSeconds(1));
        assertEquals(List.of("ex-critical", "ex-1"), vm.failures().stream().map(f -> f.execution().executionId()).toList());

        vm.trends().hourProperty().set(T0.minus(Duration.ofHours(5)));
        assertEquals(List.of("ex-critical"), vm.failures().stream().map(f -> f.execution().executionId()).toList(),
                "the pinned critical stays; the transient failure of another hour goes");
        vm.trends().hourProperty().set(T0.truncatedTo(ChronoUnit.HOURS));
        assertEquals(List.of("ex-critical", "ex-1"), vm.failures().stream().map(f -> f.execution().executionId()).toList());

        HealthViewModel quiet = vm(new FakeFeed());
        quiet.update(snapshot(withFailure(), Phase.LIVE, SourceState.CURRENT), T0.plusSeconds(1));
        quiet.trends().hourProperty().set(T0.minus(Duration.ofHours(5)));
        assertTrue(quiet.failures().isEmpty());
        assertEquals("No failure ended in the hour picked on the trend.", quiet.noFailuresTextProperty().get(),
                "not 'no failures in the last 7 days': there are some, in other hours");
        quiet.trends().hourProperty().set(null);
        assertEquals(1, quiet.failures().size());
    }

    /** Issue 18: changing the display zone (the lists are cleared and refilled) announced every pinned critical again. */
    @Test
    void aCriticalIsAnnouncedOnceEvenWhenTheBoardIsRedrawnForAnotherZone() {
        HealthViewModel vm = vm(new FakeFeed());
        PlatformState s = withSystemicFailure(PlatformState.EMPTY, "ex-1");
        vm.update(snapshot(s, Phase.LIVE, SourceState.CURRENT), T0.plusSeconds(1));
        assertTrue(vm.takeNewCriticals().isEmpty(), "what was there at the first live load is not news");
        vm.invalidate(); // the display zone changed
        vm.update(snapshot(s, Phase.LIVE, SourceState.CURRENT), T0.plusSeconds(2));
        assertTrue(vm.takeNewCriticals().isEmpty(), "redrawn, not new");
        PlatformState later = withSystemicFailure(s, "ex-2");
        vm.update(snapshot(later, Phase.LIVE, SourceState.CURRENT), T0.plusSeconds(3));
        assertEquals(List.of("ex-2"), vm.takeNewCriticals().stream().map(f -> f.execution().executionId()).toList());
        assertTrue(vm.takeNewCriticals().isEmpty(), "announced once");
    }

    /** Issue 16 review: in an audit bundle under review (or a board that is not live) Acknowledge… looked enabled. */
    @Test
    void acknowledgingAnAnomalyIsBlockedInAReviewAndWhenNotLiveAndSentOtherwise() {
        PlatformState s = StateFold.apply(PlatformState.EMPTY, Event.of(1, T0, new EventData.AnomalyDetected("an-1",
                org.marketspine.console.protocol.Severity.CRITICAL, "row_count", "finra.otc_transparency.normalized", "OTC",
                java.time.LocalDate.of(2026, 11, 13), "cap-1", "row count fell 92%", List.of())));
        var anomaly = s.anomalies().get("an-1");
        FakeFeed reviewFeed = new FakeFeed();
        HealthViewModel review = new HealthViewModel(reviewFeed, Runnable::run, AcknowledgedFailures.inMemory(), true);
        review.update(snapshot(s, Phase.LIVE, SourceState.CURRENT), T0.plusSeconds(1));
        assertEquals("read-only review", review.acknowledgeBlocked(anomaly));
        review.acknowledgeAnomaly(anomaly, "seen");
        assertTrue(reviewFeed.sent.isEmpty());

        FakeFeed feed = new FakeFeed();
        HealthViewModel vm = vm(feed);
        vm.update(snapshot(s, Phase.RECONNECTING, SourceState.CURRENT), T0.plusSeconds(1));
        assertEquals("not live", vm.acknowledgeBlocked(anomaly));
        vm.update(snapshot(s, Phase.LIVE, SourceState.CURRENT), T0.plusSeconds(2));
        assertNull(vm.acknowledgeBlocked(anomaly));
        vm.acknowledgeAnomaly(anomaly, "looking into it");
        assertEquals(List.of(new Command.Acknowledge("an-1", "looking into it")), feed.sent);
    }

    /** One rule for the workstation's KPI cards and the wall's tiles: an open critical anomaly makes its count red, even at "1". */
    @Test
    void theFiguresLevelsComeFromTheCountsAndAnOpenCriticalMakesTheAnomaliesRed() {
        HealthViewModel vm = vm(new FakeFeed());
        KpiLevels levels = vm.levels();
        PlatformState s = withFailure();
        vm.update(snapshot(s, Phase.LIVE, SourceState.CURRENT), T0.plusSeconds(1));
        assertNull(levels.runningProperty().get(), "nothing runs: no colour");
        assertEquals(HealthLevel.YELLOW, levels.failuresProperty().get(), "one unresolved failure");
        assertEquals(HealthLevel.GREEN, levels.anomaliesProperty().get());

        s = StateFold.apply(s, Event.of(3, T0, new EventData.AnomalyDetected("an-1", Severity.MEDIUM, "row_count",
                "finra.otc_transparency.normalized", "OTC", LocalDate.of(2026, 11, 13), "cap-1", "rows fell 12%", List.of())));
        vm.update(snapshot(s, Phase.LIVE, SourceState.CURRENT), T0.plusSeconds(2));
        assertEquals(HealthLevel.YELLOW, levels.anomaliesProperty().get(), "a medium one: to review");

        s = StateFold.apply(s, Event.of(4, T0, new EventData.AnomalyDetected("an-2", Severity.CRITICAL, "row_count",
                "finra.otc_transparency.normalized", "NMS_TIER_1", LocalDate.of(2026, 11, 13), "cap-2", "rows fell 92%", List.of())));
        long seq = 5;
        for (LocalDate week : List.of(LocalDate.of(2026, 11, 6), LocalDate.of(2026, 10, 30))) {
            String id = "ex-" + week;
            s = StateFold.apply(s, Event.of(seq++, T0, new EventData.ExecutionQueued(id, INGEST, BackfillPlan.params(week, "OTC"),
                    Trigger.SCHEDULED, "system:scheduler", null)));
            s = StateFold.apply(s, Event.of(seq++, T0, new EventData.ExecutionFailed(id, 100,
                    new EventData.ErrorDetail("HTTPError", "HTTP 503", Classification.TRANSIENT))));
        }
        vm.update(snapshot(s, Phase.LIVE, SourceState.CURRENT), T0.plusSeconds(3));
        assertEquals(2, vm.openAnomaliesProperty().get());
        assertEquals(HealthLevel.RED, levels.anomaliesProperty().get(), "a critical one is open: red at a count of two");
        assertEquals(3, vm.unresolvedProperty().get());
        assertEquals(HealthLevel.RED, levels.failuresProperty().get(), "three unresolved failures");
    }

    /** Persona review: "2 running — deploy with care" was one run and one queued item waiting for a worker. */
    @Test
    void theActiveRunsSayHowManyRunAndHowManyWait() {
        HealthViewModel vm = vm(new FakeFeed());
        var otc = BackfillPlan.params(LocalDate.of(2026, 11, 13), "OTC");
        var t1 = BackfillPlan.params(LocalDate.of(2026, 11, 20), "NMS_TIER_1");
        PlatformState s = StateFold.apply(PlatformState.EMPTY, Event.of(1, T0,
                new EventData.ExecutionQueued("ex-q", INGEST, otc, Trigger.SCHEDULED, "system:scheduler", null)));
        vm.update(snapshot(s, Phase.LIVE, SourceState.CURRENT), T0.plusSeconds(1));
        assertEquals("1 queued — deploy with care", vm.runningTextProperty().get());
        s = StateFold.apply(s, Event.of(2, T0, new EventData.ExecutionQueued("ex-r", INGEST, t1, Trigger.SCHEDULED, "system:scheduler", null)));
        s = StateFold.apply(s, Event.of(3, T0, new EventData.ExecutionStarted("ex-r", INGEST, t1, Trigger.SCHEDULED, "system:scheduler", null, 1)));
        vm.update(snapshot(s, Phase.LIVE, SourceState.CURRENT), T0.plusSeconds(2));
        assertEquals(2, vm.runningProperty().get(), "the figure counts both: either holds its partition");
        assertEquals("1 running, 1 queued — deploy with care", vm.runningTextProperty().get());
    }

    @Test
    void retryIsEnabledOnTheFirstTickAfterTheFeedIsLiveAgainEvenWithNoNewEvents() {
        HealthViewModel vm = vm(new FakeFeed());
        PlatformState s = withFailure();
        vm.update(snapshot(s, Phase.RECONNECTING, SourceState.CURRENT), T0.plusSeconds(1));
        vm.selectedIdProperty().set("ex-1");
        assertEquals("Retry disabled: the feed is not live.", vm.retryBlockedProperty().get());
        vm.update(snapshot(s, Phase.LIVE, SourceState.CURRENT), T0.plusSeconds(2)); // same state: the quick path
        assertNull(vm.retryBlockedProperty().get(), "enabled on the next tick, not 10 s later");
    }

    @Test
    void withoutCurrentDataNothingClaimsSafetyAndNoStatusIsGreen() {
        HealthViewModel vm = vm(new FakeFeed());
        vm.update(snapshot(PlatformState.EMPTY, Phase.RECONNECTING, null), T0);
        assertEquals("—", vm.runningFigureProperty().get());
        assertFalse(vm.runningTextProperty().get().contains("safe"), vm.runningTextProperty().get());
        assertNotEquals(HealthLevel.GREEN, vm.reportProperty().get().level());
        assertTrue(vm.noFailuresTextProperty().get().startsWith("No data from the feed yet"));

        // Live, but the feed says its source is still loading: not current, so no green and no "safe to deploy".
        PlatformState quiet = StateFold.apply(PlatformState.EMPTY, Event.of(1, T0, new EventData.AnomalyAcknowledged("a", "b", "c")));
        vm.update(snapshot(quiet, Phase.LIVE, SourceState.LOADING), T0.plusSeconds(1));
        assertNotEquals(HealthLevel.GREEN, vm.reportProperty().get().level());
        assertTrue(vm.reportProperty().get().reason().startsWith("Not current"), vm.reportProperty().get().reason());
        assertFalse(vm.runningTextProperty().get().contains("safe to deploy"));

        vm.update(snapshot(quiet, Phase.LIVE, SourceState.CURRENT), T0.plusSeconds(2));
        assertEquals(HealthRules.evaluate(quiet, T0.plusSeconds(2)), vm.reportProperty().get(),
                "on current data the rules speak for themselves");
        assertEquals("nothing running — safe to deploy", vm.runningTextProperty().get());
    }

    /** Review finding: a healthy board whose feed drops has a yellow report with no findings; the wall must still say why. */
    @Test
    void theWallSaysWhyWhenAHealthyBoardLosesItsFeed() {
        HealthViewModel vm = vm(new FakeFeed());
        var green = new HealthReport(HealthLevel.GREEN, "All systems healthy", List.of());
        PlatformState s = withFailure();
        var honest = HonestStatus.report(green, snapshot(s, Phase.RECONNECTING, SourceState.CURRENT), T0);
        assertEquals(HealthLevel.YELLOW, honest.level());
        assertTrue(honest.findings().isEmpty());
        String text = WallBoard.reasonText(honest, false);
        assertTrue(text.startsWith("Not current: healthy when last heard"), text);
    }

    /** Issue 16: live and current, but the feed's history disagrees with what it signed — no green, and the words say why. */
    @Test
    void anIntegrityErrorTurnsAHealthyBoardIntoNotTrusted() {
        PlatformState quiet = StateFold.apply(PlatformState.EMPTY, Event.of(1, T0, new EventData.AnomalyAcknowledged("a", "b", "c")));
        ConsoleSnapshot ok = snapshot(quiet, Phase.LIVE, SourceState.CURRENT);
        ConsoleSnapshot bad = new ConsoleSnapshot(ok.state(), ok.connection(), ok.welcome(), false, T0, null, ok.source(),
                "the checkpoint at seq 1 is not signed by the feed's key", null);
        HealthViewModel vm = vm(new FakeFeed());
        vm.update(bad, T0.plusSeconds(1));
        assertNotEquals(HealthLevel.GREEN, vm.reportProperty().get().level());
        assertTrue(vm.reportProperty().get().reason().startsWith("NOT TRUSTED"), vm.reportProperty().get().reason());
        assertTrue(vm.staleTextProperty().get().startsWith("NOT TRUSTED"), vm.staleTextProperty().get());
        assertFalse(vm.runningTextProperty().get().contains("safe to deploy"), vm.runningTextProperty().get());
        var green = new HealthReport(HealthLevel.GREEN, "All systems healthy", List.of());
        var honest = HonestStatus.report(green, bad, T0);
        assertEquals(HealthLevel.YELLOW, honest.level(), "a healthy board on an untrusted history is a warning");
        assertTrue(honest.reason().startsWith("NOT TRUSTED"), honest.reason());
    }
}
