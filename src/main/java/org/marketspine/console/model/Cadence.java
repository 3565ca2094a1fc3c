package org.marketspine.console.model;

import org.marketspine.console.protocol.EventData;

/**
 * How often a schedule fires, read off its five-field cron ({@code minute hour day-of-month month
 * day-of-week}). A schedule is judged by its own cadence: a yearly calendar load is not "missing"
 * for each week.
 */
public enum Cadence {
    DAILY, WEEKLY, MONTHLY, YEARLY, OTHER;

    public static Cadence of(EventData.Schedule schedule) {
        if (schedule == null || schedule.cron() == null) return OTHER;
        String[] f = schedule.cron().trim().split("\\s+");
        if (f.length != 5) return OTHER;
        boolean anyDay = f[2].equals("*");
        boolean anyMonth = f[3].equals("*");
        boolean anyWeekday = f[4].equals("*");
        if (anyDay && anyMonth && !anyWeekday && !f[4].contains(",") && !f[4].contains("-") && !f[4].contains("/")) return WEEKLY;
        if (anyDay && anyMonth && anyWeekday) return DAILY;
        if (!anyDay && anyMonth && anyWeekday) return MONTHLY;
        if (!anyDay && !anyMonth && anyWeekday && !f[3].contains(",") && !f[3].contains("/")) return YEARLY;
        return OTHER;
    }

    /** The cadence of a declared pipeline's schedule, or null if the pipeline is unknown or unscheduled. */
    public static Cadence ofPipeline(PlatformState s, String pipeline) {
        var p = s.pipelines().get(pipeline);
        return p == null || p.data().schedule() == null ? null : of(p.data().schedule());
    }
}
