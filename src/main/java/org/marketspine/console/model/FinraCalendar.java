package org.marketspine.console.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * FINRA OTC transparency weeks: each week ends on a Friday; FINRA publishes NMS Tier 1 two weeks
 * after the week ends and NMS Tier 2 and OTC four weeks after, on the Monday.
 */
public final class FinraCalendar {
    private FinraCalendar() {}

    public static final String OTC = "OTC";
    public static final String NMS_TIER_1 = "NMS_TIER_1";
    public static final String NMS_TIER_2 = "NMS_TIER_2";
    public static final List<String> TIERS = List.of(NMS_TIER_1, NMS_TIER_2, OTC);
    private static final LocalTime PUBLICATION_TIME_UTC = LocalTime.of(14, 0);

    public static int publicationLagDays(String tier) {
        return NMS_TIER_1.equals(tier) ? 14 : 28;
    }

    /** The Friday that ends the week holding {@code date} (the date itself if it is a Friday). */
    public static LocalDate weekEndingOf(LocalDate date) {
        return date.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
    }

    public static boolean isWeekEnding(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.FRIDAY;
    }

    /** When FINRA's file for that tier and week is due. */
    public static Instant dueAt(String tier, LocalDate weekEnding) {
        return weekEnding.plusDays(publicationLagDays(tier) + 3L).atTime(PUBLICATION_TIME_UTC).toInstant(ZoneOffset.UTC);
    }

    /** The newest week whose file is due by {@code now}. */
    public static LocalDate expectedLatestWeek(String tier, Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate week = weekEndingOf(today.minusDays(publicationLagDays(tier) + 3L));
        while (dueAt(tier, week).isAfter(now)) week = week.minusWeeks(1);
        return week;
    }
}
