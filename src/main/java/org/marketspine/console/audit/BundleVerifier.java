package org.marketspine.console.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.DecodeException;
import org.marketspine.console.protocol.Event;

/**
 * Checks a bundle end to end and names the first thing that is wrong: the signature over the
 * manifest, then every line of events.ndjson (order by seq, hash chain), then every file's
 * sha256 and the totals against the signed manifest. Nothing from a failing bundle is trusted.
 */
public final class BundleVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code problem}: null when the bundle verified; else the first bad entry and what failed. */
    public record Verdict(String problem, long events, long lastSeq, String signer, JsonNode manifest, List<Event> decoded) {
        public boolean ok() {
            return problem == null;
        }

        public String summary() {
            if (!ok()) return "FAILED: " + problem;
            return "OK: " + events + " events (seq 1–" + lastSeq + "), range " + manifest.path("range").path("from").asText()
                    + " – " + manifest.path("range").path("to").asText() + ", feed " + manifest.path("feed").path("platform").asText()
                    + " (" + manifest.path("feed").path("feed_id").asText() + "), signed by " + signer;
        }
    }

    private BundleVerifier() {}

    /** Verifies; with {@code decode}, also returns the events (for opening the bundle). */
    public static Verdict verify(Path file, boolean decode) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (String name : BundleWriter.required()) {
                if (zip.getEntry(name) == null) return fail(name + ": missing from the bundle");
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
                PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                        Base64.getDecoder().decode(sig.path("public_key").asText())));
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(key);
                s.update(manifestBytes);
                if (!s.verify(Base64.getDecoder().decode(sig.path("signature").asText()))) {
                    return fail("signature: does not verify against manifest.json (the manifest or the signature was changed)");
                }
                signer = BundleKeys.fingerprint(key);
                if (!"Ed25519".equals(sig.path("algorithm").asText()) || !Bundle.MANIFEST.equals(sig.path("signed").asText())
                        || !signer.equals(sig.path("fingerprint").asText())) {
                    return fail("signature: its algorithm, signed file or fingerprint was changed");
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return fail("signature: unreadable (" + e.getMessage() + ")");
            }
            JsonNode m;
            try {
                m = JSON.readTree(manifestBytes);
            } catch (IOException e) {
                return fail("manifest.json: not JSON (" + e.getMessage() + ")");
            }
            if (!Bundle.FORMAT.equals(m.path("format").asText()) || m.path("version").asInt() != Bundle.VERSION) {
                return fail("manifest.json: not a " + Bundle.FORMAT + " version " + Bundle.VERSION);
            }
            Lines lines = events(zip, m, decode);
            if (lines.problem != null) return fail(lines.problem);
            long expected = m.path("event_count").asLong();
            long lastSeq = m.path("last_seq").asLong();
            if (lines.count != expected || lines.lastSeq != lastSeq) {
                return fail("events.ndjson: ends at line " + lines.count + " (seq " + lines.lastSeq + "); the manifest says "
                        + expected + " events up to seq " + lastSeq + " (truncated or extended)");
            }
            if (!lines.head.equals(m.path("chain").path("head").asText())) {
                return fail("events.ndjson: the hash chain ends at " + lines.head + ", the signed manifest says "
                        + m.path("chain").path("head").asText() + " (lines were rewritten)");
            }
            if (!lines.sha.equals(m.path("files").path(Bundle.EVENTS).asText())) {
                return fail("events.ndjson: sha256 differs from the signed manifest");
            }
            for (String name : List.of(Bundle.REPORT, Bundle.LINEAGE)) {
                String sha;
                try {
                    sha = Bundle.hex(Bundle.sha256().digest(read(zip, name)));
                } catch (IOException e) {
                    return fail(e.getMessage());
                }
                if (!sha.equals(m.path("files").path(name).asText())) return fail(name + ": sha256 differs from the signed manifest");
            }
            return new Verdict(null, lines.count, lines.lastSeq, signer, m, lines.events);
        } catch (IOException e) {
            return fail("bundle: not a readable zip file (" + e.getMessage() + ")");
        }
    }

    private static Verdict fail(String problem) {
        return new Verdict(problem, 0, 0, null, null, List.of());
    }

    private static byte[] read(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new IOException(name + ": unreadable (" + ex.getMessage() + ")", ex);
        }
    }

    private static final class Lines {
        String problem;
        long count;
        long lastSeq;
        String head = Bundle.GENESIS;
        String sha;
        final List<Event> events = new ArrayList<>();
    }

    private static Lines events(ZipFile zip, JsonNode m, boolean decode) throws IOException {
        Lines out = new Lines();
        MessageDigest fileSha = Bundle.sha256();
        long seq = m.path("first_seq").asLong(1) - 1;
        int chainAt = Bundle.LINE_PREFIX.length();
        int eventAt = chainAt + 64 + Bundle.EVENT_INFIX.length();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new DigestInputStream(zip.getInputStream(zip.getEntry(Bundle.EVENTS)), fileSha), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while (true) {
                try {
                    line = r.readLine();
                } catch (IOException e) {
                    out.problem = "events.ndjson: unreadable after line " + out.count + " (" + e.getMessage() + ")";
                    return out;
                }
                if (line == null) break;
                long n = out.count + 1;
                if (!line.startsWith(Bundle.LINE_PREFIX) || line.length() <= eventAt || !line.startsWith(Bundle.EVENT_INFIX, chainAt + 64)
                        || !line.endsWith("}")) {
                    out.problem = "events.ndjson line " + n + ": not a bundle line";
                    return out;
                }
                String stored = line.substring(chainAt, chainAt + 64);
                String event = line.substring(eventAt, line.length() - 1);
                long lineSeq = seqOf(event);
                if (lineSeq != seq + 1) {
                    out.problem = "events.ndjson line " + n + ": seq " + (lineSeq < 0 ? "unreadable" : lineSeq) + " where seq " + (seq + 1)
                            + " belongs (a line was removed, added or moved)";
                    return out;
                }
                if (!Bundle.chain(out.head, event).equals(stored)) {
                    out.problem = "events.ndjson line " + n + " (seq " + lineSeq + "): its hash does not chain from the line before (the line was changed)";
                    return out;
                }
                if (decode) {
                    try {
                        out.events.add(Codec.decodeEvent(event));
                    } catch (DecodeException e) {
                        out.problem = "events.ndjson line " + n + " (seq " + lineSeq + "): not a valid event (" + e.getMessage() + ")";
                        return out;
                    }
                }
                out.head = stored;
                seq = lineSeq;
                out.count = n;
                out.lastSeq = lineSeq;
            }
        }
        out.sha = Bundle.hex(fileSha.digest());
        return out;
    }

    /** The event's seq, read from its first field without decoding it (-1 when unreadable). */
    private static long seqOf(String eventJson) {
        String p = "{\"seq\":";
        if (!eventJson.startsWith(p)) return -1;
        long v = 0;
        int i = p.length();
        if (i >= eventJson.length() || !Character.isDigit(eventJson.charAt(i))) return -1;
        for (; i < eventJson.length() && Character.isDigit(eventJson.charAt(i)); i++) v = v * 10 + (eventJson.charAt(i) - '0');
        return v;
    }
}
