package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.JournalOnlySource;
import org.marketspine.console.protocol.Role;

/** Issue 13 (R12): a token removed from the file ends its sessions within 5 s, no restart; an expired token is refused. */
class TokenLifecycleTest {
    @TempDir
    Path dir;

    /** Frames and the close code of one raw connection. */
    static final class Peer implements WebSocket.Listener {
        final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            w.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
            closed.complete(code);
            return null;
        }

        String next(String type) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < end) {
                String f = frames.poll(100, TimeUnit.MILLISECONDS);
                if (f != null && f.contains("\"type\":\"" + type + "\"")) return f;
            }
            throw new AssertionError("no " + type + " within 10 s");
        }
    }

    private static Peer connect(FeedServer server, String token) {
        Peer p = new Peer();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(server.url()), p).join();
        ws.sendText("{\"type\":\"hello\",\"protocol\":1,\"client\":\"test/1\",\"token\":\"" + token + "\",\"resume_after\":0}", true).join();
        return p;
    }

    @Test
    void aRevokedTokensSessionEndsWithin5sAndAnExpiredTokenIsRefused() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        String alice = TokenStore.addToken(tokens, "alice", Role.OPERATOR);
        String bob = TokenStore.addToken(tokens, "bob", Role.ANALYST);
        String old = TokenStore.addToken(tokens, "carol", Role.ANALYST, Instant.now().minus(Duration.ofDays(91)),
                Instant.now().minus(Duration.ofDays(1)));
        try (Journal journal = Journal.open(dir.resolve("j.journal"))) {
            FeedServer server = new FeedServer(journal, new JournalOnlySource("journal"), TokenStore.load(tokens),
                    new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).start();
            try {
                Peer a = connect(server, alice);
                Peer b = connect(server, bob);
                a.next("welcome");
                b.next("welcome");

                assertEquals(1, TokenStore.revoke(tokens, "alice"));
                long revoked = System.nanoTime();
                int code = a.closed.get(5, TimeUnit.SECONDS);
                assertEquals(4401, code, "revoked: unauthorized");
                assertTrue(a.frames.stream().anyMatch(f -> f.contains("\"unauthorized\"")), "told why before the close");
                assertTrue(System.nanoTime() - revoked < TimeUnit.SECONDS.toNanos(5));
                assertFalse(b.closed.isDone(), "another user's session goes on");

                Peer c = connect(server, old);
                assertTrue(c.next("error").contains("\"unauthorized\""), "an expired token is refused like an unknown one");
                assertEquals(4401, c.closed.get(5, TimeUnit.SECONDS));
                Peer again = connect(server, alice);
                assertTrue(again.next("error").contains("\"unauthorized\""), "a revoked token cannot come back");
            } finally {
                server.close();
            }
        }
        var listed = TokenStore.load(tokens).entries();
        assertEquals(java.util.List.of("bob", "carol"), listed.stream().map(TokenStore.Entry::user).toList());
        assertTrue(listed.get(1).expiredAt(Instant.now()));
    }
}
