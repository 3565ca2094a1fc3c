package org.marketspine.console.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.marketspine.console.model.EventHistory;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.Canonical;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.FeedChain;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SigningKeys;

/**
 * Writes a signed bundle of a journal up to the end of a range. The events run from the journal's
 * first, so that the state at any instant of the range can be rebuilt offline; the range is what
 * the report covers and what a reviewer's timeline spans. Each line holds an event in its canonical
 * form with the feed's chain value; the feed's checkpoints (the last at the bundle's last seq) go
 * into the signed manifest, and the writer refuses to export events whose chain disagrees with them.
 */
public final class BundleWriter {
    private static final int CHUNK = 16_384;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    static final String CHAIN_RULE = "FEED-PROTOCOL feed chain: chain(0) = 64 zeros; chain(n) = hex(sha256(chain(n-1) + \"\\n\" "
            + "+ canonical(event n))), canonical = RFC 8785 JSON of {seq, at, kind, data}; each line's event is that canonical text";

    /** Where the events came from, as the manifest names it. */
    public record Source(String feedId, String platform, String server, String url) {}

    public record Written(Path file, long events, long lastSeq, long bytes, String signer) {}

    /** The canonical texts of the events as the feed chained them, asked for in order, chunk after chunk; the caller closes it. */
    public interface ItemTexts extends AutoCloseable {
        String[] chunk(long firstSeq, int count) throws IOException;

        @Override
        default void close() throws IOException {}

        /**
         * The events as this console decoded them, written canonically again: the same text as
         * the feed's whenever this version knows every field the feed sent (the writer checks it
         * against the feed's checkpoints and refuses to export if not).
         */
        static ItemTexts of(EventHistory log) {
            return (first, n) -> IntStream.range(0, n).parallel().mapToObj(i -> Canonical.of(log.event(first + i))).toArray(String[]::new);
        }

        /** Lines read in order, line n = seq n (a local cache of the feed's canonical texts); closed with this. */
        static ItemTexts of(BufferedReader lines) {
            return new ItemTexts() {
                long next = 1;

                @Override
                public String[] chunk(long first, int count) throws IOException {
                    if (first != next) throw new IOException("the events are read in order: asked for seq " + first + " after " + (next - 1));
                    String[] chunk = new String[count];
                    for (int i = 0; i < count; i++) {
                        String line = lines.readLine();
                        if (line == null) throw new IOException("the local copy ends at seq " + (next + i - 1) + ", before seq " + (first + count - 1));
                        chunk[i] = line;
                    }
                    next += count;
                    return chunk;
                }

                @Override
                public void close() throws IOException {
                    lines.close();
                }
            };
        }

        /** Texts kept exactly as they arrived (a headless replay). */
        static ItemTexts of(List<String> texts) {
            return (first, n) -> texts.subList((int) first - 1, (int) first - 1 + n).toArray(String[]::new);
        }
    }

    /** The seqs a range covers: the last event at or before its end, and the first after its start. */
    public record Span(Instant start, Instant end, long lastSeq, long rangeFirstSeq) {}

    private BundleWriter() {}

    public static Span span(EventHistory log, Instant from, Instant to) throws IOException {
        if (log.size() == 0) throw new IOException("the journal holds no events: nothing to bundle");
        Instant end = to == null ? log.lastAt() : to;
        Instant start = from == null ? log.firstAt() : from;
        if (start.isAfter(end)) throw new IOException("the range starts (" + start + ") after it ends (" + end + ")");
        long lastSeq = log.seqAt(end);
        if (lastSeq == 0) throw new IOException("no event at or before " + end);
        return new Span(start, end, lastSeq, Math.min(lastSeq, log.seqAt(start) + 1));
    }

