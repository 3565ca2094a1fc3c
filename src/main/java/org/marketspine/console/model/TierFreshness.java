package org.marketspine.console.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How current one tier's data is: the newest week held against the newest week FINRA has
 * published. {@code overdue} is how long the next missing week has been due (zero when current).
 */
public record TierFreshness(String tier, LocalDate latestWeek, Instant latestCapturedAt, LocalDate expectedWeek,
                            Duration overdue, HealthLevel level) {
    public boolean hasData() {
        return latestWeek != null;
    }
}
