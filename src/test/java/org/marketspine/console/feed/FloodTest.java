package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.JournalOnlySource;
import org.marketspine.console.protocol.Role;
import org.marketspine.console.testing.ThreadLeakCheck;

/** Issue 13: a flooding client gets rate_limited, then 4429; a second client is unaffected. The seconds are the test's own. */
@ExtendWith(ThreadLeakCheck.class)
class FloodTest {
    @TempDir
    Path dir;

    private static RawPeer connect(FeedServer server, String token) throws InterruptedException {
        RawPeer p = RawPeer.hello(server.url(), token);
        p.nextOfType("welcome");
        return p;
    }

    @Test
    void aFloodIsRefusedThenClosed4429AndAnotherClientGoesOn() throws Exception {
        floodIsRefusedThenClosed(false);
    }

    /** Binary frames are not protocol v1 (each gets bad_message), and a flood of them is a flood like any other. */
    @Test
    void aFloodOfBinaryFramesIsClosed4429Too() throws Exception {
        floodIsRefusedThenClosed(true);
    }

    private void floodIsRefusedThenClosed(boolean binary) throws Exception {
        Path tokens = dir.resolve("tokens.json");
        String a = TokenStore.addToken(tokens, "flooder", Role.ANALYST);
        String b = TokenStore.addToken(tokens, "calm", Role.ANALYST);
        AtomicLong now = new AtomicLong(1_000L * 1_000_000_000L);
        try (Journal j = Journal.open(dir.resolve("j.journal"))) {
            FeedServer server = new FeedServer(j, new JournalOnlySource("journal"), TokenStore.load(tokens),
                    new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).rateClock(now::get).start();
            try {
                RawPeer flood = connect(server, a);
                RawPeer calm = connect(server, b);
                for (int second = 1; second <= 5 && !flood.closed.isDone(); second++) {
                    now.addAndGet(1_000_000_000L);
                    for (int i = 0; i < 60 && !flood.closed.isDone(); i++) {
                        String frame = "{\"type\":\"request\",\"id\":\"r" + second + "-" + i + "\",\"op\":\"logs\",\"execution_id\":\"x\"}";
                        try {
                            if (binary) flood.ws.sendBinary(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)), true).join();
                            else flood.ws.sendText(frame, true).join();
                        } catch (CompletionException closedMeanwhile) {
                            break; // the server closed the flood while frames were still going out
                        }
                    }
                    if (second < 5) {
                        // Every frame of this second must be counted in it before the clock moves on: wait for its 60 answers.
                        int answered = 0;
                        int refused = 0;
                        while (answered + refused < 60) {
                            String f = flood.next("\"type\":\"");
                            if (f.contains("\"rate_limited\"")) {
                                assertTrue(f.contains("\"fatal\":false"), "refused, not yet closed: " + f);
                                refused++;
                            } else if (binary ? f.contains("\"bad_message\"") : f.contains("\"id\":\"r" + second + "-")) {
                                answered++;
                            }
                        }
                        assertEquals(10, refused, "the 10 frames over 50 in second " + second);
                    }
                }
                assertEquals(4429, flood.closed.get(10, TimeUnit.SECONDS));
                assertFalse(calm.closed.isDone(), "the other client is not affected");
                calm.ws.sendText("{\"type\":\"request\",\"id\":\"c1\",\"op\":\"logs\",\"execution_id\":\"x\"}", true).join();
                assertTrue(calm.next("\"c1\"").contains("\"unsupported\""), "and still answered");
            } finally {
                server.close();
            }
        }
    }

    @Test
    void atMost32UnauthenticatedConnectionsPerAddress() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        TokenStore.addToken(tokens, "someone", Role.ANALYST);
        try (Journal j = Journal.open(dir.resolve("j2.journal"))) {
            FeedServer server = new FeedServer(j, new JournalOnlySource("journal"), TokenStore.load(tokens),
                    new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).start();
            List<RawPeer> silent = new ArrayList<>();
            try {
                HttpClient http = HttpClient.newHttpClient();
                for (int i = 0; i < 32; i++) {
                    silent.add(RawPeer.open(http, server.url()));
                }
                RawPeer one = RawPeer.open(http, server.url());
                assertEquals(4429, one.closed.get(10, TimeUnit.SECONDS), "the 33rd waiting connection is refused");
                assertTrue(silent.stream().noneMatch(p -> p.closed.isDone()), "the first 32 are still waiting for their hello");
            } finally {
                silent.forEach(p -> p.ws.abort());
                server.close();
            }
        }
    }
}
