package org.marketspine.console.feed.client;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.model.EventLog;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.Message;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.testing.JournalFeed;
import org.marketspine.console.testing.ThreadLeakCheck;

/** A client holding another journal's events is told so by code ({@code history_unavailable}) and starts again from 0. */
@ExtendWith(ThreadLeakCheck.class)
class FeedClientHistoryTest {
    @TempDir
    Path dir;

    @Test
    void aClientAheadOfTheJournalDropsWhatItHoldsAndReplaysFromZero() throws Exception {
        try (JournalFeed feed = JournalFeed.serve(dir.resolve("h.journal"), 120)) {
            Journal journal = feed.journal();
            CompletableFuture<String> mismatch = new CompletableFuture<>();
            CountDownLatch live = new CountDownLatch(1);
            EventLog log = new EventLog();
            FeedListener listener = new FeedListener() {
                @Override
                public void onWelcome(Message.Welcome welcome) {}

                @Override
                public void onEvents(List<Event> events) {
                    log.appendAll(events); // throws on a gap: the replay must start at seq 1
                }

                @Override
                public void onState(ConnectionState state) {
                    if (state.isLive()) live.countDown();
                }

                @Override
                public void onHistoryMismatch(String reason) {
                    mismatch.complete(reason);
                }
            };
            try (FeedClient client = new FeedClient(URI.create(feed.url()), null, 5_000, listener, Clock.systemUTC()).start()) {
                assertTrue(mismatch.get(30, TimeUnit.SECONDS).contains("5000"), "the reason names the seq it held");
                assertTrue(live.await(30, TimeUnit.SECONDS), "live after starting again");
                assertEquals(journal.headSeq(), client.lastSeq());
                assertEquals(journal.headSeq(), log.headSeq());
            }
        }
    }
}
