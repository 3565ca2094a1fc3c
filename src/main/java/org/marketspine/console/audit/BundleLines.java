package org.marketspine.console.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipFile;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.StateFold;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.DecodeException;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.FeedChain;
import org.marketspine.console.protocol.Message;

/**
 * Reads events.ndjson once: each line's seq follows the last, its chain value is the chain
 * recomputed from the line before, the chain at every feed checkpoint is the one the feed signed.
 * On a second thread the events are decoded and folded into the states the report is rendered from.
 */
final class BundleLines {
    private static final int BLOCK = 4096;

    /** {@code disagreeing}: the feed checkpoint whose chain the events do not reach, when that is the problem. */
    /**
     * {@code atOrBeforeFrom}: how many events are known at the range's start (their time, or an
     * earlier one's, at or before it); {@code lastAt}: the latest event time up to the last; {@code sha}:
     * of the file's bytes.
     */
    record Result(String problem, long count, long lastSeq, String head, String sha, Message.Checkpoint disagreeing,
                  PlatformState startState, PlatformState endState, long atOrBeforeFrom, Instant lastAt, List<Event> events) {}

    private static final byte[] PREFIX = Bundle.LINE_PREFIX.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFIX = Bundle.EVENT_INFIX.getBytes(StandardCharsets.US_ASCII);

