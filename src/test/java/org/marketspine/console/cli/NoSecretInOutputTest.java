package org.marketspine.console.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.feed.client.FeedClient;
import org.marketspine.console.feed.client.FeedListener;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.protocol.Role;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.testing.Await;
import org.marketspine.console.testing.FeedProcess;

/**
 * Issue 13 / R14: a whole run — a feed server over a database it cannot reach whose JDBC URL holds
 * a password, a client with a good token, one with a wrong token — and then every line the server
 * printed or logged and every line the client logged: no password, no token.
 */
class NoSecretInOutputTest {
    @TempDir
    Path dir;

    @Test
    void noPasswordOrTokenInAnyLineOfARun() throws Exception {
        String password = "hunter2-db-secret";
        String wrong = "wrong-token-secret-value";
        Path tokens = dir.resolve("tokens.json");
        String good = TokenStore.addToken(tokens, "alice", Role.ANALYST);
        Path out = dir.resolve("feed.out");
        FeedProcess feed = FeedProcess.start(List.of("--jdbc-url", "jdbc:postgresql://127.0.0.1:1/spine?user=spine&password=" + password,
                "--tokens", tokens.toString(), "--journal", dir.resolve("j.journal").toString(), "--poll", "0.2"), 0, out);
        List<String> clientLog = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                clientLog.add(r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            URI url = feed.url();
            try (FeedClient ok = new FeedClient(url, good, 0, FeedListener.of(e -> { }, s -> { }), Clock.systemUTC()).start();
                 FeedClient bad = new FeedClient(url, wrong, 0, FeedListener.of(e -> { }, s -> { }), Clock.systemUTC()).start()) {
                Await.until("the unreachable database reported and the wrong token refused", Duration.ofSeconds(30),
                        () -> ok.sourceStatus() != null && ok.sourceStatus().state() == SourceState.FAILING
                                && bad.state().phase() == ConnectionState.Phase.REFUSED);
                assertEquals(SourceState.FAILING, ok.sourceStatus().state(), "the unreachable database was reported");
                assertEquals(ConnectionState.Phase.REFUSED, bad.state().phase());
                clientLog.add(ok.sourceStatus().message());
                clientLog.add(bad.state().detail());
            }
        } finally {
            root.removeHandler(capture);
            feed.close();
        }
        List<String> serverLines = Files.readAllLines(out);
        assertFalse(serverLines.isEmpty(), "the server said something");
        assertTrue(serverLines.stream().anyMatch(l -> l.contains("password=***")), "it named the database, redacted: " + serverLines);
        for (String secret : List.of(password, good, wrong)) {
            for (String l : serverLines) assertFalse(l.contains(secret), "server printed a secret: " + l);
            for (String l : clientLog) assertFalse(String.valueOf(l).contains(secret), "client logged a secret: " + l);
        }
    }
}
