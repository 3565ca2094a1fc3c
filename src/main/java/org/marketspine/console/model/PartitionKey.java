package org.marketspine.console.model;

import java.time.LocalDate;

/** One weekly partition of one dataset: the unit that is captured, certified and purged. */
public record PartitionKey(String dataset, String tier, LocalDate weekEnding) implements Comparable<PartitionKey> {
    /** Newest week first, then by dataset and tier. */
    @Override
    public int compareTo(PartitionKey o) {
        // Written out, not composed from Comparator lambdas: a verifier sorts hundreds of thousands of these.
        int c = o.weekEnding.compareTo(weekEnding);
        if (c != 0) return c;
        c = dataset.compareTo(o.dataset);
        return c != 0 ? c : tier.compareTo(o.tier);
    }

    @Override
    public String toString() {
        return dataset + ":" + tier + ":" + weekEnding;
    }
}
