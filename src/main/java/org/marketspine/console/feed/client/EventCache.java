package org.marketspine.console.feed.client;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.DecodeException;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.FeedChain;
import org.marketspine.console.protocol.Message;

/**
 * The events a client has seen of one feed, kept in the user's data directory (one NDJSON line
 * per event: its canonical JSON exactly as the feed chained it; plus the feed's identity and the
 * checkpoints it signed), so a restart shows the last known state at once, knows the feed's chain
 * at its last seq, and asks the feed only for what is new. A cache that cannot be read, or one
 * written before lines were canonical, is set aside, never fatal.
 */
public final class EventCache implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventCache.class.getName());

    /** The identity file's second line: lines are canonical texts, so their hashes are the feed's chain. */
    private static final String FORMAT = "format canonical/1";

    private final Path events;
    private final Path identity;
    private final Path checkpointFile;
    private List<Event> loaded;
    private final String problem;
    private final String chain;
    private final List<Message.Checkpoint> checkpoints;
    private String feedId;
    /** The fingerprint of the key the feed signed with, once seen (identity file, third line "key …"). */
    private String feedKey;
    private BufferedWriter out;

    private EventCache(Path events, Path identity, Path checkpointFile, List<Event> loaded, String chain, List<Message.Checkpoint> checkpoints,
                       String feedId, String problem) {
        this.events = events;
        this.identity = identity;
        this.checkpointFile = checkpointFile;
        this.loaded = loaded;
        this.chain = chain;
        this.checkpoints = new ArrayList<>(checkpoints);
        this.feedId = feedId;
        this.problem = problem;
    }

    /** Opens the cache named {@code key} in {@code dir}; a corrupt one is renamed aside and reported by {@link #problem()}. */
    public static EventCache open(Path dir, String key) throws IOException {
        Files.createDirectories(dir);
        Path events = dir.resolve(key + ".events.ndjson");
        Path identity = dir.resolve(key + ".feed");
        Path checkpointFile = dir.resolve(key + ".checkpoints.ndjson");
        List<String> id = Files.exists(identity) ? Files.readAllLines(identity) : List.of();
        String feedId = id.isEmpty() || id.get(0).isBlank() ? null : id.get(0).trim();
        List<Event> loaded = new ArrayList<>();
        String chain = FeedChain.GENESIS;
        FeedChain.Hasher hasher = new FeedChain.Hasher();
        String problem = null;
        if (Files.exists(events) && !(id.size() > 1 && FORMAT.equals(id.get(1).trim()))) {
            Path aside = dir.resolve(key + ".events.before-checkpoints-" + System.currentTimeMillis());
            Files.move(events, aside);
            Files.deleteIfExists(checkpointFile);
            LOG.info("the local cache " + events.getFileName() + " predates the feed's hash chain; set aside as " + aside.getFileName()
                    + " and fetched again");
        }
        if (Files.exists(events)) {
            long expected = 1;
            int lineNo = 0;
            try (var lines = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    lineNo++;
                    if (line.isBlank()) continue;
                    Event e = Codec.decodeEvent(line);
                    if (e.seq() != expected) throw new DecodeException("bad_message", "seq " + e.seq() + " where " + expected + " was expected");
                    loaded.add(e);
                    chain = hasher.next(chain, line);
                    expected++;
                }
            } catch (DecodeException | IOException e) {
                Path aside = dir.resolve(key + ".events.corrupt-" + System.currentTimeMillis());
                Files.move(events, aside);
                Files.deleteIfExists(identity);
                Files.deleteIfExists(checkpointFile);
                problem = "The local cache of this feed was unreadable at line " + lineNo + " (" + e.getMessage()
                        + "). It was set aside as " + aside.getFileName() + "; the full history is being fetched again.";
                LOG.warning(problem);
                loaded.clear();
                chain = FeedChain.GENESIS;
                feedId = null;
            }
        }
        List<Message.Checkpoint> checkpoints = new ArrayList<>();
        if (Files.exists(checkpointFile)) {
            for (String line : Files.readAllLines(checkpointFile, StandardCharsets.UTF_8)) {
                try {
                    if (Codec.decode(line) instanceof Message.Checkpoint c && c.seq() <= loaded.size()) checkpoints.add(c);
                } catch (DecodeException e) {
                    LOG.warning("skipped an unreadable line of " + checkpointFile.getFileName() + ": " + e.getMessage());
                }
            }
        }
        String keyFingerprint = problem == null && id.size() > 2 && id.get(2).startsWith("key ") ? id.get(2).substring(4).trim() : null;
        EventCache cache = new EventCache(events, identity, checkpointFile, List.copyOf(loaded), chain, checkpoints, feedId, problem);
        cache.feedKey = keyFingerprint;
        if (feedId != null) cache.writeIdentity();
        return cache;
    }

    private void writeIdentity() throws IOException {
        Files.write(identity, feedKey == null ? List.of(feedId == null ? "" : feedId, FORMAT)
                : List.of(feedId == null ? "" : feedId, FORMAT, "key " + feedKey));
    }

    /** The fingerprint of the key this feed signed with when last seen, or null. */
    public synchronized String feedKey() {
        return feedKey;
    }

    /** Remembers the feed's key fingerprint (the first one seen stays: a change is the client's integrity error, not a new truth). */
    public synchronized void rememberKey(String fingerprint) throws IOException {
        if (fingerprint == null || feedKey != null) return;
        feedKey = fingerprint;
        writeIdentity();
    }

    /** The feed's chain after the last loaded event (what the client's own recomputation continues from). */
    public String chain() {
        return chain;
    }

    /** The feed's checkpoints this client has checked, oldest first (a bundle carries those up to its end). */
    public synchronized List<Message.Checkpoint> checkpoints() {
        return List.copyOf(checkpoints);
    }

    /** The latest checkpoint that agreed with this client's chain (this run or an earlier one), or null. */
    public synchronized Message.Checkpoint lastCheckpoint() {
        return checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
    }

    /** Keeps a checkpoint that agreed with this client's chain. */
    public synchronized void remember(Message.Checkpoint c) throws IOException {
        if (!checkpoints.isEmpty() && checkpoints.get(checkpoints.size() - 1).seq() >= c.seq()) return;
        checkpoints.add(c);
        Files.writeString(checkpointFile, Codec.encode(c) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * The events read from the file when it was opened, handed over once: the cache then forgets
     * them (the caller's log holds them; keeping both doubled a restarted console's heap).
     */
    public synchronized List<Event> takeLoaded() {
        List<Event> out = loaded;
        loaded = List.of();
        return out;
    }

    public String feedId() {
        return feedId;
    }

    /** Why the cache was set aside at open, or null. */
    public String problem() {
        return problem;
    }

    /** Starts over for a different feed (another journal answered at the same address). */
    public synchronized void reset(String newFeedId) throws IOException {
        close();
        Files.deleteIfExists(events);
        Files.deleteIfExists(checkpointFile);
        checkpoints.clear();
        feedId = newFeedId;
        feedKey = null;
        writeIdentity();
    }

    public synchronized void rememberFeed(String id) throws IOException {
        if (id != null && !id.equals(feedId)) {
            feedId = id;
            writeIdentity();
        }
    }

    /** Appends a batch: each event's canonical JSON as the feed chained it, one per line. */
    public synchronized void append(List<String> canonical) throws IOException {
        if (out == null) {
            if (!Files.exists(identity)) writeIdentity();
            out = Files.newBufferedWriter(events, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        for (String text : canonical) {
            out.write(text);
            out.newLine();
        }
        out.flush();
    }

    /** The cached events' canonical texts, line n = seq n, to read in order (a bundle's events, not re-encoded). */
    public synchronized BufferedReader openTexts() throws IOException {
        if (out != null) out.flush();
        return Files.newBufferedReader(events, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
