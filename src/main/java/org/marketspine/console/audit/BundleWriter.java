package org.marketspine.console.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.marketspine.console.model.EventLog;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.Codec;

/**
 * Writes a signed bundle of a journal up to the end of a range. The events run from the journal's
 * first, so that the state at any instant of the range can be rebuilt offline; the range is what
 * the report covers and what a reviewer's timeline spans.
 */
public final class BundleWriter {
    private static final int CHUNK = 16_384;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** Where the events came from, as the manifest names it. */
    public record Source(String feedId, String platform, String server, String url) {}

    public record Written(Path file, long events, long lastSeq, long bytes, String signer) {}

    private BundleWriter() {}

    public static Written write(Path out, EventLog log, Instant from, Instant to, Source source, String createdBy,
                                BundleKeys keys, Instant now, DoubleConsumer progress) throws IOException {
        if (log.size() == 0) throw new IOException("the journal holds no events: nothing to bundle");
        Instant end = to == null ? log.lastAt() : to;
        Instant start = from == null ? log.firstAt() : from;
        if (start.isAfter(end)) throw new IOException("the range starts (" + start + ") after it ends (" + end + ")");
        long lastSeq = log.seqAt(end);
        if (lastSeq == 0) throw new IOException("no event at or before " + end);
        long rangeFirstSeq = Math.min(lastSeq, log.seqAt(start) + 1);
        Path tmp = out.resolveSibling(out.getFileName() + ".partial");
        // The report and the lineage picture need only the states at the range's ends: made alongside the events.
        PlatformState endState = log.stateAtSeq(lastSeq);
        PlatformState startState = log.stateAtSeq(rangeFirstSeq - 1);
        java.util.concurrent.CompletableFuture<byte[]> png = java.util.concurrent.CompletableFuture.supplyAsync(() -> LineagePicture.png(endState),
                r -> Thread.ofVirtual().name("bundle-report").start(r));
        java.util.concurrent.CompletableFuture<byte[]> report = java.util.concurrent.CompletableFuture.supplyAsync(() -> ReportHtml.render(
                new ReportHtml.Scope(source, start, end, lastSeq, rangeFirstSeq, createdBy, now, keys.fingerprint()), startState, endState)
                .getBytes(StandardCharsets.UTF_8), r -> Thread.ofVirtual().name("bundle-report").start(r));
        String chain = Bundle.GENESIS;
        String eventsSha;
        String reportSha;
        String lineageSha;
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry(Bundle.EVENTS));
            MessageDigest fileSha = Bundle.sha256();
            OutputStream events = new DigestOutputStream(zip, fileSha);
            // Three stages on two cores: encode (parallel) → chain (this thread) → deflate (a writer thread).
            java.util.concurrent.BlockingQueue<byte[]> blocks = new java.util.concurrent.ArrayBlockingQueue<>(3);
            IOException[] failed = new IOException[1];
            Thread deflater = Thread.ofPlatform().name("bundle-deflate").start(() -> {
                try {
                    for (byte[] b = blocks.take(); b.length > 0; b = blocks.take()) {
                        if (failed[0] == null) events.write(b);
                    }
                } catch (IOException e) {
                    failed[0] = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                for (long first = 1; first <= lastSeq && failed[0] == null; first += CHUNK) {
                    long a = first;
                    int n = (int) Math.min(CHUNK, lastSeq - first + 1);
                    String[] json = IntStream.range(0, n).parallel().mapToObj(i -> Codec.encodeEvent(log.event(a + i))).toArray(String[]::new);
                    StringBuilder block = new StringBuilder(n * 340);
                    for (String e : json) {
                        chain = Bundle.chain(chain, e);
                        block.append(Bundle.line(chain, e)).append('\n');
                    }
                    blocks.put(block.toString().getBytes(StandardCharsets.UTF_8));
                    progress.accept(0.9 * (first + n - 1) / lastSeq);
                }
                blocks.put(new byte[0]);
                deflater.join();
            } catch (InterruptedException e) {
                deflater.interrupt();
                Thread.currentThread().interrupt();
                throw new IOException("export interrupted", e);
            }
            if (failed[0] != null) throw failed[0];
            events.flush();
            zip.closeEntry();
            eventsSha = Bundle.hex(fileSha.digest());

            lineageSha = put(zip, Bundle.LINEAGE, png.join());
            reportSha = put(zip, Bundle.REPORT, report.join());
            progress.accept(0.95);

            ObjectNode m = JSON.createObjectNode();
            m.put("format", Bundle.FORMAT);
            m.put("version", Bundle.VERSION);
            m.put("created_at", now.toString());
            m.put("created_by", createdBy);
            ObjectNode feed = m.putObject("feed");
            feed.put("feed_id", source.feedId());
            feed.put("platform", source.platform());
            feed.put("server", source.server());
            feed.put("url", source.url());
            ObjectNode range = m.putObject("range");
            range.put("from", start.toString());
            range.put("to", end.toString());
            m.putObject("filters").put("time_range", "events up to the range's end, from the journal's first (so any instant can be rebuilt)");
            m.put("event_count", lastSeq);
            m.put("first_seq", 1);
            m.put("last_seq", lastSeq);
            m.put("range_first_seq", rangeFirstSeq);
            ObjectNode files = m.putObject("files");
            files.put(Bundle.EVENTS, eventsSha);
            files.put(Bundle.LINEAGE, lineageSha);
            files.put(Bundle.REPORT, reportSha);
            ObjectNode c = m.putObject("chain");
            c.put("algorithm", "line n: sha256(hex(chain n-1) + \"\\n\" + event json), chain 0 = 64 zeros");
            c.put("head", chain);
            byte[] manifest = JSON.writeValueAsBytes(m);
            put(zip, Bundle.MANIFEST, manifest);

            ObjectNode sig = JSON.createObjectNode();
            sig.put("algorithm", "Ed25519");
            sig.put("signed", Bundle.MANIFEST);
            sig.put("public_key", Base64.getEncoder().encodeToString(keys.publicKey().getEncoded()));
            sig.put("fingerprint", keys.fingerprint());
            sig.put("signature", Base64.getEncoder().encodeToString(sign(keys, manifest)));
            put(zip, Bundle.SIGNATURE, JSON.writeValueAsBytes(sig));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        progress.accept(1);
        return new Written(out, lastSeq, lastSeq, Files.size(out), keys.fingerprint());
    }

    private static String put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
        return Bundle.hex(Bundle.sha256().digest(bytes));
    }

    private static byte[] sign(BundleKeys keys, byte[] manifest) throws IOException {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.privateKey());
            s.update(manifest);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot sign the manifest: " + e.getMessage(), e);
        }
    }

    /** For readers that only need the list form. */
    static List<String> required() {
        return List.of(Bundle.MANIFEST, Bundle.EVENTS, Bundle.REPORT, Bundle.LINEAGE, Bundle.SIGNATURE);
    }
}
