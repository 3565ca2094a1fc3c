package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.JournalOnlySource;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Role;
import org.marketspine.console.protocol.Severity;
import org.marketspine.console.protocol.Wire;
import org.marketspine.console.testing.Await;
import org.marketspine.console.testing.ThreadLeakCheck;

/**
 * R11 / FEED-PROTOCOL "Slow consumers": a client that stops reading costs the server at most
 * 8 MiB of unsent frames, is closed 4413 once it has been over that bound for 30 s (the server's
 * clock is the test's), and another client's live events go on meanwhile.
 */
@ExtendWith(ThreadLeakCheck.class)
class SlowConsumerTest {
    static final long BOUND = 8L * 1024 * 1024;
    @TempDir
    Path dir;

    @Test
    void aStalledClientIsBoundedThenClosed4413AndAnotherClientStaysLive() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        String stalledToken = TokenStore.addToken(tokens, "stalled", Role.ANALYST);
        String calmToken = TokenStore.addToken(tokens, "calm", Role.ANALYST);
        AtomicLong now = new AtomicLong(1_000L * 1_000_000_000L);
        try (Journal j = Journal.open(dir.resolve("j.journal"))) {
            FeedServer server = serverWithHistory(j, tokens, now);
            try (Socket stalled = stalledClient(server.port(), stalledToken)) {
                RawPeer calm = RawPeer.hello(server.url(), calmToken);
                awaitOverTheBound(server);
                server.sink().platformThread().submit(() -> server.sink().emit(Instant.now(),
                        new EventData.AnomalyAcknowledged("an-1", "test", "while another client stalls"))).get();
                calm.next("while another client stalls");

                now.addAndGet(29_000_000_000L);
                assertTrue(server.backlog().stream().anyMatch(b -> b.user().equals("stalled") && b.open()), "not closed before 30 s");
                now.addAndGet(2_000_000_000L);
                Await.until("the stalled client closed", Duration.ofSeconds(10), () -> server.backlog().stream()
                        .noneMatch(b -> b.user().equals("stalled") && b.open()));
                assertEquals(Wire.CLOSE_TOO_SLOW, closeCodeRead(stalled.getInputStream()), "the close frame at the end of what it was sent");
                Await.until("the stalled connection gone", Duration.ofSeconds(10), () -> server.backlog().stream()
                        .noneMatch(b -> b.user().equals("stalled")));
                assertTrue(server.backlog().stream().anyMatch(b -> b.user().equals("calm") && b.open()), "the calm client is still served");
                calm.ws.abort();
            } finally {
                server.close();
            }
        }
    }

    /** A server over ~25 MB of history: more than the bound plus what the kernel's socket buffers hold. Its rate and stall clock are {@code now}. */
    private static FeedServer serverWithHistory(Journal j, Path tokens, AtomicLong now) throws Exception {
        String padding = "x".repeat(2_400);
        List<EventSink.Timed> history = new ArrayList<>();
        Instant at = Instant.parse("2026-11-02T12:00:00Z");
        for (int i = 0; i < 10_000; i++) {
            history.add(new EventSink.Timed(at.plusSeconds(i), new EventData.AnomalyDetected("an-" + i, Severity.LOW, "volume",
                    "finra.otc_transparency.normalized", "OTC", LocalDate.of(2026, 10, 30), null, padding, List.of())));
        }
        j.appendAll(history);
        return new FeedServer(j, new JournalOnlySource("journal"), TokenStore.load(tokens), new InetSocketAddress("127.0.0.1", 0),
                Clock.systemUTC()).rateClock(now::get).start();
    }

    /** Until the stalled client's outbox is full, checking every backlog stays within the bound meanwhile. */
    private static void awaitOverTheBound(FeedServer server) {
        Await.until("the stalled client's outbox full", Duration.ofSeconds(30), () -> {
            for (FeedServer.ClientBacklog b : server.backlog()) {
                assertTrue(b.unsent() <= BOUND, "unsent bytes over the bound: " + b);
                if (b.stuck()) return true;
            }
            return false;
        });
    }

    /** A client that says hello and then reads nothing, with a small receive window so the kernel holds little for it. */
    private static Socket stalledClient(int port, String token) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", port));
        OutputStream out = s.getOutputStream();
        out.write(("GET " + Wire.PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        int matched = 0; // the response's headers end at the first blank line
        while (matched < 4) {
            int b = in.read();
            if (b < 0) throw new EOFException("no handshake answer");
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        byte[] hello = ("{\"type\":\"hello\",\"protocol\":1,\"client\":\"stalled/1\",\"token\":\"" + token + "\",\"resume_after\":0}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        out.write(0x81);
        out.write(0x80 | 126);
        out.write(hello.length >> 8);
        out.write(hello.length & 0xFF);
        out.write(mask);
        for (int i = 0; i < hello.length; i++) out.write(hello[i] ^ mask[i % 4]);
        out.flush();
        return s;
    }

    /** Reads server frames until the close frame and returns its code (-1 if the connection ends without one). */
    private static int closeCodeRead(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long length = b1 & 0x7F;
                if (length == 126) length = in.readUnsignedShort();
                else if (length == 127) length = in.readLong();
                if ((b0 & 0x0F) == 0x8) return length >= 2 ? in.readUnsignedShort() : -1;
                in.skipNBytes(length);
            }
        } catch (EOFException | java.net.SocketException ended) {
            return -1;
        }
    }
}
