package org.marketspine.console.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.StateFold;
import org.marketspine.console.protocol.Canonical;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.FeedChain;
import org.marketspine.console.protocol.SigningKeys;

/**
 * Someone who wants a forged bundle to verify and knows the published format (docs/audit-bundles.md):
 * edits one event, recomputes every chain value after it, renders the report again from the edited
 * events, fixes every sha256 in the manifest and signs it with a key of their own — and, when given
 * one, re-signs the feed's checkpoints with a fresh "feed" key too.
 */
final class Forger {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Forger() {}

    /**
     * @param line the 0-based line whose event is edited
     * @param fakeFeed null: leave the feed's key and checkpoints as they were; else re-sign them with this key
     */
    static Path forge(Path bundle, Path out, int line, UnaryOperator<String> edit, SigningKeys exporter, SigningKeys fakeFeed) throws Exception {
        Map<String, byte[]> entries = BundleTest.read(bundle);
        ObjectNode m = (ObjectNode) JSON.readTree(entries.get(Bundle.MANIFEST));
        List<String> events = new ArrayList<>();
        for (String l : new String(entries.get(Bundle.EVENTS), StandardCharsets.UTF_8).split("\n")) {
            events.add(JSON.readTree(l).path("event").toString());
        }
        String edited = Canonical.of(edit.apply(events.get(line)));
        if (edited.equals(events.get(line))) throw new IllegalArgumentException("the edit changed nothing");
        events.set(line, edited);
        StringBuilder lines = new StringBuilder();
        List<String> chains = new ArrayList<>();
        String chain = FeedChain.GENESIS;
        for (String e : events) {
            chain = FeedChain.next(chain, Canonical.of(e));
            chains.add(chain);
            lines.append("{\"chain\":\"").append(chain).append("\",\"event\":").append(Canonical.of(e)).append("}\n");
        }
        byte[] eventBytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        entries.put(Bundle.EVENTS, eventBytes);
        m.with("chain").put("head", chain);
        if (fakeFeed != null) {
            m.set("feed_key", Codec.toTree(fakeFeed.wire()));
            ArrayNode signed = m.putArray("feed_checkpoints");
            for (JsonNode c : JSON.readTree(entries.get(Bundle.MANIFEST)).path("feed_checkpoints")) {
                long seq = c.path("seq").asLong();
                var cp = FeedChain.sign(fakeFeed.privateKey(), c.path("feed_id").asText(), seq, chains.get((int) seq - 1), c.path("at").asText());
                ObjectNode o = signed.addObject();
                o.put("feed_id", cp.feedId());
                o.put("seq", cp.seq());
                o.put("chain", cp.chain());
                o.put("at", cp.at());
                o.put("signature", cp.signature());
            }
        }
        // The report, rendered again so that it says what the forged events say.
        PlatformState s = PlatformState.EMPTY;
        PlatformState start = PlatformState.EMPTY;
        long startSeq = m.path("range_first_seq").asLong() - 1;
        for (String e : events) {
            Event ev = Codec.decodeEvent(e);
            s = StateFold.apply(s, ev);
            if (ev.seq() == startSeq) start = s;
        }
        JsonNode feed = m.path("feed");
        String report = ReportHtml.render(new ReportHtml.Scope(new BundleWriter.Source(feed.path("feed_id").asText(), feed.path("platform").asText(),
                feed.path("server").asText(), feed.path("url").asText()), Instant.parse(m.path("range").path("from").asText()),
                Instant.parse(m.path("range").path("to").asText()), m.path("last_seq").asLong(), m.path("range_first_seq").asLong(),
                m.path("created_by").asText(), Instant.parse(m.path("created_at").asText()), exporter.fingerprint(),
                m.path("feed_key").path("fingerprint").asText()), start, s);
        entries.put(Bundle.REPORT, report.getBytes(StandardCharsets.UTF_8));
        ObjectNode files = m.with("files");
        files.put(Bundle.EVENTS, sha(eventBytes));
        files.put(Bundle.REPORT, sha(entries.get(Bundle.REPORT)));
        Resign.sign(entries, JSON.writeValueAsBytes(m), exporter);
        BundleTest.write(out, entries);
        return out;
    }

    private static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
