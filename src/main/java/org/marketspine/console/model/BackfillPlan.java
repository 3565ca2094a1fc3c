package org.marketspine.console.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.marketspine.console.protocol.ReadinessStatus;

/**
 * The partitions a backfill of one pipeline and tier over a week range would run, with what is
 * wrong with the range (errors stop it) and what deserves a second look (warnings).
 */
public record BackfillPlan(String pipeline, String tier, LocalDate fromWeek, LocalDate toWeek,
                           List<LocalDate> weeks, List<String> errors, List<String> warnings, String errorCode,
                           List<Recertify> recertify) {
    public static final int MAX_WEEKS = 52;

    /** A CERTIFIED dataset-week the backfill would supersede: it will need certifying again. */
    public record Recertify(String dataset, LocalDate week) {}

    public boolean isValid() {
        return errors.isEmpty();
    }

    public static BackfillPlan of(PlatformState state, String pipeline, String tier, LocalDate from, LocalDate to,
                                  Instant now) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String code = null;
        if (pipeline == null || !state.pipelines().containsKey(pipeline)) {
            errors.add("unknown pipeline '" + pipeline + "'");
            code = "not_found";
        }
        if (tier == null || !FinraCalendar.TIERS.contains(tier)) {
            errors.add("unknown tier '" + tier + "' (expected one of " + String.join(", ", FinraCalendar.TIERS) + ")");
            code = code == null ? "invalid_range" : code;
        }
        List<LocalDate> weeks = new ArrayList<>();
        if (from == null || to == null) {
            errors.add("both from_week and to_week are required");
            return new BackfillPlan(pipeline, tier, from, to, weeks, errors, warnings, "invalid_range", List.of());
        }
        if (!FinraCalendar.isWeekEnding(from) || !FinraCalendar.isWeekEnding(to)) {
            errors.add("weeks end on a Friday: " + (FinraCalendar.isWeekEnding(from) ? to : from) + " is a "
                    + (FinraCalendar.isWeekEnding(from) ? to : from).getDayOfWeek());
        }
        if (from.isAfter(to)) errors.add("from_week " + from + " is after to_week " + to);
        LocalDate latest = tier != null && FinraCalendar.TIERS.contains(tier)
                ? FinraCalendar.expectedLatestWeek(tier, now) : FinraCalendar.weekEndingOf(now.atZone(ZoneOffset.UTC).toLocalDate());
        if (to.isAfter(latest)) errors.add("to_week " + to + " is in the future: FINRA has published up to " + latest);
        long span = ChronoUnit.WEEKS.between(from, to) + 1;
        if (span > MAX_WEEKS) errors.add(span + " weeks is more than the " + MAX_WEEKS + "-week limit of one backfill");
        if (!errors.isEmpty()) {
            return new BackfillPlan(pipeline, tier, from, to, weeks, errors, warnings, code == null ? "invalid_range" : code, List.of());
        }
        List<Recertify> recertify = new ArrayList<>();
        for (LocalDate w = from; !w.isAfter(to); w = w.plusWeeks(1)) {
            weeks.add(w);
            Execution active = state.activeRun(Execution.runKey(pipeline, params(w, tier)));
            if (active != null) {
                errors.add("week " + w + " is already " + active.status().name().toLowerCase() + " as " + active.executionId());
                code = "already_running";
            }
            for (Readiness r : state.readiness().values()) {
                if (r.last().tier().equals(tier) && r.last().weekEnding().equals(w)
                        && r.status() == ReadinessStatus.CERTIFIED) {
                    warnings.add("week " + w + " " + r.last().dataset() + " is CERTIFIED; a new capture will need re-certification");
                    recertify.add(new Recertify(r.last().dataset(), w));
                }
            }
        }
        return new BackfillPlan(pipeline, tier, from, to, weeks, errors, warnings, code, recertify);
    }

    /** The params a weekly partition run carries. */
    public static Map<String, Object> params(LocalDate week, String tier) {
        return Map.of("week_ending", week.toString(), "tier", tier);
    }
}
