package org.marketspine.console.feed.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.bench.SyntheticHistory;
import org.marketspine.console.feed.EventSink.Timed;
import org.marketspine.console.protocol.Codec;

/**
 * The journal's in-memory tail under appends larger than itself: a session about 8,000 items
 * behind copies from the ring while a source appends slices of 10,000 — every item it gets must
 * be the one with the seq it asked for, never a later one that overwrote the slot.
 */
class JournalTailTest {
    @TempDir
    Path dir;

    @Test
    void aReaderFarBehindGetsEachItemWithItsOwnSeq_whileLargeAppendsOverwriteTheRing() throws Exception {
        List<Timed> facts = SyntheticHistory.facts(90_000, 5);
        try (Journal journal = Journal.open(dir.resolve("tail.journal"))) {
            journal.appendAll(facts.subList(0, 10_000));
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 10_000; i < facts.size(); i += 10_000) journal.appendAll(facts.subList(i, i + 10_000));
                } catch (Throwable t) {
                    failed.set(t);
                }
            });
            long cursor = journal.headSeq() - 8_000;
            // Follow the head as a session would (small batches, always about a ring behind), until the writer is done and read.
            while (writer.isAlive() || cursor < journal.headSeq()) {
                List<String> items = journal.readItems(cursor, 500, Integer.MAX_VALUE);
                for (String item : items) {
                    long seq = Codec.mapper().readTree(item).path("seq").asLong();
                    assertEquals(cursor + 1, seq, "asked for the item after " + cursor + ", got seq " + seq);
                    cursor = seq;
                }
                if (journal.headSeq() - cursor > 8_000) cursor = journal.headSeq() - 8_000; // stay near the ring's edge
            }
            writer.join();
            assertNull(failed.get());
            assertEquals(facts.size(), journal.headSeq());
        }
    }

    /** FEED-PROTOCOL "Slow consumers": a catch-up batch is bounded in UTF-8 bytes with its commas, from memory and from disk alike. */
    @Test
    void aBatchNeverGoesOverItsSizeInBytes() throws Exception {
        List<Timed> facts = SyntheticHistory.facts(3_000, 5);
        try (Journal journal = Journal.open(dir.resolve("batch.journal"))) {
            journal.appendAll(facts);
            for (long after : new long[] {0, journal.headSeq() - 500}) { // from disk, then from the in-memory tail
                List<String> items = journal.readItems(after, 4000, 20_000);
                long bytes = items.size() - 1;
                for (String item : items) bytes += ItemBatch.utf8Length(item);
                assertTrue(bytes <= 20_000, bytes + " bytes after " + after);
                List<String> more = journal.readItems(after, 4000, 40_000);
                assertTrue(more.size() > items.size(), "a larger bound takes more: the first was full, not short");
            }
            assertEquals(1, journal.readItems(0, 10, 1).size(), "one item whatever its size: a batch is never empty");
        }
    }
}
