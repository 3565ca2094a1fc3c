package org.marketspine.console.feed.server;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.EventSink;
import org.marketspine.console.feed.FeedRefusal;
import org.marketspine.console.feed.PlatformSource;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SourceState;

/**
 * A platform thread that stops answering makes the feed say {@code failing}, not "current": every
 * screen read "live" for days of a soak while the demo's thread spun in one step. When the thread
 * answers again, what the source said last stands.
 */
class PlatformStallTest {
    @TempDir
    Path dir;

    @Test
    void aStuckPlatformThreadIsReportedAndItsRecoveryToo() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (Journal journal = Journal.open(dir.resolve("feed.journal"));
             FeedServer server = new FeedServer(journal, new RunningSource(), TokenStore.openAccess(),
                     new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).platformStallAfter(Duration.ofMillis(500)).start()) {
            assertTrue(server.awaitSource(SourceState.CURRENT, Duration.ofSeconds(10)));

            server.sink().platformThread().execute(() -> { // a step that does not return until the test says so
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(server.awaitSource(SourceState.FAILING, Duration.ofSeconds(10)), "the stall is said");
            Message.SourceStatus stalled = server.sourceStatus();
            assertTrue(stalled.message().contains("has not answered"), stalled.message());

            // The source's own word while its thread is stuck (a reader thread of its own) waits behind the stall.
            server.sink().status(SourceState.FAILING, "database unreachable", null);
            assertEquals(stalled, server.sourceStatus());

            release.countDown();
            assertTrue(awaitMessage(server, "database unreachable", Duration.ofSeconds(10)), () -> "the source's word is back: " + server.sourceStatus());
            server.sink().status(SourceState.CURRENT, "the test platform is running", null);
            assertEquals(SourceState.CURRENT, server.sourceStatus().state());
        } finally {
            release.countDown();
        }
    }

    /**
     * With a shared journal the stall must reach the other servers' clients as well: they repeat
     * the status the leader stores, and a stuck leader stored nothing more (they read "current").
     */
    @Test
    void aStuckLeaderIsSaidByTheServersThatFollowIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (SharedJournals pg = SharedJournals.create();
             FeedServer leader = new FeedServer(pg.open(), new RunningSource(), TokenStore.openAccess(),
                     new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).platformStallAfter(Duration.ofMillis(500)).start()) {
            assertTrue(leader.awaitSource(SourceState.CURRENT, Duration.ofSeconds(10)));
            assertTrue(leader.isLeading());
            try (FeedServer follower = new FeedServer(pg.open(), new RunningSource(), TokenStore.openAccess(),
                    new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).start()) {
                assertTrue(follower.awaitSource(SourceState.CURRENT, Duration.ofSeconds(10)), "the follower repeats the leader's status");
                assertFalse(follower.isLeading());

                // Stuck inside a journal write's decision, as a source deciding its next facts would be: the
                // journal's writer (and its database transaction) is held the whole time.
                leader.sink().platformThread().execute(() -> leader.journal().write(state -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return List.of();
                }));
                assertTrue(follower.awaitSource(SourceState.FAILING, Duration.ofSeconds(10)), () -> "the follower says the leader is stuck: "
                        + follower.sourceStatus());
                assertTrue(follower.sourceStatus().message().contains("has not answered"), follower.sourceStatus().message());

                release.countDown();
                assertTrue(follower.awaitSource(SourceState.CURRENT, Duration.ofSeconds(10)), "… and that it answers again");
                assertEquals("the test platform is running", follower.sourceStatus().message());
            }
        } finally {
            release.countDown();
        }
    }

    private static boolean awaitMessage(FeedServer server, String message, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (server.sourceStatus().message().equals(message)) return true;
            server.awaitSource(SourceState.CURRENT, Duration.ofMillis(50)); // wakes on every change of status
        }
        return false;
    }

    /** A source that says it runs and does nothing else. */
    private static final class RunningSource implements PlatformSource {
        @Override
        public String platform() {
            return "test";
        }

        @Override
        public List<String> requestOps() {
            return List.of();
        }

        @Override
        public void start(EventSink sink) {
            sink.status(SourceState.CURRENT, "the test platform is running", null);
        }

        @Override
        public JsonNode answer(Message.Request request, PlatformState state) throws FeedRefusal {
            throw new FeedRefusal("unknown_op", "no requests here");
        }

        @Override
        public CommandEffect perform(Command command, String user, PlatformState state) throws FeedRefusal {
            throw new FeedRefusal("invalid", "no commands here");
        }

        @Override
        public void close() {
            // nothing to stop
        }
    }
}
