package org.marketspine.console.feed.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.bench.SyntheticHistory;
import org.marketspine.console.feed.EventSink.Timed;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Message;

/**
 * P13: a floor of screens replaying the same journal share its frames — each batch read from the
 * journal and encoded once — and what is kept for them is bounded and never a batch that may grow.
 */
class SharedFramesTest {
    @TempDir
    Path dir;

    @Test
    void sessionsWalkingTheSameReplayGetTheSameFramesAndTheLastBatchAtTheHeadIsNotKept() throws Exception {
        List<Timed> facts = SyntheticHistory.facts(3_000, 5);
        try (Journal journal = Journal.open(dir.resolve("shared.journal"))) {
            journal.appendAll(facts.subList(0, 2_500));
            SharedFrames frames = new SharedFrames(journal, 1_000, Integer.MAX_VALUE);
            // Twelve sessions start together from seq 0, as screens connecting at once do.
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<List<ByteBuffer>>> walks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                walks.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return walk(frames, 2_500);
                }));
            }
            go.countDown();
            List<ByteBuffer> first = walks.getFirst().join();
            assertEquals(3, first.size(), "1,000 + 1,000 + 500");
            for (var w : walks) {
                List<ByteBuffer> other = w.join();
                for (int b = 0; b < first.size(); b++) assertSame(first.get(b), other.get(b), "batch " + b + " encoded once, shared");
            }
            // The frames are the journal's items, in order, as the protocol's events frame.
            var events = (Message.Events) Codec.decodeWithItems(WireFrameTest.payload(first.get(2))).message();
            assertEquals(2_001, events.items().getFirst().seq());
            assertEquals(2_500, events.items().getLast().seq());

            // The batch that reached the head was not kept: after more appends it is read again, and holds more.
            journal.appendAll(facts.subList(2_500, 3_000));
            SharedFrames.Batch grown = frames.after(2_000);
            assertEquals(1_000, grown.count());
            assertSame(first.get(0), frames.after(0).frame(), "a final batch is kept");
        }
    }

    @Test
    void whatIsKeptStaysWithinItsBoundTheLeastRecentlySentGoingFirst() throws Exception {
        List<Timed> facts = SyntheticHistory.facts(20_000, 5);
        try (Journal journal = Journal.open(dir.resolve("bound.journal"))) {
            journal.appendAll(facts);
            long bound = 1024 * 1024; // a few MB of frames go through it
            SharedFrames frames = new SharedFrames(journal, 100, Integer.MAX_VALUE, bound);
            ByteBuffer firstBatch = frames.after(0).frame();
            long sent = 0;
            for (long cursor = 0; cursor < journal.headSeq(); ) {
                SharedFrames.Batch b = frames.after(cursor);
                sent += b.frame().remaining();
                cursor += b.count();
                assertTrue(frames.keptBytes() <= bound, "kept " + frames.keptBytes() + " bytes, bound " + bound);
            }
            assertTrue(sent > 3 * bound, "the walk sent " + sent + " bytes: more than the bound, or this proves nothing");
            assertNotSame(firstBatch, frames.after(0).frame(), "the oldest batch went first and is read again");
            assertEquals(firstBatch, frames.after(0).frame(), "the same bytes when read again");
        }
    }

    private static List<ByteBuffer> walk(SharedFrames frames, long head) {
        List<ByteBuffer> out = new ArrayList<>();
        for (long cursor = 0; cursor < head; ) {
            SharedFrames.Batch b = frames.after(cursor);
            out.add(b.frame());
            cursor += b.count();
        }
        return out;
    }
}
