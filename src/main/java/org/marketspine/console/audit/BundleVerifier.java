package org.marketspine.console.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.FeedChain;
import org.marketspine.console.protocol.Message;

/**
 * Checks a bundle end to end and gives one of three verdicts (docs/audit-bundles.md):
 * <b>FAILED</b> names the first thing that is wrong — the exporter's signature over the manifest,
 * the feed's signature on each checkpoint, every line (order by seq, hash chain), the chain against
 * each checkpoint the feed signed, every file's sha256, and report.html against the report the
 * events render to. An intact bundle is <b>VERIFIED</b> only when its feed key and its exporter key
 * are both in the trust list; otherwise <b>NOT TRUSTED</b>, saying which key is not. Nothing from
 * a failing bundle is trusted.
 */
public final class BundleVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Outcome {
        VERIFIED(0), NOT_TRUSTED(3), FAILED(1);

        /** What {@code bundle verify} exits with. */
        public final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    /** The report renderer this version re-checks a bundle's report.html against (a manifest's {@code report_renderer}). */
    public static final String REPORT_RENDERER = ReportHtml.RENDERER;

    /**
     * {@code problem}: for FAILED the first bad entry and what failed; for NOT TRUSTED what is not
     * trusted and how to check it; null when VERIFIED. {@code signer}/{@code feedKey}: fingerprints;
     * the names are the trust list's (null when not trusted).
     */
    public record Verdict(Outcome outcome, String problem, long events, long lastSeq, String signer, String signerName,
                          String feedKey, String feedName, JsonNode manifest, List<Event> decoded) {
        public Verdict {
            problem = problem == null ? null : printable(problem); // the GUI shows it too
        }

        /** Intact (VERIFIED or NOT TRUSTED): may be opened for review, with the verdict shown. */
        public boolean ok() {
            return outcome != Outcome.FAILED;
        }

        /** Both keys are in the trust list: the feed's (its checkpoints) and the exporter's (the bundle). */
        public boolean keysTrusted() {
            return ok() && feedName != null && signerName != null;
        }

        /** Its report.html was rendered by the renderer this version re-checks against the events. */
        public boolean reportRechecked() {
            return ok() && REPORT_RENDERER.equals(manifest.path("report_renderer").asText());
        }

        public boolean verified() {
            return outcome == Outcome.VERIFIED;
        }

        /** The verdict as one terminal-safe line. */
        public String summary() {
            return printable(words());
        }

        private String words() {
            if (outcome == Outcome.FAILED) return "FAILED: " + problem;
            String what = events + " events (seq 1–" + lastSeq + "), range " + printable(manifest.path("range").path("from").asText()) + " – "
                    + printable(manifest.path("range").path("to").asText()) + ", feed " + printable(manifest.path("feed").path("platform").asText())
                    + " (" + printable(manifest.path("feed").path("feed_id").asText()) + ")";
            if (outcome == Outcome.VERIFIED) {
                return "VERIFIED: " + what + "; the events are the ones feed \"" + printable(feedName) + "\" (" + feedKey + ") signed; exported by \""
                        + printable(signerName) + "\" (" + signer + ")";
            }
            return "NOT TRUSTED: " + what + " — intact, but " + problem;
        }
    }

    private BundleVerifier() {}

    /** Verifies against {@code trust}; with {@code decode}, also returns the events (for opening the bundle). */
    public static Verdict verify(Path file, TrustList trust, boolean decode) {
        try {
            String layout = ZipLayout.problem(file);
            if (layout != null) return fail("bundle: " + layout);
        } catch (IOException e) {
            return fail("bundle: not a readable zip file (" + e.getMessage() + ")");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return verify(zip, trust, decode);
        } catch (IOException e) {
            return fail("bundle: not a readable zip file (" + e.getMessage() + ")");
        }
    }

