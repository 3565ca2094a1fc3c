package org.marketspine.console.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.marketspine.console.protocol.Classification;

/** Recent failures, newest first, with unacknowledged critical ones pinned on top so nothing scrolls off. */
public final class FailureTriage {
    private FailureTriage() {}

    public static final Duration WINDOW = Duration.ofDays(7);

    public static List<FailureItem> recent(PlatformState s, Instant now, Set<String> acknowledged, int limit) {
        Instant since = now.minus(WINDOW);
        List<FailureItem> items = new ArrayList<>();
        for (Execution x : s.failuresNewestFirst()) {
            if (x.endedAt().isBefore(since)) break;
            Recurrence r = Recurrence.of(s, x);
            boolean resolved = HealthRules.succeededSince(s, x.runKey(), x.endedAt());
            boolean critical = !resolved && (x.error().classification() == Classification.SYSTEMIC || r.isRecurring());
            boolean pinned = critical && !acknowledged.contains(x.executionId());
            items.add(new FailureItem(x, r, critical, resolved, pinned));
            if (items.size() >= limit) break;
        }
        items.sort(Comparator.comparing((FailureItem i) -> !i.pinned())
                .thenComparing(i -> i.execution().endedAt(), Comparator.reverseOrder()));
        return items;
    }
}
