package org.marketspine.console.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Data freshness per tier: run status alone would hide a pipeline that "succeeds" on old data. */
public final class Freshness {
    private Freshness() {}

    /** The dataset whose captures say a tier's week is in. */
    public static final String NORMALIZED = "finra.otc_transparency.normalized";
    public static final Duration GRACE = Duration.ofHours(24);
    public static final Duration RED_AFTER = Duration.ofDays(3);

    public static List<TierFreshness> perTier(PlatformState state, Instant now) {
        List<TierFreshness> out = new ArrayList<>();
        for (String tier : FinraCalendar.TIERS) out.add(of(state, tier, now));
        return out;
    }

    public static TierFreshness of(PlatformState state, String tier, Instant now) {
        LocalDate latest = null;
        Instant capturedAt = null;
        for (var entry : state.currentCaptures().entrySet()) {
            PartitionKey key = entry.getKey();
            if (!key.tier().equals(tier) || !key.dataset().equals(NORMALIZED)) continue;
            if (latest == null || key.weekEnding().isAfter(latest)) {
                latest = key.weekEnding();
                capturedAt = state.captures().get(entry.getValue()).recordedAt();
            }
        }
        LocalDate expected = FinraCalendar.expectedLatestWeek(tier, now);
        Duration overdue = overdue(tier, latest, now);
        HealthLevel level = overdue.compareTo(RED_AFTER) > 0 ? HealthLevel.RED
                : overdue.compareTo(GRACE) > 0 ? HealthLevel.YELLOW : HealthLevel.GREEN;
        return new TierFreshness(tier, latest, capturedAt, expected, overdue, level);
    }

    /** How long the week after {@code latest} (or the first expected week, with none) has been due at {@code now}; zero when current. */
    public static Duration overdue(String tier, LocalDate latest, Instant now) {
        LocalDate expected = FinraCalendar.expectedLatestWeek(tier, now);
        if (latest == null) return Duration.between(FinraCalendar.dueAt(tier, expected), now);
        if (latest.isBefore(expected)) return Duration.between(FinraCalendar.dueAt(tier, latest.plusWeeks(1)), now);
        return Duration.ZERO;
    }
}