    private static Verdict verify(ZipFile zip, TrustList trust, boolean decode) throws IOException {
        for (String name : BundleWriter.required()) {
            if (zip.getEntry(name) == null) return fail(name + ": missing from the bundle");
        }
        // Exactly the five entries, each once: a second copy of a name is what another zip reader might show instead.
        Map<String, Integer> seen = new HashMap<>();
        for (ZipEntry e : Collections.list(zip.entries())) seen.merge(e.getName(), 1, Integer::sum);
        for (var e : seen.entrySet()) {
            if (!BundleWriter.required().contains(e.getKey())) return fail(printable(e.getKey()) + ": not part of a bundle (an extra entry)");
            if (e.getValue() > 1) return fail(e.getKey() + ": in the bundle " + e.getValue() + " times (only one copy can be the signed one)");
        }
        byte[] manifestBytes;
        JsonNode sig;
        try {
            manifestBytes = read(zip, Bundle.MANIFEST);
            sig = JSON.readTree(read(zip, Bundle.SIGNATURE));
        } catch (IOException e) {
            return fail(e.getMessage());
        }
        String signer;
        try {
            Message.FeedKey exporter = new Message.FeedKey(sig.path("algorithm").asText(), sig.path("public_key").asText(),
                    sig.path("fingerprint").asText());
            PublicKey key = FeedChain.publicKey(exporter);
            Signature s = Signature.getInstance(FeedChain.ALG);
            s.initVerify(key);
            s.update(manifestBytes);
            if (!s.verify(Base64.getDecoder().decode(sig.path("signature").asText()))) {
                return fail("signature: does not verify against manifest.json (the manifest or the signature was changed)");
            }
            if (!Bundle.MANIFEST.equals(sig.path("signed").asText())) return fail("signature: its signed file was changed");
            signer = exporter.fingerprint();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return fail("signature: the exporter's key or signature is unreadable (" + e.getMessage() + ")");
        }
        JsonNode m;
        try {
            m = JSON.readTree(manifestBytes);
        } catch (IOException e) {
            return fail("manifest.json: not JSON (" + e.getMessage() + ")");
        }
        if (!Bundle.FORMAT.equals(m.path("format").asText()) || !m.path("version").isInt() || m.path("version").intValue() != Bundle.VERSION) {
            return fail("manifest.json: not a " + Bundle.FORMAT + " version " + Bundle.VERSION + " (version " + m.path("version").asText()
                    + "; bundles before version 2 carry no checkpoint signed by the feed — export again)");
        }
        String feedId = m.path("feed").path("feed_id").asText();
        long lastSeq = whole(m.path("last_seq"));
        long eventCount = whole(m.path("event_count"));
        long rangeFirstSeq = whole(m.path("range_first_seq"));
        if (lastSeq < 0 || eventCount < 0 || rangeFirstSeq < 0) {
            return fail("manifest.json: last_seq, event_count and range_first_seq must be whole numbers (JSON integers, not text or"
                    + " fractions)");
        }
        Message.FeedKey feedKey;
        List<Message.Checkpoint> checkpoints = new ArrayList<>();
        try {
            JsonNode k = m.path("feed_key");
            feedKey = new Message.FeedKey(k.path("alg").asText(), k.path("public_key").asText(), k.path("fingerprint").asText());
            FeedChain.publicKey(feedKey);
            long previous = 0;
            for (JsonNode c : m.path("feed_checkpoints")) {
                Message.Checkpoint cp = new Message.Checkpoint(c.path("feed_id").asText(), whole(c.path("seq")),
                        c.path("chain").asText(), c.path("at").asText(), c.path("signature").asText());
                if (!cp.feedId().equals(feedId)) return fail("manifest.json: the feed checkpoint at seq " + cp.seq() + " is of feed "
                        + printable(cp.feedId()) + ", not of this bundle's feed " + printable(feedId));
                if (cp.seq() <= previous) return fail("manifest.json: feed checkpoints out of order at seq " + cp.seq());
                previous = cp.seq();
                checkpoints.add(cp);
            }
            // The checkpoint at the last seq decides (it covers every event); earlier ones only narrow down where a chain
            // differs, and their signatures are checked when one disagrees (an Ed25519 check costs about a millisecond here).
            if (!checkpoints.isEmpty() && !FeedChain.verify(feedKey, checkpoints.get(checkpoints.size() - 1))) {
                return notSigned(checkpoints.get(checkpoints.size() - 1), feedKey);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return fail("manifest.json: the feed key or a feed checkpoint is unreadable (" + e.getMessage() + ")");
        }
        if (checkpoints.isEmpty() || checkpoints.get(checkpoints.size() - 1).seq() != lastSeq) {
            return fail("manifest.json: no checkpoint signed by the feed at seq " + lastSeq + ", the bundle's last event");
        }
        if (FeedChain.sameFingerprint(feedKey.fingerprint(), signer)) {
            return fail("manifest.json: the feed key is the exporter's own key (" + signer + "): the checkpoints were signed by whoever "
                    + "made the bundle, not by a feed");
        }
        Instant from;
        Instant to;
        try {
            from = Instant.parse(m.path("range").path("from").asText());
            to = Instant.parse(m.path("range").path("to").asText());
            Instant.parse(m.path("created_at").asText());
        } catch (DateTimeParseException e) {
            return fail("manifest.json: its range or creation time is not an ISO 8601 instant");
        }
        BundleLines.Result lines = BundleLines.read(zip, checkpoints, rangeFirstSeq, from, decode);
        if (lines.disagreeing() != null && !FeedChain.verify(feedKey, lines.disagreeing())) return notSigned(lines.disagreeing(), feedKey);
        if (lines.problem() != null) return fail(lines.problem());
        if (lines.count() != eventCount || lines.lastSeq() != lastSeq) {
            return fail("events.ndjson: ends at line " + lines.count() + " (seq " + lines.lastSeq() + "); the manifest says "
                    + eventCount + " events up to seq " + lastSeq + " (truncated or extended)");
        }
        if (!lines.sha().equals(m.path("files").path(Bundle.EVENTS).asText())) {
            return fail("events.ndjson: its bytes differ from the file the exporter signed (sha256)");
        }
        long firstInRange = Math.min(lastSeq, lines.atOrBeforeFrom() + 1);
        // To the millisecond, as the exporter's event log cut the range: an event at 12:00:00.000400 is known at 12:00:00.000.
        if (rangeFirstSeq != firstInRange || lines.lastAt().truncatedTo(ChronoUnit.MILLIS).isAfter(to)) {
            return fail("manifest.json: its range (" + printable(from.toString()) + " – " + printable(to.toString()) + ", first seq in it "
                    + m.path("range_first_seq").asText() + ") does not fit the events (first seq after the start: " + firstInRange
                    + "; the last event is at " + lines.lastAt() + ")");
        }
        if (!lines.head().equals(m.path("chain").path("head").asText())) {
            return fail("events.ndjson: the hash chain ends at " + lines.head() + ", the signed manifest says "
                    + m.path("chain").path("head").asText() + " (lines were rewritten)");
        }
        byte[] report;
        try {
            report = read(zip, Bundle.REPORT);
            if (!Bundle.hex(Bundle.sha256().digest(report)).equals(m.path("files").path(Bundle.REPORT).asText())) {
                return fail("report.html: sha256 differs from the signed manifest");
            }
            if (!Bundle.hex(Bundle.sha256().digest(read(zip, Bundle.LINEAGE))).equals(m.path("files").path(Bundle.LINEAGE).asText())) {
                return fail("lineage.png: sha256 differs from the signed manifest");
            }
        } catch (IOException e) {
            return fail(e.getMessage());
        }
        String untrusted = null;
        if (!ReportHtml.RENDERER.equals(m.path("report_renderer").asText())) {
            untrusted = "report.html was made by renderer '" + m.path("report_renderer").asText() + "', which this version cannot "
                    + "re-check against the events (it renders '" + ReportHtml.RENDERER + "'); read the events, not the report";
        } else {
            String rendered;
            try {
                rendered = ReportHtml.render(scope(m, signer, feedKey.fingerprint()), lines.startState(), lines.endState());
            } catch (RuntimeException e) {
                return fail("manifest.json: its range or feed fields are unreadable (" + e.getMessage() + ")");
            }
            String firstDiff = firstDifference(rendered, new String(report, StandardCharsets.UTF_8));
            if (firstDiff != null) {
                return fail("report.html: does not say what the events say (it differs from the report they render to " + firstDiff
                        + "); the report was edited");
            }
        }
        var feedEntry = trust.find(feedKey.fingerprint(), TrustList.Role.FEED);
        var signerEntry = trust.find(signer, TrustList.Role.EXPORTER);
        List<String> not = new ArrayList<>();
        if (feedEntry.isEmpty()) not.add("the feed key " + feedKey.fingerprint() + " (which signed the checkpoints)");
        if (signerEntry.isEmpty()) not.add("the exporter key " + signer + " (which signed the bundle)");
        if (!not.isEmpty()) {
            String keys = String.join(" and ", not) + (not.size() == 1 ? " is" : " are") + " not in your trust list. Check each "
                    + "fingerprint with the person who holds the key — the feed's operator reads theirs with `spine-console feed key show "
                    + "--journal FILE`, an exporter in the export dialog — then `spine-console bundle trust add FINGERPRINT --name \"…\"`";
            untrusted = untrusted == null ? keys : untrusted + "; and " + keys;
        }
        Outcome outcome = untrusted == null ? Outcome.VERIFIED : Outcome.NOT_TRUSTED;
        return new Verdict(outcome, untrusted, lines.count(), lines.lastSeq(), signer, signerEntry.map(TrustList.Entry::name).orElse(null),
                feedKey.fingerprint(), feedEntry.map(TrustList.Entry::name).orElse(null), m, lines.events());
    }

    private static ReportHtml.Scope scope(JsonNode m, String signer, String feedKey) {
        JsonNode feed = m.path("feed");
        return new ReportHtml.Scope(new BundleWriter.Source(feed.path("feed_id").asText(), feed.path("platform").asText(),
                feed.path("server").asText(), feed.path("url").asText()), Instant.parse(m.path("range").path("from").asText()),
                Instant.parse(m.path("range").path("to").asText()), m.path("last_seq").asLong(), m.path("range_first_seq").asLong(),
                m.path("created_by").asText(), Instant.parse(m.path("created_at").asText()), signer, feedKey);
    }

    /** Where two texts first differ, for the message ("at character 1234: '…critical…' where the events give '…low…'"), or null. */
    private static String firstDifference(String expected, String actual) {
        if (expected.equals(actual)) return null; // the common case, without a character-by-character loop in a cold JVM
        int n = Math.min(expected.length(), actual.length());
        int i = 0;
        while (i < n && expected.charAt(i) == actual.charAt(i)) i++;
        if (i == n && expected.length() == actual.length()) return null;
        return "at character " + i + ": '" + excerpt(actual, i) + "' where the events give '" + excerpt(expected, i) + "'";
    }

    private static String excerpt(String s, int at) {
        int a = Math.max(0, at - 20);
        int b = Math.min(s.length(), at + 40);
        return s.substring(a, b).replaceAll("\\s+", " ");
    }

    /**
     * A text made safe for a terminal line: control, bidi and invisible characters become '?', so a
     * crafted value cannot print a fake "VERIFIED" line over the real verdict. Every verdict's words
     * pass through it whole (they quote the bundle in many places), not only the values known to
     * come from it.
     */
    public static String printable(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // Controls (a terminal's escape sequences), format characters (bidi overrides and isolates,
            // invisible joiners, the soft hyphen, the BOM), line and paragraph separators.
            int type = Character.getType(c);
            boolean bad = type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            out.append(bad ? '?' : c);
        }
        return out.toString();
    }

