package org.marketspine.console.feed.alerts;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.StateFold;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Severity;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.protocol.Trigger;

/** When the feed alerts: on a turn, once; never on a state that merely persists. */
class AlertRulesTest {
    static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    static final LocalDate WEEK = LocalDate.parse("2026-11-27");

    static PlatformState critical(PlatformState s, String anomalyId) {
        return StateFold.apply(s, Event.of(s.seq() + 1, T0, new EventData.AnomalyDetected(anomalyId, Severity.CRITICAL, "row_count",
                "finra.otc_transparency.normalized", "OTC", WEEK, "cap-1", "row count fell 92%", List.of())));
    }

    static PlatformState resolved(PlatformState s, String anomalyId) {
        return StateFold.apply(s, Event.of(s.seq() + 1, T0, new EventData.AnomalyResolved(anomalyId, "j.ortiz", "vendor re-sent")));
    }

    static PlatformState systemicFailure(PlatformState s, String id) {
        var params = Map.<String, Object>of("week_ending", WEEK.toString(), "tier", "OTC");
        s = StateFold.apply(s, Event.of(s.seq() + 1, T0, new EventData.ExecutionQueued(id, "finra.otc_transparency.normalize_week", params,
                Trigger.SCHEDULED, "system:scheduler", null)));
        return StateFold.apply(s, Event.of(s.seq() + 1, T0, new EventData.ExecutionFailed(id, 100,
                new EventData.ErrorDetail("SchemaError", "column 'volume' missing", Classification.SYSTEMIC))));
    }

    static AlertView view(PlatformState s, SourceState source) {
        return AlertView.of(s, source, source == SourceState.FAILING ? "database unreachable" : "", T0.plusSeconds(60));
    }

    static List<Alert> between(AlertView a, AlertView b) {
        return AlertRules.between(a, b, "Market Spine prod", "feed-1", T0.plusSeconds(60));
    }

    @Test
    void turningRedAlertsOnceAndStayingRedDoesNot() {
        AlertView green = view(PlatformState.EMPTY, SourceState.CURRENT);
        AlertView red = view(critical(PlatformState.EMPTY, "an-1"), SourceState.CURRENT);
        List<Alert> turned = between(green, red);
        assertEquals(List.of(Alert.Kind.HEALTH_RED), turned.stream().map(Alert::kind).toList());
        assertTrue(turned.getFirst().text().contains("Market Spine prod is RED"), turned.getFirst().text());
        assertTrue(turned.getFirst().text().contains("row count fell 92%"), "the reason, as the board says it");
        assertEquals("feed-1", turned.getFirst().fields().get("feed_id"));
        assertTrue(between(red, red).isEmpty());
        assertTrue(between(red, view(resolved(critical(PlatformState.EMPTY, "an-1"), "an-1"), SourceState.CURRENT)).isEmpty(), "green again: no alert");
    }

    @Test
    void aNewCriticalFailureAlertsWithWhatFailedAndWhere() {
        PlatformState before = PlatformState.EMPTY;
        PlatformState after = systemicFailure(before, "ex-9");
        List<Alert> alerts = between(view(before, SourceState.CURRENT), view(after, SourceState.CURRENT));
        Alert failure = alerts.stream().filter(a -> a.kind() == Alert.Kind.CRITICAL_FAILURE).findFirst().orElseThrow();
        assertTrue(failure.key().startsWith("critical_failure:finra.otc_transparency.normalize_week|SchemaError@"), failure.key());
        assertEquals("ex-9", failure.fields().get("execution_id"));
        assertEquals("OTC week 2026-11-27", failure.fields().get("partition"));
        assertEquals("systemic", failure.fields().get("classification"));
        assertTrue(failure.text().contains("SchemaError: column 'volume' missing"), failure.text());
        assertTrue(between(view(after, SourceState.CURRENT), view(after, SourceState.CURRENT)).isEmpty(), "the same failure is not new");
        // The same pipeline failing again with the same error (here or on another partition) is the same problem: no second alert.
        PlatformState spread = systemicFailure(after, "ex-10");
        assertTrue(between(view(after, SourceState.CURRENT), view(spread, SourceState.CURRENT)).stream()
                .noneMatch(a -> a.kind() == Alert.Kind.CRITICAL_FAILURE), "one alert per pipeline and error, not per partition");
    }

    @Test
    void theSourceLeavingCurrentAlertsButNeverBeingCurrentDoesNot() {
        List<Alert> left = between(view(PlatformState.EMPTY, SourceState.CURRENT), view(PlatformState.EMPTY, SourceState.FAILING));
        assertEquals(List.of(Alert.Kind.SOURCE_NOT_CURRENT), left.stream().map(Alert::kind).toList());
        assertTrue(left.getFirst().text().contains("database unreachable"), left.getFirst().text());
        assertTrue(between(view(PlatformState.EMPTY, SourceState.LOADING), view(PlatformState.EMPTY, SourceState.FAILING)).isEmpty());
        assertTrue(between(view(PlatformState.EMPTY, SourceState.FAILING), view(PlatformState.EMPTY, SourceState.FAILING)).isEmpty());
    }
}
