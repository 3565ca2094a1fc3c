package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.framing.CloseFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.JournalOnlySource;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.Role;
import org.marketspine.console.protocol.Wire;
import org.marketspine.console.testing.ThreadLeakCheck;

/**
 * A connection that never says hello is closed 4408 after the protocol's wait (2 s here: time
 * enough for the client that does say hello on a loaded machine),
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
                     new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).helloTimeout(Duration.ofSeconds(2)).start()) {
            server.sink().platformThread().execute(() -> { // a step that does not return until the test says so
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            RawPeer silent = RawPeer.open(http, server.url());
            assertEquals(Wire.CLOSE_HELLO_TIMEOUT, silent.closed.get(10, TimeUnit.SECONDS), "closed for not saying hello");
            assertTrue(silent.frames.stream().anyMatch(f -> f.contains("no hello within 2 s")), () -> "told why: " + silent.frames);

            RawPeer greeted = RawPeer.hello(server.url(), token);
            assertTrue(greeted.nextOfType("welcome").contains("\"user\":\"ops\""));
            greeted.ws.sendClose(1000, "done").join();
            release.countDown(); // before the server closes: it stops its source on the platform thread
        } finally {
            release.countDown();
            http.close();
        }
    }

    /** A hello the feed fails to answer half-way ends the connection: the hello timer no longer would. */
    @Test
    void aHelloTheFeedCannotAnswerClosesTheConnection() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        String token = TokenStore.addToken(tokens, "ops", Role.OPERATOR);
        try (Journal j = Journal.open(dir.resolve("j.journal"));
             FeedServer server = new FeedServer(j, new BrokenRequestOps(), TokenStore.load(tokens),
                     new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).start()) {
            RawPeer peer = RawPeer.hello(server.url(), token);
            assertEquals(CloseFrame.UNEXPECTED_CONDITION, peer.closed.get(10, TimeUnit.SECONDS));
        }
    }

    /** A journal-only source whose list of request ops fails (read while a welcome is put together). */
    private static final class BrokenRequestOps implements PlatformSource {
        private final JournalOnlySource inner = new JournalOnlySource("journal");

        @Override
        public String platform() {
            return inner.platform();
        }

        @Override
        public List<String> requestOps() {
            throw new IllegalStateException("the source's catalogue is unreadable");
        }

        @Override
        public void start(EventSink sink) {
            inner.start(sink);
        }

        @Override
        public JsonNode answer(Message.Request request, PlatformState state) throws FeedRefusal {
            return inner.answer(request, state);
        }

        @Override
        public CommandEffect perform(Command command, String user, PlatformState state) throws FeedRefusal {
            return inner.perform(command, user, state);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