    private BundleLines() {}

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) if (b[at + i] != prefix[i]) return false;
        return true;
    }

    static Result read(ZipFile zip, List<Message.Checkpoint> checkpoints, long rangeFirstSeq, Instant from, boolean keepEvents)
            throws IOException {
        Folder folder = new Folder(rangeFirstSeq - 1, from, keepEvents);
        FeedChain.Hasher hasher = new FeedChain.Hasher();
        CompletableFuture<Void> folding = CompletableFuture.runAsync(folder, r -> Thread.ofPlatform().daemon().name("bundle-fold").start(r));
        String problem = null;
        long count = 0;
        long seq = 0;
        String head = Bundle.GENESIS;
        int chainAt = Bundle.LINE_PREFIX.length();
        int eventAt = chainAt + 64 + Bundle.EVENT_INFIX.length();
        int nextCheckpoint = 0;
        long checkedUpTo = 0;
        List<String> block = new ArrayList<>(BLOCK);
        Message.Checkpoint disagreeing = null;
        // The file's own sha256 too (the exporter signed it), and strict UTF-8: the bytes checked are the bytes shipped. Each
        // line's event is hashed as the bytes it is in the file, and made text once, for the decoder.
        MessageDigest fileSha = Bundle.sha256();
        try (var in = new DigestInputStream(zip.getInputStream(zip.getEntry(Bundle.EVENTS)), fileSha)) {
            ByteLines lines = new ByteLines(in);
            while (problem == null) {
                String event;
                String stored;
                int eventFrom;
                int eventTo;
                try {
                    if (!lines.next()) break;
                    byte[] b = lines.bytes();
                    int at = lines.offset;
                    int end = at + lines.length;
                    if (lines.length <= eventAt || !startsWith(b, at, PREFIX) || !startsWith(b, at + chainAt + 64, INFIX) || b[end - 1] != '}') {
                        problem = "events.ndjson line " + (count + 1) + ": not a bundle line";
                        break;
                    }
                    stored = lines.text(at + chainAt, at + chainAt + 64);
                    eventFrom = at + eventAt;
                    eventTo = end - 1;
                    event = lines.text(eventFrom, eventTo);
                } catch (IOException e) {
                    problem = "events.ndjson: unreadable after line " + count + " (" + e.getMessage() + ")";
                    break;
                }
                long n = count + 1;
                long lineSeq = seqOf(event);
                if (lineSeq != seq + 1) {
                    problem = "events.ndjson line " + n + ": seq " + (lineSeq < 0 ? "unreadable" : lineSeq) + " where seq " + (seq + 1)
                            + " belongs (a line was removed, added or moved)";
                    break;
                }
                String chain = hasher.next(head, lines.bytes(), eventFrom, eventTo - eventFrom);
                if (!chain.equals(stored)) {
                    problem = "events.ndjson line " + n + " (seq " + lineSeq + "): its hash does not chain from the line before (the line was changed)";
                    break;
                }
                if (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).seq() == lineSeq) {
                    Message.Checkpoint c = checkpoints.get(nextCheckpoint++);
                    if (!c.chain().equals(chain)) {
                        disagreeing = c;
                        problem = "events.ndjson seq " + (checkedUpTo + 1) + "–" + lineSeq + " (lines " + (checkedUpTo + 1) + "–" + n
                                + "): the chain at seq " + lineSeq + " is not the one the feed signed there, so an event in this span "
                                + "is not what the feed journaled; the first event whose chain can differ is seq " + (checkedUpTo + 1)
                                + " (line " + (checkedUpTo + 1) + "), the chain was recomputed after it was changed";
                        break;
                    }
                    checkedUpTo = lineSeq;
                }
                head = chain;
                seq = lineSeq;
                count = n;
                block.add(event);
                if (block.size() == BLOCK) {
                    folder.give(block);
                    block = new ArrayList<>(BLOCK);
                }
            }
        } finally {
            if (!block.isEmpty()) folder.give(block);
            folder.give(List.of()); // the end
        }
        folding.join();
        if (problem == null && folder.problem != null) problem = folder.problem;
        return new Result(problem, count, seq, head, problem == null ? Bundle.hex(fileSha.digest()) : null, disagreeing, folder.start,
                folder.state, folder.atOrBeforeFrom, folder.lastAt, folder.events);
    }

    /**
     * The event's seq, without decoding it: canonical JSON sorts the item's keys, so {@code seq}
     * is its last field ({@code …,"seq":N}); -1 when the text does not end so.
     */
    static long seqOf(String eventJson) {
        int at = eventJson.lastIndexOf(",\"seq\":");
        if (at < 0 || !eventJson.endsWith("}")) return -1;
        int i = at + 7;
        int end = eventJson.length() - 1;
        if (i >= end || end - i > 18) return -1;
        long v = 0;
        for (; i < end; i++) {
            char c = eventJson.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * Decodes blocks on a pool of its own (decoding is most of the work) and folds them, in seq
     * order, on its own thread; stops at the first event it cannot read.
     */
    private static final class Folder implements Runnable {
        private static final ExecutorService DECODERS = Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), r -> Thread.ofPlatform().daemon().name("bundle-decode").unstarted(r));
        private static final CompletableFuture<Object[]> END = CompletableFuture.completedFuture(new Object[0]);
        private final BlockingQueue<CompletableFuture<Object[]>> queue = new ArrayBlockingQueue<>(8);
        private final long startSeq;
        /** Times are compared to the millisecond, as the event log the exporter cut the range from compares them. */
        private final Instant fromMillis;
        private final boolean keep;
        volatile long atOrBeforeFrom;
        volatile Instant lastAt = Instant.MIN;
        final List<Event> events = new ArrayList<>();
        volatile PlatformState state = PlatformState.EMPTY;
        volatile PlatformState start = PlatformState.EMPTY;
        volatile String problem;

        Folder(long startSeq, Instant from, boolean keep) {
            this.startSeq = startSeq;
            this.fromMillis = from.truncatedTo(ChronoUnit.MILLIS);
            this.keep = keep;
        }

        void give(List<String> block) {
            try {
                queue.put(block.isEmpty() ? END : CompletableFuture.supplyAsync(() -> decodeAll(block), DECODERS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while verifying", e);
            }
        }

        /** A plain loop, not a stream: a fresh JVM compiles a stream pipeline with the whole decoder inlined into it. */
        private static Object[] decodeAll(List<String> block) {
            Object[] out = new Object[block.size()];
            for (int i = 0; i < out.length; i++) out[i] = decode(block.get(i));
            return out;
        }

        /** The event, or the problem with its text. */
        private static Object decode(String text) {
            try {
                return Codec.decodeEvent(text);
            } catch (DecodeException ex) {
                return "events.ndjson seq " + seqOf(text) + ": not a valid event (" + ex.getMessage() + ")";
            }
        }

        @Override
        public void run() {
            PlatformState s = PlatformState.EMPTY;
            try {
                for (CompletableFuture<Object[]> next = queue.take(); next != END; next = queue.take()) {
                    Object[] decoded = next.join();
                    if (problem != null) continue; // drain: the reader must never block on a full queue
                    for (Object o : decoded) {
                        if (o instanceof String bad) {
                            problem = bad;
                            break;
                        }
                        Event e = (Event) o;
                        if (e.at().isAfter(lastAt)) lastAt = e.at(); // the running latest time: what "known at t" is measured by
                        if (!lastAt.truncatedTo(ChronoUnit.MILLIS).isAfter(fromMillis)) atOrBeforeFrom++;
                        s = StateFold.apply(s, e);
                        if (e.seq() == startSeq) start = s;
                        if (keep) events.add(e);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problem = "verification interrupted";
            } catch (RuntimeException e) {
                problem = "events.ndjson: the events cannot be folded into a state (" + e.getMessage() + ")";
            }
            state = s;
        }
    }
}
