package org.marketspine.console.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The report's 5,000 readiness rows must be exactly the rows a full sort would list, in its order. */
class GreatestTest {
    private static final Comparator<Map.Entry<PartitionKey, Integer>> BY_KEY = Map.Entry.comparingByKey();

    @Test
    void theGreatestKeysComeOutGreatestFirstExactlyAsAFullSortListsThem() {
        Random rng = new Random(7);
        Map<PartitionKey, Integer> readiness = new HashMap<>();
        while (readiness.size() < 3_000) {
            PartitionKey k = new PartitionKey("ds" + rng.nextInt(12), "T" + rng.nextInt(3), LocalDate.of(2016, 1, 4).plusWeeks(rng.nextInt(520)));
            readiness.put(k, readiness.size());
        }
        List<Map.Entry<PartitionKey, Integer>> sorted = new ArrayList<>(readiness.entrySet());
        sorted.sort(BY_KEY.reversed());
        for (int limit : new int[] {1, 17, 2_999, 3_000, 5_000}) {
            assertEquals(sorted.subList(0, Math.min(limit, sorted.size())), Greatest.of(readiness.entrySet(), BY_KEY, limit), "limit " + limit);
        }
        // PartitionKey orders newest week first, so its greatest keys are the oldest weeks.
        assertEquals(LocalDate.of(2016, 1, 4), Greatest.of(readiness.entrySet(), BY_KEY, 1).get(0).getKey().weekEnding());
    }

    @Test
    void anEmptyMapListsNothingAndNoRowsIsNotALimit() {
        assertEquals(List.of(), Greatest.of(new HashMap<PartitionKey, Integer>().entrySet(), BY_KEY, 5_000));
        assertThrows(IllegalArgumentException.class, () -> Greatest.of(new HashMap<PartitionKey, Integer>().entrySet(), BY_KEY, 0));
    }
}
