package org.marketspine.console.model;

import java.time.LocalDate;
import java.util.Comparator;

/** One weekly partition of one dataset: the unit that is captured, certified and purged. */
public record PartitionKey(String dataset, String tier, LocalDate weekEnding) implements Comparable<PartitionKey> {
    private static final Comparator<PartitionKey> ORDER = Comparator.comparing(PartitionKey::weekEnding).reversed()
            .thenComparing(PartitionKey::dataset).thenComparing(PartitionKey::tier);

    /** Newest week first, then by dataset and tier. */
    @Override
    public int compareTo(PartitionKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return dataset + ":" + tier + ":" + weekEnding;
    }
}
