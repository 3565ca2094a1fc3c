package org.marketspine.console.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.marketspine.console.protocol.EventData.ScheduleMissed;

/** Scheduled runs ahead (FINRA's next weekly files per tier) and runs that are overdue. */
public final class ScheduleOutlook {
    private ScheduleOutlook() {}

    /** One line of the schedule card; {@code overdue} true means expected and not run. */
    public record Entry(String pipeline, String tier, LocalDate weekEnding, Instant expectedAt, boolean overdue) {}

    public static final String INGEST = "finra.otc_transparency.ingest_week";

    public static List<Entry> of(PlatformState s, Instant now) {
        List<Entry> out = new ArrayList<>();
        for (Fact<ScheduleMissed> m : s.missedSchedules()) {
            ScheduleMissed d = m.data();
            if (d.expectedAt().isBefore(now.minus(HealthRules.MISSED_WINDOW)) || HealthRules.ranSince(s, d)) continue;
            out.add(new Entry(d.pipeline(), d.partition().tier(), d.partition().weekEnding(), d.expectedAt(), true));
        }
        if (s.pipelines().containsKey(INGEST)) {
            for (String tier : FinraCalendar.TIERS) {
                TierFreshness f = Freshness.of(s, tier, now);
                LocalDate next = f.latestWeek() == null ? f.expectedWeek() : f.latestWeek().plusWeeks(1);
                Instant due = FinraCalendar.dueAt(tier, next);
                boolean late = due.isBefore(now) && Duration.between(due, now).compareTo(Duration.ofHours(6)) > 0;
                out.add(new Entry(INGEST, tier, next, due, late));
            }
        }
        out.sort(Comparator.comparing(Entry::overdue).reversed().thenComparing(Entry::expectedAt));
        return out;
    }
}
