package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.JournalOnlySource;
import org.marketspine.console.protocol.Role;
import org.marketspine.console.protocol.Wire;
import org.marketspine.console.testing.ThreadLeakCheck;

/**
 * A connection that never says hello is closed 4408 after the protocol's wait (shortened here),
 * also while the platform thread is stuck: the wait is not counted on that thread. A client that
 * does say hello in time is greeted.
 */
@ExtendWith(ThreadLeakCheck.class)
class HelloTimeoutTest {
    @TempDir
    Path dir;

    @Test
    void aSilentConnectionIsClosedOnTimeWhileThePlatformThreadIsStuck() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        String token = TokenStore.addToken(tokens, "ops", Role.OPERATOR);
        CountDownLatch release = new CountDownLatch(1);
        HttpClient http = HttpClient.newHttpClient();
        try (Journal j = Journal.open(dir.resolve("j.journal"));
             FeedServer server = new FeedServer(j, new JournalOnlySource("journal"), TokenStore.load(tokens),
                     new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).helloTimeout(Duration.ofMillis(300)).start()) {
            server.sink().platformThread().execute(() -> { // a step that does not return until the test says so
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            RawPeer silent = RawPeer.open(http, server.url());
            assertEquals(Wire.CLOSE_HELLO_TIMEOUT, silent.closed.get(10, TimeUnit.SECONDS), "closed for not saying hello");
            assertTrue(silent.frames.stream().anyMatch(f -> f.contains("no hello within 0.3 s")), () -> "told why: " + silent.frames);

            RawPeer greeted = RawPeer.hello(server.url(), token);
            assertTrue(greeted.nextOfType("welcome").contains("\"user\":\"ops\""));
            greeted.ws.sendClose(1000, "done").join();
        } finally {
            release.countDown();
            http.close();
        }
    }
}
