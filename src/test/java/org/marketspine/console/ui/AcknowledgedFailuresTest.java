package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acknowledged failures: per feed, newest first, the oldest falls off, a restart keeps them. */
class AcknowledgedFailuresTest {
    @TempDir
    Path dir;

    @Test
    void theNewestFiveHundredSurviveARestartAndTheOldestFallsOff() {
        Path file = dir.resolve("cache").resolve("feed-a.acknowledged");
        AcknowledgedFailures a = AcknowledgedFailures.open(file);
        // Ids whose alphabetical order is the reverse of their age: the old store kept the alphabetically last 500.
        for (int i = 0; i < 501; i++) a.add("zz-" + (char) ('a' + (500 - i) % 26) + "-" + (10_000 - i));
        AcknowledgedFailures again = AcknowledgedFailures.open(file);
        assertEquals(500, again.ids().size());
        assertTrue(again.contains("zz-a-9500"), "the newest is kept");
        assertFalse(again.contains("zz-" + (char) ('a' + 500 % 26) + "-10000"), "the oldest fell off");
        assertEquals("zz-a-9500", again.ids().iterator().next(), "newest first");
    }

    @Test
    void eachFeedKeepsItsOwnAndLongIdsAreFine() {
        String longId = "spine-" + "x".repeat(10_000); // the old single preference value overflowed at 8 KiB
        AcknowledgedFailures a = AcknowledgedFailures.open(dir.resolve("feed-a.acknowledged"));
        a.add(longId);
        AcknowledgedFailures b = AcknowledgedFailures.open(dir.resolve("feed-b.acknowledged"));
        assertFalse(b.contains(longId));
        assertTrue(AcknowledgedFailures.open(dir.resolve("feed-a.acknowledged")).contains(longId));
    }

    @Test
    void acknowledgingAgainMovesAnIdToTheFrontAndInMemoryWritesNothing() throws Exception {
        Path file = dir.resolve("feed-c.acknowledged");
        AcknowledgedFailures a = AcknowledgedFailures.open(file);
        a.add("ex-1");
        a.add("ex-2");
        a.add("ex-1");
        assertEquals(List.of("ex-1", "ex-2"), Files.readAllLines(file));
        AcknowledgedFailures.inMemory().add("ex-9");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
