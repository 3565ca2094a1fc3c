package org.marketspine.console.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
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
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path out = dir.resolve("feed.out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process feed = new ProcessBuilder(java, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", System.getProperty("java.class.path"), "org.marketspine.console.cli.Main", "feed",
                "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/spine?user=spine&password=" + password, "--tokens", tokens.toString(),
                "--port", Integer.toString(port), "--journal", dir.resolve("j.journal").toString(), "--poll", "0.2")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
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
            awaitListening(port, feed);
            URI url = URI.create("ws://127.0.0.1:" + port + "/feed");
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
            feed.destroy();
            feed.waitFor(10, TimeUnit.SECONDS);
        }
        List<String> serverLines = Files.readAllLines(out);
        assertFalse(serverLines.isEmpty(), "the server said something");
        assertTrue(serverLines.stream().anyMatch(l -> l.contains("password=***")), "it named the database, redacted: " + serverLines);
        for (String secret : List.of(password, good, wrong)) {
            for (String l : serverLines) assertFalse(l.contains(secret), "server printed a secret: " + l);
            for (String l : clientLog) assertFalse(String.valueOf(l).contains(secret), "client logged a secret: " + l);
        }
    }

    private static void awaitListening(int port, Process feed) {
        Await.until("the feed server listening on " + port, Duration.ofSeconds(30), () -> {
            if (!feed.isAlive()) fail("the feed server exited with " + feed.exitValue());
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }
}
