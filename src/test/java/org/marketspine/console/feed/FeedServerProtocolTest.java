package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.DemoPlatform;
import org.marketspine.console.feed.source.JournalOnlySource;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Role;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.protocol.Wire;

/**
 * The acceptance points of the feed core, checked with the JDK's own WebSocket client and raw
 * JSON: a client that follows only FEED-PROTOCOL.md.
 */
class FeedServerProtocolTest {
    @TempDir
    static Path dir;
    static FeedServer server;
    static Journal journal;
    static String operator;
    static String analyst;

    @BeforeAll
    static void start() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        operator = TokenStore.addToken(tokens, "alice", Role.OPERATOR);
        analyst = TokenStore.addToken(tokens, "quinn", Role.ANALYST);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens)));
        assertFalse(Files.readString(tokens).contains(operator), "tokens are stored only as hashes");
        journal = Journal.open(dir.resolve("feed.journal"));
        server = new FeedServer(journal, new DemoPlatform(11, 1, Clock.systemUTC()), TokenStore.load(tokens),
                new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).start();
        // The demo writes its history on the platform thread; the server says when it is in.
        assertTrue(server.awaitSource(SourceState.CURRENT, Duration.ofSeconds(60)), "demo history written");
        assertTrue(journal.headSeq() >= 1000, "history of " + journal.headSeq() + " events");
    }

    @AfterAll
    static void stop() {
        server.close();
        journal.close();
    }

    private static JsonNode recordedItem(JsonNode frame, String text) {
        for (JsonNode item : frame.path("items")) {
            if (item.path("kind").asText().equals("command.recorded") && item.toString().contains(text)) return item.path("data");
        }
        throw new AssertionError("no command.recorded with " + text + " in " + frame);
    }

    @Test
    void welcomeThenSourceStatusThenReplayGapFreeThenLive() throws Exception {
        try (JsonPeer p = new JsonPeer(server)) {
            p.hello(analyst, 0);
            JsonNode welcome = p.next(JsonPeer.type("welcome"), 5);
            assertEquals(1, welcome.path("protocol").asInt());
            assertEquals("analyst", welcome.path("role").asText());
            assertEquals("quinn", welcome.path("user").asText());
            assertEquals("demo", welcome.path("platform").asText());
            JsonNode status = p.next(x -> true, 5);
            assertEquals("source_status", status.path("type").asText(), "source_status comes right after welcome");
            assertEquals("current", status.path("state").asText());
            assertTrue(status.path("since").asText().endsWith("Z"));
            List<Long> seqs = p.replay();
            assertTrue(seqs.size() >= 1000, "replayed " + seqs.size());
            for (int i = 0; i < seqs.size(); i++) assertEquals(i + 1, seqs.get(i), "gap-free from 1");
        }
    }

    /**
     * Heartbeats and live events, on a feed with no platform activity of its own (a journal
     * served as it stands) and a short heartbeat: nothing here waits on the demo's pace.
     */
    @Test
    void idleSessionsGetHeartbeatsThenLiveEventsArrive() throws Exception {
        Path quietDir = Files.createTempDirectory(dir, "quiet");
        try (Journal quietJournal = Journal.open(quietDir.resolve("feed.journal"))) {
            var history = new DemoPlatform(11, 1, Clock.systemUTC()).history(Instant.parse("2026-11-02T12:00:00Z"));
            quietJournal.appendAll(history.stream().map(e -> new EventSink.Timed(e.at(), e.data())).toList());
            FeedServer quiet = new FeedServer(quietJournal, new JournalOnlySource("demo"), TokenStore.load(dir.resolve("tokens.json")),
                    new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).heartbeat(Duration.ofMillis(200)).start();
            try (JsonPeer p = new JsonPeer(quiet)) {
                p.hello(analyst, 0);
                p.next(JsonPeer.type("welcome"), 5);
                JsonNode status = p.next(JsonPeer.type("source_status"), 5);
                assertEquals("failing", status.path("state").asText(), "a replay-only feed is not current with any platform");
                assertEquals(history.size(), p.replay().size());
                JsonNode hb = p.next(JsonPeer.type("heartbeat"), 5);
                assertTrue(hb.path("server_time").asText().endsWith("Z"));
                assertEquals(history.size(), hb.path("head_seq").asLong());
                quiet.sink().platformThread().submit(() -> quiet.sink().emit(Instant.now(),
                        new EventData.AnomalyAcknowledged("an-x", "test", "live"))).get();
                JsonNode live = p.next(f -> f.path("type").asText().equals("events")
                        && f.toString().contains("an-x"), 5);
                assertEquals("anomaly.acknowledged", live.path("items").get(0).path("kind").asText());
                assertEquals(history.size() + 1, live.path("items").get(0).path("seq").asLong());
            } finally {
                quiet.close();
            }
        }
    }

    @Test
    void sourceStatusChangesReachConnectedClients() throws Exception {
        try (JsonPeer p = new JsonPeer(server)) {
            p.hello(analyst, journal.headSeq());
            p.next(JsonPeer.type("welcome"), 5);
            assertEquals("current", p.next(JsonPeer.type("source_status"), 5).path("state").asText());
            server.sink().platformThread().submit(() -> server.sink().status(SourceState.FAILING, "database unreachable", null)).get();
            JsonNode failing = p.next(JsonPeer.type("source_status"), 5);
            assertEquals("failing", failing.path("state").asText());
            assertEquals("database unreachable", failing.path("message").asText());
            server.sink().platformThread().submit(() -> server.sink().status(SourceState.CURRENT, "the demo platform is running", null)).get();
            assertEquals("current", p.next(JsonPeer.type("source_status"), 5).path("state").asText());
        }
    }

    /** R9: a web page cannot talk to the feed; the handshake gets 403 and nothing is journaled. */
    @Test
    void aHandshakeFromAWebPageIsRefusedWith403() throws Exception {
        long before = journal.headSeq();
        try (Socket s = rawSocket()) {
            String status = handshake(s, "Origin: http://evil.example").readLine();
            assertEquals("HTTP/1.1 403 Forbidden", status);
        }
        assertEquals(before, journal.headSeq(), "nothing journaled for a refused page");
    }

    /** An origin listed with --allow-origin is let in, compared as browsers write it (scheme and host in any case); its port counts. */
    @Test
    void anAllowedOriginIsLetInWhateverTheCaseOfItsHost() throws Exception {
        server.allowOrigins(List.of("https://Ops.Example.com/"));
        try {
            try (Socket s = rawSocket()) {
                assertEquals("HTTP/1.1 101 Web Socket Protocol Handshake", handshake(s, "Origin: https://ops.example.com").readLine());
            }
            try (Socket s = rawSocket()) {
                assertEquals("HTTP/1.1 403 Forbidden", handshake(s, "Origin: https://ops.example.com:8443").readLine());
            }
        } finally {
            server.allowOrigins(List.of());
        }
    }

    /**
     * The server writes its frames itself (feed.server.WireFrame: RSV bits 0, payload as is), which
     * holds only while no extension is in use: a client offering compression gets none.
     */
    @Test
    void aClientOfferingCompressionGetsNoExtension() throws Exception {
        try (Socket s = rawSocket()) {
            BufferedReader in = handshake(s, "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits");
            String status = in.readLine();
            assertTrue(status.startsWith("HTTP/1.1 101 "), status);
            List<String> headers = new ArrayList<>();
            for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) headers.add(line.toLowerCase(Locale.ROOT));
            assertTrue(headers.stream().noneMatch(h -> h.startsWith("sec-websocket-extensions")), headers.toString());
        }
    }

    /** A plain TCP connection to the feed, for handshakes no WebSocket client would send. */
    private Socket rawSocket() throws IOException {
        URI u = URI.create(server.url());
        Socket s = new Socket(u.getHost(), u.getPort());
        s.setSoTimeout(5000);
        return s;
    }

    /** Sends a WebSocket upgrade request with one more header line; the server's answer is read from what this returns. */
    private BufferedReader handshake(Socket s, String extraHeader) throws IOException {
        URI u = URI.create(server.url());
        String request = "GET /feed HTTP/1.1\r\nHost: " + u.getHost() + ":" + u.getPort() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + extraHeader + "\r\n\r\n";
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    }

    @Test
    void resumeAfterContinuesAtTheNextSeq() throws Exception {
        try (JsonPeer p = new JsonPeer(server)) {
            p.hello(analyst, 500);
            p.next(JsonPeer.type("welcome"), 5);
            List<Long> seqs = p.replay();
            assertEquals(501L, seqs.get(0));
        }
    }

    @Test
    void wrongTokenIsUnauthorizedAndClosed4401() throws Exception {
        try (JsonPeer p = new JsonPeer(server)) {
            p.hello("not-a-token", 0);
            JsonNode err = p.next(JsonPeer.type("error"), 5);
            assertEquals("unauthorized", err.path("code").asText());
            assertEquals(4401, p.closeCode.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void resumeAfterBeyondTheHeadIsHistoryUnavailableAndClosed4400() throws Exception {
        try (JsonPeer p = new JsonPeer(server)) {
            p.hello(analyst, journal.headSeq() + 1_000_000);
            JsonNode err = p.next(JsonPeer.type("error"), 5);
            assertEquals(Wire.HISTORY_UNAVAILABLE, err.path("code").asText(), "a code the client can decide on: " + err);
            assertTrue(err.path("fatal").asBoolean());
            assertEquals(Wire.CLOSE_BAD_PROTOCOL, p.closeCode.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aNonJsonFrameIsABadMessageAndTheConnectionStillWorks() throws Exception {
        try (JsonPeer p = new JsonPeer(server)) {
            p.hello(analyst, 0);
            p.next(JsonPeer.type("welcome"), 5);
            p.send("this is not json");
            JsonNode err = p.next(JsonPeer.type("error"), 5);
            assertEquals("bad_message", err.path("code").asText());
            assertFalse(err.path("fatal").asBoolean());
            p.send("{\"type\":\"request\",\"id\":\"r1\",\"op\":\"logs\",\"execution_id\":\"nope\"}");
            JsonNode resp = p.next(JsonPeer.type("response"), 5);
            assertEquals("not_found", resp.path("error").path("code").asText());
        }
    }

    @Test
    void commandRulesAreEnforcedByTheServerAndEveryCommandIsRecorded() throws Exception {
        JsonNode failed;
        try (JsonPeer p = new JsonPeer(server)) {
            p.hello(analyst, 0);
            p.next(JsonPeer.type("welcome"), 5);
            // Find a failed execution in the replay.
            String[] failedId = new String[1];
            while (failedId[0] == null) {
                JsonNode f = p.next(x -> true, 20);
                for (JsonNode i : f.path("items")) {
                    if (i.path("kind").asText().equals("execution.failed")) failedId[0] = i.path("data").path("execution_id").asText();
                }
                if (f.path("type").asText().equals("live")) break;
            }
            assertNotNull(failedId[0], "the demo history holds a failed execution");
            failed = Codec.mapper().createObjectNode().put("id", failedId[0]);
            p.send("{\"type\":\"command\",\"id\":\"c1\",\"op\":\"retry\",\"execution_id\":\"" + failedId[0] + "\",\"reason\":\"503\"}");
            List<JsonNode> got = p.all(10, List.of(JsonPeer.result("c1"), JsonPeer.recorded("quinn")));
            JsonNode result = got.get(0);
            assertFalse(result.path("ok").asBoolean());
            assertEquals("forbidden", result.path("error").path("code").asText());
            JsonNode data = recordedItem(got.get(1), "quinn");
            assertEquals("rejected", data.path("outcome").asText());
            assertEquals("analyst", data.path("role").asText());
        }
        try (JsonPeer p = new JsonPeer(server)) {
            p.hello(operator, journal.headSeq());
            p.next(JsonPeer.type("welcome"), 5);
            String id = failed.path("id").asText();
            p.send("{\"type\":\"command\",\"id\":\"c2\",\"op\":\"retry\",\"execution_id\":\"" + id + "\",\"reason\":\"transient 503\"}");
            JsonNode ok = p.all(10, List.of(JsonPeer.result("c2"))).get(0);
            assertTrue(ok.path("ok").asBoolean(), ok.toString());
            assertEquals(1, ok.path("data").path("execution_ids").size());
            p.send("{\"type\":\"command\",\"id\":\"c3\",\"op\":\"retry\",\"execution_id\":\"" + id + "\",\"reason\":\"again\"}");
            List<JsonNode> got = p.all(10, List.of(JsonPeer.result("c3"), JsonPeer.recorded("already_running")));
            assertEquals("already_running", got.get(0).path("error").path("code").asText());
            JsonNode rec = recordedItem(got.get(1), "already_running");
            assertEquals("alice", rec.path("by").asText());
            assertEquals("rejected", rec.path("outcome").asText());
            p.send("{\"type\":\"command\",\"id\":\"c4\",\"op\":\"backfill\",\"pipeline\":\"finra.otc_transparency.ingest_week\","
                    + "\"tier\":\"OTC\",\"from_week\":\"2026-10-16\",\"to_week\":\"2026-10-02\"}");
            JsonNode range = p.all(10, List.of(JsonPeer.result("c4"))).get(0);
            assertEquals("invalid_range", range.path("error").path("code").asText());
        }
    }

    @Test
    void anOverlongCommandIsRefusedAndJournaledAsASmallEvent() throws Exception {
        String megabyte = "x".repeat(1 << 20);
        try (JsonPeer p = new JsonPeer(server)) {
            p.hello(operator, journal.headSeq());
            p.next(JsonPeer.type("welcome"), 5);
            p.send("{\"type\":\"command\",\"id\":\"big1\",\"op\":\"retry\",\"execution_id\":\"ex-1\",\"reason\":\"" + megabyte + "\"}");
            List<JsonNode> got = p.all(10, List.of(JsonPeer.result("big1"), JsonPeer.recorded("characters long")));
            assertEquals("invalid_params", got.get(0).path("error").path("code").asText());
            assertTrue(got.get(0).path("error").path("message").asText().startsWith("reason is 1,048,576 characters long"));
            JsonNode recorded = recordedItem(got.get(1), "characters long");
            assertEquals("rejected", recorded.path("outcome").asText());
            assertTrue(recorded.toString().length() < 4_000, "journaled clipped, not as sent: " + recorded.toString().length());
            assertTrue(recorded.path("params").path("reason").asText().endsWith("(1,048,576 characters, clipped)"));

            // An op the protocol does not have, a megabyte long: its name is clipped in the answer and in the journal.
            p.send("{\"type\":\"command\",\"id\":\"big2\",\"op\":\"" + megabyte + "\"}");
            got = p.all(10, List.of(JsonPeer.result("big2"), JsonPeer.recorded("op is 1,048,576")));
            assertEquals("invalid_params", got.get(0).path("error").path("code").asText());
            assertTrue(got.get(0).toString().length() < 4_000);
            assertTrue(recordedItem(got.get(1), "op is 1,048,576").toString().length() < 4_000);
        }
    }

    /** The contract's hello shows a client name; one without it is still greeted (the name is only for the server's logs). */
    @Test
    void aHelloWithoutAClientNameIsWelcomed() throws Exception {
        try (JsonPeer p = new JsonPeer(server)) {
            p.send("{\"type\":\"hello\",\"protocol\":1,\"token\":\"" + operator + "\",\"resume_after\":" + journal.headSeq() + "}");
            assertEquals("alice", p.next(JsonPeer.type("welcome"), 5).path("user").asText());
        }
    }

    /** A frame so large the transport does not read it: refused "with an error" (too_large, fatal), then closed 1009. */
    @Test
    void aFrameOver16MiBGetsTooLargeThenTheClose() throws Exception {
        try (JsonPeer p = new JsonPeer(server)) {
            p.hello(operator, journal.headSeq());
            p.next(JsonPeer.type("welcome"), 5);
            p.ws.sendText("{\"type\":\"request\",\"id\":\"big\",\"op\":\"logs\",\"execution_id\":\"" + "x".repeat(17 << 20) + "\"}", true);
            JsonNode error = p.next(f -> f.path("type").asText().equals("error") && f.path("code").asText().equals("too_large"), 20);
            assertTrue(error.path("fatal").asBoolean(), error.toString());
            assertEquals(1009, p.closeCode.get(20, TimeUnit.SECONDS));
        }
    }
}
