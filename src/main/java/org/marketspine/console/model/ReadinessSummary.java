package org.marketspine.console.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Per tier of one dataset, its coverage: how many weeks are held and which weeks are missing
 * between the first and the latest (the quant's "is anything missing?"). Which week is the latest
 * to use is {@link LatestSafe}'s answer: the latest held may not be safe.
 */
public record ReadinessSummary(String dataset, String tier, int weeksAvailable, List<LocalDate> gaps) {

    public static ReadinessSummary of(PlatformState state, String dataset, String tier) {
        TreeSet<LocalDate> weeks = new TreeSet<>();
        for (PartitionKey key : state.currentCaptures().keySet()) {
            if (key.dataset().equals(dataset) && key.tier().equals(tier)) weeks.add(key.weekEnding());
        }
        List<LocalDate> gaps = new ArrayList<>();
        if (!weeks.isEmpty()) {
            for (LocalDate w = weeks.first(); w.isBefore(weeks.last()); w = w.plusWeeks(1)) {
                if (!weeks.contains(w)) gaps.add(w);
            }
        }
        return new ReadinessSummary(dataset, tier, weeks.size(), List.copyOf(gaps));
    }
}
