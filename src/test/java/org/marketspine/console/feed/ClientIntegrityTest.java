package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.feed.client.FeedClient;
import org.marketspine.console.feed.client.FeedListener;
import org.marketspine.console.protocol.Canonical;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.FeedChain;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.Role;
import org.marketspine.console.protocol.SigningKeys;
import org.marketspine.console.testing.Await;
import org.marketspine.console.testing.ThreadLeakCheck;

/**
 * The client recomputes the feed's chain over the items exactly as they arrived — spacing, key
 * order and fields it does not know included — and a checkpoint that disagrees with it, or that is
 * not signed by the feed's key, is an integrity error the client reports, not a log line.
 */
@ExtendWith(ThreadLeakCheck.class)
class ClientIntegrityTest {
    /** Two items as another feed implementation might send them: unsorted keys, spaces, an unknown field. */
    static final List<String> ITEMS = List.of(
            "{\"seq\":1, \"kind\":\"source.declared\", \"at\":\"2026-11-20T08:00:00Z\", \"data\":{\"source\":\"finra\",\"provider\":\"FINRA\","
                    + "\"license\":\"public\",\"permitted_uses\":[\"research\"],\"retention_days\":365,\"region\":\"US – east\"}}",
            "{\"data\":{\"execution_id\":\"ex-1\",\"by\":\"ops\"},\"kind\":\"execution.cancelled\",\"seq\":2,\"at\":\"2026-11-20T08:01:00.500Z\","
                    + "\"shard\":7}");

    @TempDir
    Path dir;

    /** A feed that answers hello with a welcome (its key), the two items, live, and then {@code checkpoint}. */
    static final class FakeFeed extends WebSocketServer {
        final SigningKeys key;
        volatile String checkpointFrame;

        FakeFeed(SigningKeys key) {
            super(new InetSocketAddress("127.0.0.1", 0));
            this.key = key;
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {}

        @Override
        public void onMessage(WebSocket conn, String message) {
            if (!message.contains("\"hello\"")) return;
            conn.send(Codec.encode(new Message.Welcome(1, "fake-feed/1", "fake", Instant.parse("2026-11-20T09:00:00Z"), 2,
                    Role.AUDITOR, "carol", List.of("checkpoint"), "feed-fake", null, key.wire())));
            conn.send("{\"type\":\"events\",\"items\":[" + String.join(",", ITEMS) + "]}");
            conn.send("{\"type\":\"live\",\"head_seq\":2}");
            conn.send(checkpointFrame);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

        @Override
        public void onError(WebSocket conn, Exception ex) {}

        @Override
        public void onStart() {}
    }

    static String trueChain() throws Exception {
        String chain = FeedChain.GENESIS;
        for (String item : ITEMS) chain = FeedChain.next(chain, Canonical.of(item));
        return chain;
    }

    private record Seen(FeedClient client, List<String> integrity, List<Message.Checkpoint> agreed) {}

    private Seen run(SigningKeys feedKey, String checkpointFrame) throws Exception {
        return run(feedKey, checkpointFrame, null);
    }

    private Seen run(SigningKeys feedKey, String checkpointFrame, String expectedKey) throws Exception {
        FakeFeed feed = new FakeFeed(feedKey);
        feed.checkpointFrame = checkpointFrame;
        feed.start();
        // getPort() is 0 before the server socket exists and -1 before it is bound.
        while (feed.getPort() <= 0) Thread.onSpinWait();
        List<String> integrity = new CopyOnWriteArrayList<>();
        List<Message.Checkpoint> agreed = new CopyOnWriteArrayList<>();
        FeedClient client = new FeedClient(URI.create("ws://127.0.0.1:" + feed.getPort() + "/feed"), "t", 0, new FeedListener() {
            @Override
            public void onWelcome(Message.Welcome welcome) {}

            @Override
            public void onEvents(List<Event> events) {}

            @Override
            public void onState(ConnectionState state) {}

            @Override
            public void onCheckpoint(Message.Checkpoint c) {
                agreed.add(c);
            }

            @Override
            public void onIntegrity(String problem) {
                integrity.add(problem);
            }
        }, Clock.systemUTC()).expectKey(expectedKey == null ? null : "feed-fake", expectedKey).start();
        try {
            await(() -> !integrity.isEmpty() || !agreed.isEmpty());
        } finally {
            client.close();
            feed.stop(1000);
        }
        return new Seen(client, integrity, agreed);
    }

    private static void await(BooleanSupplier condition) {
        Await.until("the client to say something of the checkpoint", Duration.ofSeconds(10), condition);
    }

    @Test
    void aCheckpointOverWhatArrivedAgrees_unknownFieldsAndSpacingIncluded() throws Exception {
        SigningKeys key = SigningKeys.loadOrCreate(dir.resolve("feed.key.pem"));
        Message.Checkpoint c = FeedChain.sign(key.privateKey(), "feed-fake", 2, trueChain(), "2026-11-20T09:00:00Z");
        Seen seen = run(key, Codec.encode(c));
        assertEquals(List.of(), seen.integrity());
        assertEquals(List.of(c), seen.agreed());
        assertNull(seen.client().integrityProblem());
        assertEquals(c, seen.client().lastCheckpoint());
    }

    @Test
    void aSignedChainThatDisagreesWithTheEventsIsAnIntegrityError() throws Exception {
        SigningKeys key = SigningKeys.loadOrCreate(dir.resolve("feed.key.pem"));
        String wrong = FeedChain.next(FeedChain.GENESIS, "{}");
        Seen seen = run(key, Codec.encode(FeedChain.sign(key.privateKey(), "feed-fake", 2, wrong, "2026-11-20T09:00:00Z")));
        assertEquals(1, seen.integrity().size(), seen.integrity().toString());
        assertTrue(seen.integrity().get(0).contains("not what it journaled"), seen.integrity().get(0));
        assertEquals(seen.integrity().get(0), seen.client().integrityProblem());
        assertTrue(seen.agreed().isEmpty());
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsAnIntegrityErrorToo() throws Exception {
        SigningKeys key = SigningKeys.loadOrCreate(dir.resolve("feed.key.pem"));
        SigningKeys other = SigningKeys.loadOrCreate(dir.resolve("other.key.pem"));
        Seen seen = run(key, Codec.encode(FeedChain.sign(other.privateKey(), "feed-fake", 2, trueChain(), "2026-11-20T09:00:00Z")));
        assertEquals(1, seen.integrity().size());
        assertTrue(seen.integrity().get(0).contains("not signed by the feed's key " + key.fingerprint()), seen.integrity().get(0));
    }

    /** Review finding: the same feed answering with another key (someone serving a copy of its history) is an integrity error. */
    @Test
    void theSameFeedWithAnotherKeyThanBeforeIsAnIntegrityError() throws Exception {
        SigningKeys before = SigningKeys.loadOrCreate(dir.resolve("before.key.pem"));
        SigningKeys now = SigningKeys.loadOrCreate(dir.resolve("now.key.pem"));
        Seen seen = run(now, Codec.encode(FeedChain.sign(now.privateKey(), "feed-fake", 2, trueChain(), "2026-11-20T09:00:00Z")),
                before.fingerprint());
        assertFalse(seen.integrity().isEmpty());
        assertTrue(seen.integrity().get(0).contains("the feed's key changed from " + before.fingerprint()), seen.integrity().get(0));
    }
}
