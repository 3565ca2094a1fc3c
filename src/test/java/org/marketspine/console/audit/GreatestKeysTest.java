package org.marketspine.console.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketspine.console.model.PartitionKey;

/** The report's 5,000 readiness rows must be exactly the rows a full sort would list, in its order. */
class GreatestKeysTest {
    @Test
    void theGreatestKeysComeOutGreatestFirstExactlyAsAFullSortListsThem() {
        Random rng = new Random(7);
        Map<PartitionKey, Integer> readiness = new HashMap<>();
        while (readiness.size() < 3_000) {
            PartitionKey k = new PartitionKey("ds" + rng.nextInt(12), "T" + rng.nextInt(3), LocalDate.of(2016, 1, 4).plusWeeks(rng.nextInt(520)));
            readiness.put(k, readiness.size());
        }
        List<Map.Entry<PartitionKey, Integer>> sorted = new ArrayList<>(readiness.entrySet());
        sorted.sort(Map.Entry.<PartitionKey, Integer>comparingByKey().reversed());
        for (int limit : new int[] {1, 17, 2_999, 3_000, 5_000}) {
            assertEquals(sorted.subList(0, Math.min(limit, sorted.size())), GreatestKeys.of(readiness.entrySet(), limit), "limit " + limit);
        }
        // PartitionKey orders newest week first, so its greatest keys are the oldest weeks.
        assertEquals(LocalDate.of(2016, 1, 4), GreatestKeys.of(readiness.entrySet(), 1).get(0).getKey().weekEnding());
    }

    @Test
    void anEmptyMapListsNothingAndNoRowsIsNotALimit() {
        assertEquals(List.of(), GreatestKeys.of(new HashMap<PartitionKey, Integer>().entrySet(), 5_000));
        assertThrows(IllegalArgumentException.class, () -> GreatestKeys.of(new HashMap<PartitionKey, Integer>().entrySet(), 0));
    }
}
