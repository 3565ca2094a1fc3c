package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.protocol.Codec;

/** A raw protocol peer ({@link RawPeer}) that reads its frames as JSON: a client that follows only FEED-PROTOCOL.md. */
final class JsonPeer implements AutoCloseable {
    private final RawPeer raw;
    final CompletableFuture<Integer> closeCode;
    final WebSocket ws;

    JsonPeer(FeedServer to) {
        raw = RawPeer.open(HttpClient.newHttpClient(), to.url());
        closeCode = raw.closed;
        ws = raw.ws;
    }

    void send(String json) {
        ws.sendText(json, true).join();
    }

    void hello(String token, long resumeAfter) {
        send("{\"type\":\"hello\",\"protocol\":1,\"client\":\"test/1\",\"token\":" + (token == null ? "null" : "\"" + token + "\"")
                + ",\"resume_after\":" + resumeAfter + "}");
    }

    /** The next frame received, as JSON, or null after {@code millis}. */
    private JsonNode poll(long millis) throws InterruptedException {
        String f = raw.frames.poll(millis, TimeUnit.MILLISECONDS);
        if (f == null) return null;
        try {
            return Codec.mapper().readTree(f);
        } catch (Exception e) {
            throw new AssertionError("server sent non-JSON: " + f, e);
        }
    }

    JsonNode next(Predicate<JsonNode> wanted, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            JsonNode f = poll(100);
            if (f != null && wanted.test(f)) return f;
        }
        throw new AssertionError("no matching frame within " + seconds + " s");
    }

    /** Reads frames until one matches each predicate, in whatever order they come. */
    List<JsonNode> all(int seconds, List<Predicate<JsonNode>> wanted) throws InterruptedException {
        JsonNode[] found = new JsonNode[wanted.size()];
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end && Arrays.stream(found).anyMatch(Objects::isNull)) {
            JsonNode f = poll(100);
            if (f == null) continue;
            for (int i = 0; i < found.length; i++) if (found[i] == null && wanted.get(i).test(f)) found[i] = f;
        }
        for (int i = 0; i < found.length; i++) assertNotNull(found[i], "frame " + i + " within " + seconds + " s");
        return List.of(found);
    }

    static Predicate<JsonNode> result(String id) {
        return f -> f.path("type").asText().equals("command_result") && f.path("id").asText().equals(id);
    }

    static Predicate<JsonNode> recorded(String text) {
        return f -> f.path("type").asText().equals("events") && f.toString().contains("\"command.recorded\"")
                && f.toString().contains(text);
    }

    static Predicate<JsonNode> type(String t) {
        return f -> t.equals(f.path("type").asText());
    }

    /** Collects event seqs until `live`. */
    List<Long> replay() throws InterruptedException {
        List<Long> seqs = new ArrayList<>();
        while (true) {
            JsonNode f = next(x -> true, 20);
            String t = f.path("type").asText();
            if (t.equals("events")) f.path("items").forEach(i -> seqs.add(i.path("seq").asLong()));
            if (t.equals("live")) return seqs;
        }
    }

    @Override
    public void close() {
        ws.abort();
    }
}
