package org.marketspine.console.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The {@code limit} greatest items of a collection in an order, greatest first, without sorting all
 * of it: the audit report lists 5,000 rows of a readiness map and of an audit log that a ten-year
 * journal makes hundreds of thousands long. For an order in which no two items are equal the rows
 * are exactly those of a full sort.
 */
public final class Greatest {
    private Greatest() {}

    public static <T> List<T> of(Collection<T> items, Comparator<? super T> order, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit " + limit + ": at least one row");
        PriorityQueue<T> kept = new PriorityQueue<>(Math.min(limit, items.size()) + 1, order);
        for (T item : items) {
            if (kept.size() < limit) {
                kept.add(item);
            } else if (order.compare(item, kept.peek()) > 0) {
                kept.poll();
                kept.add(item);
            }
        }
        List<T> out = new ArrayList<>(kept);
        out.sort(order.reversed());
        return out;
    }
}
