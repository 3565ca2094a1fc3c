package org.marketspine.console.feed.source;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * The weekly cron expressions spine-core schedules weekly partitions with: {@code M H * * D}
 * (numbers; D 0–7, Sunday 0 or 7), in UTC. Anything else is not understood, and its schedule is
 * not checked for missed runs (said in the log), rather than guessed.
 */
record WeeklyCron(int minute, int hour, DayOfWeek day) {

    static WeeklyCron parse(String cron) {
        String[] f = cron.trim().split("\\s+");
        if (f.length != 5 || !f[2].equals("*") || !f[3].equals("*")) throw new IllegalArgumentException("not a weekly cron: " + cron);
        try {
            int m = Integer.parseInt(f[0]);
            int h = Integer.parseInt(f[1]);
            int d = Integer.parseInt(f[4]);
            if (m < 0 || m > 59 || h < 0 || h > 23 || d < 0 || d > 7) throw new IllegalArgumentException("cron field out of range: " + cron);
            return new WeeklyCron(m, h, d == 0 || d == 7 ? DayOfWeek.SUNDAY : DayOfWeek.of(d));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a weekly cron (numbers only): " + cron);
        }
    }

    /** The first firing after the partition's week has ended: when its run was due. */
    Instant firstAfter(LocalDate weekEnding) {
        LocalDate d = weekEnding.plusDays(1).with(TemporalAdjusters.nextOrSame(day));
        return d.atTime(LocalTime.of(hour, minute)).toInstant(ZoneOffset.UTC);
    }
}
