package org.marketspine.console.feed.client;

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

/**
 * The events a client has seen of one feed, kept in the user's data directory (one NDJSON line
 * per event, plus the feed's identity), so a restart shows the last known state at once and asks
 * the feed only for what is new. A cache that cannot be read is set aside, never fatal.
 */
public final class EventCache implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventCache.class.getName());

    private final Path events;
    private final Path identity;
    private final List<Event> loaded;
    private final String problem;
    private String feedId;
    private BufferedWriter out;

    private EventCache(Path events, Path identity, List<Event> loaded, String feedId, String problem) {
        this.events = events;
        this.identity = identity;
        this.loaded = loaded;
        this.feedId = feedId;
        this.problem = problem;
    }

    /** Opens the cache named {@code key} in {@code dir}; a corrupt one is renamed aside and reported by {@link #problem()}. */
    public static EventCache open(Path dir, String key) throws IOException {
        Files.createDirectories(dir);
        Path events = dir.resolve(key + ".events.ndjson");
        Path identity = dir.resolve(key + ".feed");
        String feedId = Files.exists(identity) ? Files.readString(identity).trim() : null;
        List<Event> loaded = new ArrayList<>();
        String problem = null;
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
                    expected++;
                }
            } catch (DecodeException | IOException e) {
                Path aside = dir.resolve(key + ".events.corrupt-" + System.currentTimeMillis());
                Files.move(events, aside);
                Files.deleteIfExists(identity);
                problem = "The local cache of this feed was unreadable at line " + lineNo + " (" + e.getMessage()
                        + "). It was set aside as " + aside.getFileName() + "; the full history is being fetched again.";
                LOG.warning(problem);
                loaded.clear();
                feedId = null;
            }
        }
        return new EventCache(events, identity, List.copyOf(loaded), feedId, problem);
    }

    public List<Event> loaded() {
        return loaded;
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
        Files.writeString(identity, newFeedId == null ? "" : newFeedId);
        feedId = newFeedId;
    }

    public synchronized void rememberFeed(String id) throws IOException {
        if (id != null && !id.equals(feedId)) {
            Files.writeString(identity, id);
            feedId = id;
        }
    }

    /** Appends a batch (called on the log writer thread, after the log accepted it). */
    public synchronized void append(List<Event> batch) throws IOException {
        if (out == null) {
            out = Files.newBufferedWriter(events, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        for (Event e : batch) {
            out.write(Codec.encodeEvent(e));
            out.newLine();
        }
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
