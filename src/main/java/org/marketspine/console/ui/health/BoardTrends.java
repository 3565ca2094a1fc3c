package org.marketspine.console.ui.health;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.Trends;

/**
 * The board's trends (issue 18), and the hour the failure list is narrowed to when someone picks
 * one on the failures chart. The series are hourly: they are worked out again when the state has
 * changed and a few seconds have passed, or the hour has turned — not on every event.
 */
public final class BoardTrends {
    static final Duration EVERY = Duration.ofSeconds(5);

    private final ReadOnlyObjectWrapper<Trends> trends = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Instant> hour = new SimpleObjectProperty<>();
    private PlatformState computedFor;
    private Instant computedAt;

    /** Works the series out again if they may have changed (see the class comment); on the board's clock. None without data. */
    void update(PlatformState s, Instant at) {
        if (s.seq() == 0) {
            // No data, no trend: a flat line of zeros would claim a quiet week nobody has seen.
            computedFor = null;
            computedAt = null;
            trends.set(null);
            return;
        }
        boolean hourTurned = computedAt == null || !computedAt.truncatedTo(ChronoUnit.HOURS).equals(at.truncatedTo(ChronoUnit.HOURS));
        // A new state counts once 5 s have passed, or at once on a clock that does not move on (a bundle's end).
        boolean due = computedFor != s && (computedAt == null || !at.isAfter(computedAt)
                || Duration.between(computedAt, at).compareTo(EVERY) >= 0);
        if (!hourTurned && !due) return;
        computedFor = s;
        computedAt = at;
        trends.set(Trends.of(s, at));
    }

    public ReadOnlyObjectProperty<Trends> trendsProperty() {
        return trends.getReadOnlyProperty();
    }

    /** The start of the hour the failure list shows only, or null for all of them. */
    public ObjectProperty<Instant> hourProperty() {
        return hour;
    }

    /** Whether a failed run ended in the picked hour (every one does while none is picked). */
    boolean inHour(Execution x) {
        Instant h = hour.get();
        Instant ended = x.endedAt();
        return h == null || ended != null && !ended.isBefore(h) && ended.isBefore(h.plus(Duration.ofHours(1)));
    }
}
