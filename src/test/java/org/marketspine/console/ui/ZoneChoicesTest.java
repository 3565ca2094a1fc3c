package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12 item 20: every zone can be picked, once; UTC is one choice, however the system spells it. */
class ZoneChoicesTest {
    @Test
    void everyRegionZoneOnceAndUtcOnce() {
        List<String> all = ZoneChoices.all();
        assertEquals(all.size(), new HashSet<>(all).size(), "no duplicates");
        assertEquals("UTC", all.get(0));
        assertEquals(1, all.stream().filter(z -> z.contains("UTC")).count(), "UTC listed once: " + all.stream().filter(z -> z.contains("UTC")).toList());
        assertTrue(all.containsAll(List.of("America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Sydney", "Pacific/Auckland")));
        assertFalse(all.contains("Etc/UTC"));
        assertFalse(all.contains("US/Eastern"), "aliases are not offered beside the real zone");
        assertTrue(all.size() > 300, "every region zone: " + all.size());
        for (String id : List.of("Etc/UTC", "Z", "GMT", "UTC", "Etc/GMT", "UCT")) assertEquals("UTC", ZoneChoices.canonical(ZoneId.of(id)), id);
        assertEquals("America/New_York", ZoneChoices.canonical(ZoneId.of("America/New_York")));
    }
}