    /**
     * A count or seq of the manifest: a JSON integer that fits a long, else -1 (which no check
     * accepts). Jackson's asLong would read "2217", 2217.4 and 2^64+2217 all as 2217.
     */
    private static long whole(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToLong() && n.longValue() >= 0 ? n.longValue() : -1;
    }

    private static Verdict notSigned(Message.Checkpoint c, Message.FeedKey key) {
        return fail("manifest.json: the feed checkpoint at seq " + c.seq() + " is not signed by the feed key " + key.fingerprint()
                + " (the checkpoint or the key was changed)");
    }

    static Verdict fail(String problem) {
        return new Verdict(Outcome.FAILED, problem, 0, 0, null, null, null, null, null, List.of());
    }

    /**
     * The most any file but the events may inflate to: far above what an exporter writes (the
     * manifest of a million events is under 1 MiB, the report a few), far below what would let a
     * crafted file of a few megabytes inflate to gigabytes in the verifier's memory.
     */
    static final int MAX_FILE = 32 * 1024 * 1024;

    static byte[] read(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        byte[] bytes;
        try (InputStream in = zip.getInputStream(e)) {
            bytes = in.readNBytes(MAX_FILE + 1);
        } catch (IOException ex) {
            throw new IOException(name + ": unreadable (" + ex.getMessage() + ")", ex);
        }
        if (bytes.length > MAX_FILE) throw new IOException(name + ": larger than " + MAX_FILE / (1024 * 1024) + " MiB, which no exporter writes");
        return bytes;
    }
}
