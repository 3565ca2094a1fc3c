package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.EventSink.Timed;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.DemoPlatform;
import org.marketspine.console.feed.source.JournalOnlySource;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.testing.ThreadLeakCheck;

/**
 * The feed's key, chain and signed checkpoints, checked the way an auditor's own script would:
 * plain JDK SHA-256 and Ed25519 over the canonical form FEED-PROTOCOL documents, with a
 * canonicaliser written here (Jackson sorting map keys), not the product's.
 */
@ExtendWith(ThreadLeakCheck.class)
class FeedCheckpointTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    /** An independent canonical writer: maps with sorted keys, no whitespace, non-ASCII as itself. */
    static final ObjectMapper SORTED = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @TempDir
    Path dir;

    static String canonical(String itemJson) throws Exception {
        Object tree = SORTED.readValue(itemJson, Object.class); // LinkedHashMap/ArrayList/Integer/Long/String…
        return SORTED.writeValueAsString(sortDeep(tree));
    }

    @SuppressWarnings("unchecked")
    static Object sortDeep(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> out.put(k, sortDeep(x)));
            return out;
        }
        if (v instanceof List<?> l) return l.stream().map(FeedCheckpointTest::sortDeep).toList();
        return v;
    }

    static String sha256Hex(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private Journal demoJournal(String name) {
        Journal j = Journal.open(dir.resolve(name));
        List<Event> history = new DemoPlatform(20261125, 1, Clock.systemUTC()).history(NOW);
        List<Timed> facts = new ArrayList<>();
        for (Event e : history) facts.add(new Timed(e.at(), e.data()));
        j.appendAll(facts);
        return j;
    }

    @Test
    void theFeedSignsTheChainAnAuditorComputesIndependently() throws Exception {
        try (Journal journal = demoJournal("feed.journal")) {
            Path keyFile = Journal.keyFile(dir.resolve("feed.journal"));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)), "the feed key is owner-only");
            FeedServer server = new FeedServer(journal, new JournalOnlySource("demo"), TokenStore.openAccess(),
                    new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).start();
            try {
                RawPeer peer = RawPeer.hello(server.url(), "");
                JsonNode welcome = SORTED.readTree(peer.nextOfType("welcome"));
                JsonNode key = welcome.path("feed_key");
                assertEquals("Ed25519", key.path("alg").asText());
                byte[] raw = Base64.getDecoder().decode(key.path("public_key").asText());
                assertEquals(32, raw.length);
                assertEquals("SHA256:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(raw)),
                        key.path("fingerprint").asText());
                assertTrue(welcome.path("capabilities").toString().contains("\"checkpoint\""));

                // Everything the feed sends, chained by this test alone.
                List<String> chains = new ArrayList<>();
                chains.add("0".repeat(64));
                JsonNode checkpoint = null;
                long head = journal.headSeq();
                while (checkpoint == null || checkpoint.path("seq").asLong() < head) {
                    JsonNode f = SORTED.readTree(peer.frames.poll(10, TimeUnit.SECONDS));
                    switch (f.path("type").asText()) {
                        case "events" -> {
                            for (JsonNode item : f.path("items")) {
                                String prev = chains.get(chains.size() - 1);
                                chains.add(sha256Hex(prev + "\n" + canonical(item.toString())));
                                assertEquals(chains.size() - 1, item.path("seq").asLong());
                            }
                        }
                        case "checkpoint" -> {
                            checkpoint = f;
                            long seq = f.path("seq").asLong();
                            assertEquals(chains.get((int) seq), f.path("chain").asText(), "the feed's chain at seq " + seq);
                            assertTrue(verifies(raw, f), "the checkpoint at seq " + seq + " is signed by the feed key");
                        }
                        default -> { }
                    }
                }
                assertTrue(head > 1000, "the demo history spans several checkpoints");

                // The request answers the checkpoint at exactly the asked seq.
                peer.ws.sendText("{\"type\":\"request\",\"id\":\"c1\",\"op\":\"checkpoint\",\"seq\":1234}", true).join();
                JsonNode answer = SORTED.readTree(peer.next("\"id\":\"c1\""));
                assertTrue(answer.path("ok").asBoolean(), answer.toString());
                assertEquals(1234, answer.path("data").path("seq").asLong());
                assertEquals(chains.get(1234), answer.path("data").path("chain").asText());
                assertTrue(verifies(raw, answer.path("data")));
                peer.ws.sendText("{\"type\":\"request\",\"id\":\"c2\",\"op\":\"checkpoint\",\"seq\":" + (head + 5) + "}", true).join();
                JsonNode beyond = SORTED.readTree(peer.next("\"id\":\"c2\""));
                assertFalse(beyond.path("ok").asBoolean());
                assertEquals("not_found", beyond.path("error").path("code").asText());
            } finally {
                server.close();
            }
        }
    }

    static boolean verifies(byte[] rawKey, JsonNode c) throws Exception {
        byte[] x509 = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(rawKey));
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
        s.update(("spine-feed-checkpoint/1\n" + c.path("feed_id").asText() + "\n" + c.path("seq").asLong() + "\n" + c.path("chain").asText()
                + "\n" + c.path("at").asText()).getBytes(StandardCharsets.UTF_8));
        return s.verify(Base64.getDecoder().decode(c.path("signature").asText()));
    }

    @Test
    void aJournalFromBeforeTheChainIsChainedOnceOverWhatItJournaled() throws Exception {
        Path file = dir.resolve("old.journal");
        List<Event> history = new DemoPlatform(3, 1, Clock.systemUTC()).history(NOW).subList(0, 1500);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, item TEXT NOT NULL)");
                s.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO events VALUES (?,?,?,?)")) {
                for (Event e : history) {
                    ps.setLong(1, e.seq());
                    ps.setString(2, e.at().toString());
                    ps.setString(3, e.kind());
                    // Spaced and unsorted, as no canonical writer would: the chain is over the canonical form, not these bytes.
                    ps.setString(4, Codec.encodeEvent(e).replace(",", ", "));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        String expected = "0".repeat(64);
        for (Event e : history) expected = sha256Hex(expected + "\n" + canonical(Codec.encodeEvent(e)));
        try (Journal j = Journal.open(file)) {
            assertEquals(1500, j.headSeq());
            assertEquals(expected, j.chainAt(1500));
            j.append(NOW, history.get(0).data());
            assertEquals(sha256Hex(expected + "\n" + canonical(Codec.encodeEvent(Event.of(1501, NOW, history.get(0).data())))), j.chainAt(1501));
        }
        try (Journal again = Journal.open(file)) {
            assertEquals(expected, again.chainAt(1500), "computed once, stored with each row");
        }
    }
}
