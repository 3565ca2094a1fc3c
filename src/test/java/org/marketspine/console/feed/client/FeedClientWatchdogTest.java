package org.marketspine.console.feed.client;

import static org.junit.jupiter.api.Assertions.*;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.client.ConnectionState.Phase;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.testing.MutableClock;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketspine.console.testing.JournalFeed;
import org.marketspine.console.testing.ThreadLeakCheck;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.marketspine.console.testing.Await;

/** The client's watchdog decides on the injected clock, and never overwrites a state that moved on under it. */
@ExtendWith(ThreadLeakCheck.class)
class FeedClientWatchdogTest {
    @TempDir
    Path dir;

    @Test
    void aWatchdogDecisionMadeBeforeTheWelcomeNeverEndsInLostOnceLive() throws Exception {
        try (JournalFeed feed = JournalFeed.serve(dir.resolve("w.journal"), 50)) {
            Journal journal = feed.journal();
            MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
            CountDownLatch live = new CountDownLatch(1);
            try (FeedClient client = new FeedClient(URI.create(feed.url()), null, 0, FeedListener.of(e -> { }, s -> {
                if (s.isLive()) live.countDown();
            }), clock)) {
                ConnectionState beforeWelcome = client.state(); // what a watchdog tick read just before the welcome arrived
                assertEquals(Phase.CONNECTING, beforeWelcome.phase());
                client.start();
                assertTrue(live.await(30, TimeUnit.SECONDS), "never live");
                // Exactly 15 s on the client's clock with no frame: "silent too long" (>= 15 s) holds for a decision made
                // before the welcome, while a live socket is only closed after more than 15 s — so the client's own timer,
                // ticking meanwhile, changes nothing and the state can only move by the late decision.
                clock.advance(FeedClient.SILENCE);
                client.declareLostIfSilent(beforeWelcome);
                assertEquals(Phase.LIVE, client.state().phase(), "a stale watchdog decision overwrote LIVE with LOST");
            }
        }
    }

    @Test
    void aFeedThatNeverAnswersIsLostAfterFifteenSecondsOnTheClientsClock() throws Exception {
        // A port that accepts TCP and never answers the WebSocket handshake: the client waits in CONNECTING.
        try (ServerSocket mute = new ServerSocket(0)) {
            MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
            try (FeedClient client = new FeedClient(URI.create("ws://127.0.0.1:" + mute.getLocalPort() + "/feed"), null, 0,
                    FeedListener.of(e -> { }, s -> { }), clock).start()) {
                clock.advance(Duration.ofSeconds(14));
                client.watchdog();
                assertNotEquals(Phase.LOST, client.state().phase(), "lost before 15 s on the clock");
                clock.advance(Duration.ofSeconds(2));
                client.watchdog();
                ConnectionState s = client.state();
                assertEquals(Phase.LOST, s.phase());
                assertNull(s.lostSince(), "a feed never heard from has no 'lost since'");
            }
        }
    }

    @Test
    void aLiveFeedSilentForMoreThanFifteenSecondsOnTheWireIsDroppedAndResumed() throws Exception {
        try (JournalFeed feed = JournalFeed.serve(dir.resolve("s.journal"), 50)) {
            AtomicLong nanos = new AtomicLong(1_000_000_000L);
            List<ConnectionState> states = new CopyOnWriteArrayList<>();
            try (FeedClient client = new FeedClient(URI.create(feed.url()), null, 0, FeedListener.of(e -> { }, states::add),
                    Clock.systemUTC()).elapsed(nanos::get).start()) {
                Await.until("live", Duration.ofSeconds(30), () -> client.state().isLive());
                nanos.addAndGet(Duration.ofSeconds(14).toNanos());
                client.watchdog();
                assertTrue(client.state().isLive(), "14 s of silence is not yet a lost feed");
                nanos.addAndGet(Duration.ofSeconds(2).toNanos());
                client.watchdog();
                Await.until("dropped for the silence", Duration.ofSeconds(10), () -> states.stream()
                        .anyMatch(st -> st.phase() == Phase.RECONNECTING && st.detail().contains("heartbeat timeout")));
                Await.until("live again (it resumes by itself)", Duration.ofSeconds(30), () -> client.state().isLive());
            }
        }
    }
}
