package org.marketspine.console.ui.lineage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Date labels under the timeline's density strip: whole days in the display zone, as many as fit. */
record TimelineTicks(double fraction, LocalDate day) {
    /** Steps in days, from every day to every year: the smallest whose labels do not collide wins. */
    private static final int[] STEPS = {1, 2, 7, 14, 28, 56, 91, 182, 364, 728};

    /**
     * Midnights (in {@code zone}) between {@code first} and {@code last}, at most {@code max} of
     * them, each with where it falls along the strip (0 = first, 1 = last). A step of a week or
     * more keeps to one weekday, so labels stay on the same kind of day as the strip scrolls.
     */
    static List<TimelineTicks> of(Instant first, Instant last, ZoneId zone, int max) {
        List<TimelineTicks> out = new ArrayList<>();
        if (first == null || last == null || !first.isBefore(last) || max < 1) return out;
        LocalDate from = first.atZone(zone).toLocalDate().plusDays(1);
        LocalDate to = last.atZone(zone).toLocalDate();
        long days = Math.max(1, to.toEpochDay() - from.toEpochDay() + 1);
        int step = STEPS[STEPS.length - 1];
        for (int s : STEPS) {
            if (days / s + 1 <= max) {
                step = s;
                break;
            }
        }
        double span = last.toEpochMilli() - first.toEpochMilli();
        for (LocalDate d = from; !d.isAfter(to) && out.size() < max; d = d.plusDays(step)) {
            long at = d.atStartOfDay(zone).toInstant().toEpochMilli();
            out.add(new TimelineTicks((at - first.toEpochMilli()) / span, d));
        }
        return out;
    }
}
