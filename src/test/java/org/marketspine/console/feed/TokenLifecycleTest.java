package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.JournalOnlySource;
import org.marketspine.console.protocol.Role;
import org.marketspine.console.testing.ThreadLeakCheck;

/** Issue 13 (R12): a token removed from the file ends its sessions within 5 s, no restart; an expired token is refused. */
@ExtendWith(ThreadLeakCheck.class)
class TokenLifecycleTest {
    @TempDir
    Path dir;

    private static RawPeer connect(FeedServer server, String token) {
        return RawPeer.hello(server.url(), token);
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
                RawPeer a = connect(server, alice);
                RawPeer b = connect(server, bob);
                a.nextOfType("welcome");
                b.nextOfType("welcome");

                assertEquals(1, TokenStore.revoke(tokens, "alice"));
                long revoked = System.nanoTime();
                int code = a.closed.get(5, TimeUnit.SECONDS);
                assertEquals(4401, code, "revoked: unauthorized");
                assertTrue(a.frames.stream().anyMatch(f -> f.contains("\"unauthorized\"")), "told why before the close");
                assertTrue(System.nanoTime() - revoked < TimeUnit.SECONDS.toNanos(5));
                assertFalse(b.closed.isDone(), "another user's session goes on");

                RawPeer c = connect(server, old);
                assertTrue(c.nextOfType("error").contains("\"unauthorized\""), "an expired token is refused like an unknown one");
                assertEquals(4401, c.closed.get(5, TimeUnit.SECONDS));
                RawPeer again = connect(server, alice);
                assertTrue(again.nextOfType("error").contains("\"unauthorized\""), "a revoked token cannot come back");
            } finally {
                server.close();
            }
        }
        var listed = TokenStore.load(tokens).entries();
        assertEquals(List.of("bob", "carol"), listed.stream().map(TokenStore.Entry::user).toList());
        assertTrue(listed.get(1).expiredAt(Instant.now()));
    }
}
