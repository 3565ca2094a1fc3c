package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.client.EventCache;
import org.marketspine.console.feed.source.DemoPlatform;
import org.marketspine.console.protocol.Canonical;
import org.marketspine.console.protocol.Event;

class EventCacheTest {
    static final List<Event> HISTORY = new DemoPlatform(3, 1, Clock.systemUTC()).history(Instant.parse("2026-11-25T12:00:00Z"));
    static final List<String> TEXTS = HISTORY.stream().map(Canonical::of).toList();

    @TempDir
    Path dir;

    @Test
    void whatWasSeenIsThereAfterARestart() throws Exception {
        try (EventCache cache = EventCache.open(dir, "demo")) {
            cache.rememberFeed("feed-1");
            cache.append(TEXTS.subList(0, 1000));
            cache.append(TEXTS.subList(1000, 1500));
        }
        try (EventCache again = EventCache.open(dir, "demo")) {
            assertNull(again.problem());
            assertEquals("feed-1", again.feedId());
            assertEquals(HISTORY.subList(0, 1500), again.takeLoaded());
            assertTrue(again.takeLoaded().isEmpty(), "handed over once, then forgotten");
        }
    }

    @Test
    void aCorruptCacheIsSetAsideWithAMessageNotFatal() throws Exception {
        try (EventCache cache = EventCache.open(dir, "demo")) {
            cache.append(TEXTS.subList(0, 100));
        }
        Path file = dir.resolve("demo.events.ndjson");
        List<String> lines = Files.readAllLines(file);
        lines.set(50, lines.get(50).substring(0, 20));
        Files.write(file, lines);
        try (EventCache again = EventCache.open(dir, "demo")) {
            assertTrue(again.takeLoaded().isEmpty());
            assertNotNull(again.problem());
            assertTrue(again.problem().contains("line 51"), again.problem());
            assertTrue(again.problem().contains("set aside"), again.problem());
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("demo.events.corrupt-")));
        }
    }

    @Test
    void aCacheWithAGapIsRefusedToo() throws Exception {
        try (EventCache cache = EventCache.open(dir, "demo")) {
            cache.append(TEXTS.subList(0, 10));
            cache.append(TEXTS.subList(11, 20));
        }
        try (EventCache again = EventCache.open(dir, "demo")) {
            assertTrue(again.takeLoaded().isEmpty());
            assertTrue(again.problem().contains("seq 12 where 11 was expected"), again.problem());
        }
    }
}