    public static Written write(Path out, EventHistory log, ItemTexts texts, FeedProof proof, Span span, Source source, String createdBy,
                                SigningKeys keys, Instant now, DoubleConsumer progress) throws IOException {
        Instant start = span.start();
        Instant end = span.end();
        long lastSeq = span.lastSeq();
        long rangeFirstSeq = span.rangeFirstSeq();
        List<Message.Checkpoint> checkpoints = proof.upTo(source.feedId(), lastSeq);
        Path tmp = out.resolveSibling(out.getFileName() + ".partial");
        // The report and the lineage picture need only the states at the range's ends: made alongside the events.
        PlatformState endState = log.stateAtSeq(lastSeq);
        PlatformState startState = log.stateAtSeq(rangeFirstSeq - 1);
        ReportHtml.Scope scope = new ReportHtml.Scope(source, start, end, lastSeq, rangeFirstSeq, createdBy, now, keys.fingerprint(),
                proof.key().fingerprint());
        CompletableFuture<byte[]> png = CompletableFuture.supplyAsync(() -> LineagePicture.png(endState),
                r -> Thread.ofVirtual().name("bundle-report").start(r));
        CompletableFuture<byte[]> report = CompletableFuture.supplyAsync(() -> ReportHtml.render(scope, startState, endState)
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
            BlockingQueue<byte[]> blocks = new ArrayBlockingQueue<>(3);
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
            int next = 0;
            long previousCheckpoint = 0;
            FeedChain.Hasher hasher = new FeedChain.Hasher();
            // Four stages on two cores: read the texts (a thread) → chain (this thread) → deflate (a thread).
            CompletableFuture<String[]> ahead = read(texts, 1, (int) Math.min(CHUNK, lastSeq));
            try {
                for (long first = 1; first <= lastSeq && failed[0] == null; first += CHUNK) {
                    long a = first;
                    int n = (int) Math.min(CHUNK, lastSeq - first + 1);
                    String[] json = join(ahead);
                    long after = first + n;
                    if (after <= lastSeq) ahead = read(texts, after, (int) Math.min(CHUNK, lastSeq - after + 1));
                    StringBuilder block = new StringBuilder(n * 340);
                    for (int i = 0; i < n; i++) {
                        chain = hasher.next(chain, json[i]);
                        block.append(Bundle.line(chain, json[i])).append('\n');
                        Message.Checkpoint c = checkpoints.get(next);
                        if (c.seq() == a + i) {
                            if (!c.chain().equals(chain)) {
                                throw new IOException("this console's copy of events " + (previousCheckpoint + 1) + "–" + c.seq()
                                        + " differs from what the feed signed at seq " + c.seq() + ": not exported. Reconnect so the "
                                        + "console fetches the feed's history again, then export.");
                            }
                            previousCheckpoint = c.seq();
                            next = Math.min(next + 1, checkpoints.size() - 1);
                        }
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
            } catch (IOException | RuntimeException e) {
                deflater.interrupt();
                throw e;
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
            m.put("report_renderer", ReportHtml.RENDERER);
            ObjectNode c = m.putObject("chain");
            c.put("algorithm", CHAIN_RULE);
            c.put("head", chain);
            m.set("feed_key", Codec.toTree(proof.key()));
            ArrayNode signed = m.putArray("feed_checkpoints");
            for (Message.Checkpoint cp : checkpoints) {
                ObjectNode o = signed.addObject();
                o.put("feed_id", cp.feedId());
                o.put("seq", cp.seq());
                o.put("chain", cp.chain());
                o.put("at", cp.at());
                o.put("signature", cp.signature());
            }
            byte[] manifest = JSON.writeValueAsBytes(m);
            put(zip, Bundle.MANIFEST, manifest);

            ObjectNode sig = JSON.createObjectNode();
            sig.put("algorithm", FeedChain.ALG);
            sig.put("signed", Bundle.MANIFEST);
            sig.put("public_key", keys.wire().publicKey());
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

    private static CompletableFuture<String[]> read(ItemTexts texts, long first, int count) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return texts.chunk(first, count);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, r -> Thread.ofPlatform().name("bundle-read").start(r));
    }

    private static String[] join(CompletableFuture<String[]> chunk) throws IOException {
        try {
            return chunk.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) throw io.getCause();
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    private static String put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
        return Bundle.hex(Bundle.sha256().digest(bytes));
    }

    private static byte[] sign(SigningKeys keys, byte[] manifest) throws IOException {
        try {
            Signature s = Signature.getInstance(FeedChain.ALG);
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
