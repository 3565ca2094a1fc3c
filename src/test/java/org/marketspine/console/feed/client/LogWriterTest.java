package org.marketspine.console.feed.client;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.marketspine.console.bench.SyntheticHistory;
import org.marketspine.console.model.EventLog;
import org.marketspine.console.protocol.Event;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.testing.ThreadLeakCheck;

/** The export's barrier: a flush returns only when every batch handed over before it is in the log, or fails loudly. */
@ExtendWith(ThreadLeakCheck.class)
class LogWriterTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    private static List<Event> events(int from, int count) {
        List<Event> out = new ArrayList<>();
        var facts = SyntheticHistory.facts(from + count, 3);
        for (int seq = from; seq < from + count; seq++) out.add(Event.of(seq, facts.get(seq - 1).at(), facts.get(seq - 1).data()));
        return out;
    }

    @Test
    void aFlushWaitsForTheBatchTheWriterIsStillWriting() throws Exception {
        CountDownLatch firstWritten = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventLog log = new EventLog();
        try (LogWriter writer = new LogWriter(log, l -> {
            firstWritten.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            writer.submit(events(1, 100));
            writer.submit(events(101, 100));
            assertTrue(firstWritten.await(30, TimeUnit.SECONDS));
            // The writer holds the first batch and has taken nothing else: the moment the old "queue empty and not busy" check lied.
            CompletableFuture<Long> flushed = new CompletableFuture<>();
            Thread flusher = Thread.ofPlatform().start(() -> {
                try {
                    flushed.complete(writer.flush(LONG));
                } catch (IOException | InterruptedException e) {
                    flushed.completeExceptionally(e);
                }
            });
            while (flusher.getState() != Thread.State.TIMED_WAITING && !flushed.isDone()) Thread.onSpinWait(); // parked on the barrier
            assertFalse(flushed.isDone(), "a flush returned while a batch was still being written");
            release.countDown();
            assertEquals(200, flushed.get(30, TimeUnit.SECONDS));
            assertEquals(200, log.headSeq());
        }
    }

    @Test
    void aBatchTheLogRefusedMakesEveryLaterFlushFail() throws Exception {
        EventLog log = new EventLog();
        try (LogWriter writer = new LogWriter(log, l -> { })) {
            writer.submit(events(1, 50));
            writer.submit(events(60, 10)); // a gap: the log refuses it
            IOException e = assertThrows(IOException.class, () -> writer.flush(LONG));
            assertTrue(e.getMessage().contains("does not hold every event"), e.getMessage());
            assertEquals(50, log.headSeq(), "the log keeps what it had and nothing after the refused batch");
            assertThrows(IOException.class, () -> writer.flush(LONG), "the writer stays failed");
            assertThrows(IllegalArgumentException.class, () -> writer.submit(events(51, 5)));
        }
    }

    @Test
    void aFlushOnAnIdleWriterAnswersTheHead() throws Exception {
        EventLog log = new EventLog();
        try (LogWriter writer = new LogWriter(log, l -> { })) {
            assertEquals(0, writer.flush(LONG));
            writer.submit(events(1, 3));
            assertEquals(3, writer.flush(LONG));
            assertTrue(log.lastAt().isAfter(Instant.EPOCH));
        }
    }
}
