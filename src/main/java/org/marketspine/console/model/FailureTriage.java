package org.marketspine.console.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.marketspine.console.protocol.Classification;

/**
 * Recent failures, newest first, with unacknowledged critical ones pinned on top so nothing
 * scrolls off. Critical means the operator must act: unresolved and either systemic (a retry
 * will not fix it) or the same partition failing again and again (retries exhausted). A lone
 * transient failure that the retry policy will take care of is not pinned.
 */
public final class FailureTriage {
    private FailureTriage() {}

    public static final Duration WINDOW = Duration.ofDays(7);

    public static List<FailureItem> recent(PlatformState s, Instant now, Set<String> acknowledged, int limit) {
        return recent(s, now, acknowledged, limit, x -> true);
    }

    /** The same, of the failures {@code keep} accepts only (e.g. those of one hour), counted towards the limit after it. */
    public static List<FailureItem> recent(PlatformState s, Instant now, Set<String> acknowledged, int limit, Predicate<Execution> keep) {
        Instant since = now.minus(WINDOW);
        Map<String, Instant> lastSuccess = HealthRules.lastSuccessByRun(s, since);
        List<FailureItem> items = new ArrayList<>();
        for (Execution x : s.failuresNewestFirst()) {
            if (x.endedAt().isBefore(since)) break;
            if (!keep.test(x)) continue;
            Recurrence r = Recurrence.of(s, x);
            Instant ok = lastSuccess.get(x.runKey());
            boolean resolved = ok != null && ok.isAfter(x.endedAt());
            boolean critical = !resolved && (x.error().classification() == Classification.SYSTEMIC
                    || sameRunFailures(s, x) >= 3);
            boolean pinned = critical && !acknowledged.contains(x.executionId());
            items.add(new FailureItem(x, r, critical, resolved, pinned));
            if (items.size() >= limit) break;
        }
        items.sort(Comparator.comparing((FailureItem i) -> !i.pinned())
                .thenComparing(i -> i.execution().endedAt(), Comparator.reverseOrder()));
        return items;
    }

    /** Failures of the same pipeline and params in the 24 hours up to this one. */
    static int sameRunFailures(PlatformState s, Execution failure) {
        Instant start = failure.endedAt().minus(Recurrence.WINDOW);
        int n = 0;
        for (int i = s.failures().size() - 1; i >= 0; i--) {
            Execution x = s.executions().get(s.failures().get(i));
            if (x.endedAt().isAfter(failure.endedAt())) continue;
            if (x.endedAt().isBefore(start)) break;
            if (x.runKey().equals(failure.runKey())) n++;
        }
        return n;
    }
}
