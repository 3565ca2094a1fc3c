package org.marketspine.console.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.marketspine.console.protocol.ReadinessStatus;

/**
 * Per tier of one dataset: the latest week, its status, how many weeks are held and which weeks
 * are missing between the first and the latest (the quant's "is anything missing?").
 */
public record ReadinessSummary(String dataset, String tier, LocalDate latestWeek, ReadinessStatus latestStatus,
                               int weeksAvailable, List<LocalDate> gaps, Map<ReadinessStatus, Integer> byStatus) {

    public static List<ReadinessSummary> perTier(PlatformState state, String dataset) {
        List<ReadinessSummary> out = new ArrayList<>();
        for (String tier : FinraCalendar.TIERS) out.add(of(state, dataset, tier));
        return out;
    }

    public static ReadinessSummary of(PlatformState state, String dataset, String tier) {
        TreeSet<LocalDate> weeks = new TreeSet<>();
        for (PartitionKey key : state.currentCaptures().keySet()) {
            if (key.dataset().equals(dataset) && key.tier().equals(tier)) weeks.add(key.weekEnding());
        }
        Map<ReadinessStatus, Integer> byStatus = new EnumMap<>(ReadinessStatus.class);
        for (Readiness r : state.readiness().values()) {
            if (r.last().dataset().equals(dataset) && r.last().tier().equals(tier)) {
                byStatus.merge(r.status(), 1, Integer::sum);
            }
        }
        if (weeks.isEmpty()) return new ReadinessSummary(dataset, tier, null, ReadinessStatus.MISSING, 0, List.of(), byStatus);
        List<LocalDate> gaps = new ArrayList<>();
        for (LocalDate w = weeks.first(); w.isBefore(weeks.last()); w = w.plusWeeks(1)) {
            if (!weeks.contains(w)) gaps.add(w);
        }
        LocalDate latest = weeks.last();
        Readiness r = state.readiness().get(new PartitionKey(dataset, tier, latest));
        ReadinessStatus status = r == null ? ReadinessStatus.PRELIMINARY : r.status();
        return new ReadinessSummary(dataset, tier, latest, status, weeks.size(), gaps, Map.copyOf(byStatus));
    }
}
