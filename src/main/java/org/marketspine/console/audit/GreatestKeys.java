package org.marketspine.console.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The entries of the {@code limit} greatest keys of a map, greatest first, without sorting all of
 * it: the report lists 5,000 rows of a readiness map that a ten-year journal makes hundreds of
 * thousands long.
 * A map's keys are distinct, so the order is total and the rows are exactly those of a full sort.
 */
final class GreatestKeys {
    private GreatestKeys() {}

    static <K extends Comparable<K>, V> List<Map.Entry<K, V>> of(Collection<Map.Entry<K, V>> entries, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit " + limit + ": at least one row");
        PriorityQueue<Map.Entry<K, V>> kept = new PriorityQueue<>(Math.min(limit, entries.size()) + 1, Map.Entry.comparingByKey());
        for (Map.Entry<K, V> e : entries) {
            if (kept.size() < limit) {
                kept.add(e);
            } else if (e.getKey().compareTo(kept.peek().getKey()) > 0) {
                kept.poll();
                kept.add(e);
            }
        }
        List<Map.Entry<K, V>> out = new ArrayList<>(kept);
        out.sort(Map.Entry.<K, V>comparingByKey().reversed());
        return out;
    }
}
