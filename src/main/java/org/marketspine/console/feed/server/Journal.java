package org.marketspine.console.feed.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.marketspine.console.feed.EventSink.Timed;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.StateFold;
import org.marketspine.console.protocol.Canonical;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.FeedChain;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SigningKeys;

/**
 * The feed's persistent, gap-free sequence of events (SQLite, WAL, synchronous=FULL): an event is
 * committed to disk before any session can read it, so seq survives restarts and {@code kill -9}.
 *
 * <p>One writer (the platform thread) appends; sessions read concurrently. Items are stored as
 * their wire JSON — in canonical form (RFC 8785), so replay never re-encodes and a client hashes
 * each item as it arrives — each with its value of the feed's hash chain (FEED-PROTOCOL
 * "Checkpoints signed by the feed"), computed at append over exactly that text. The feed's Ed25519 key lives beside the journal ({@code <journal>.key.pem},
 * owner-only) and signs checkpoints.
 */
public final class Journal implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Journal.class.getName());
    private static final int RECENT = 8192;

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock headLock = new ReentrantLock();
    private final Condition advanced = headLock.newCondition();
    private final String feedId;
    /**
     * The live tail, by seq modulo its size. Each slot carries its seq: a large append can overwrite
     * slots while a session copies from them, so a reader takes only slots it has verified by seq
     * (and reads the rest from disk).
     */
    private final AtomicReferenceArray<Slot> recent = new AtomicReferenceArray<>(RECENT);

    private record Slot(long seq, String item, String chain) {}
    private volatile long headSeq;
    private volatile String headChain = FeedChain.GENESIS;
    private final SigningKeys keys;
    /** The chain's digest, reused by the one writer (appends are synchronized). */
    private final FeedChain.Hasher hasher = new FeedChain.Hasher();
    /** Signed checkpoints by seq: every session that passes seq N gets the same one, signed once. */
    private final Map<Long, Message.Checkpoint> signed = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Message.Checkpoint> eldest) {
                    return size() > 4096;
                }
            });
    private final JournalFold fold = new JournalFold(this);

    private Journal(Path file) throws SQLException, IOException {
        this.file = file;
        this.keys = SigningKeys.loadOrCreate(keyFile(file));
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        writer = DriverManager.getConnection(url);
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=5000");
            s.execute("CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, "
                    + "kind TEXT NOT NULL, item TEXT NOT NULL, chain TEXT)");
            s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            if (!hasChainColumn(s)) s.execute("ALTER TABLE events ADD COLUMN chain TEXT");
        }
        reader = DriverManager.getConnection(url);
        try (Statement s = reader.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
        }
        String id = meta("feed_id");
        if (id == null) {
            id = UUID.randomUUID().toString();
            setMeta("feed_id", id);
        }
        feedId = id;
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq),0) FROM events")) {
            headSeq = rs.next() ? rs.getLong(1) : 0;
        }
        headChain = JournalChains.completeChain(writer, headSeq, this::chainAt, file);
    }

    /** Where the journal at {@code journal} keeps its feed key. */
    public static Path keyFile(Path journal) {
        return journal.resolveSibling(journal.getFileName() + ".key.pem");
    }

    private static boolean hasChainColumn(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(events)")) {
            while (rs.next()) if ("chain".equals(rs.getString("name"))) return true;
        }
        return false;
    }


    /**
     * Opens (or creates) a journal. Replays need only the stored items; the state (for commands
     * and sources) is folded from them on a background thread the first time it is needed, so a
     * restarted server serves clients at once.
     */
    public static Journal open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            return new Journal(file);
        } catch (SQLException | IOException | RuntimeException e) {
            throw new IllegalStateException("cannot open journal " + file + ": " + e.getMessage(), e);
        }
    }

    public String feedId() {
        return feedId;
    }

    public Path file() {
        return file;
    }

    public long headSeq() {
        return headSeq;
    }

    /** The public half of this feed's key, as {@code welcome.feed_key} carries it. */
    public Message.FeedKey feedKey() {
        return keys.wire();
    }

    /** The hash chain after item {@code seq} (0: the genesis value). */
    public String chainAt(long seq) {
        if (seq == 0) return FeedChain.GENESIS;
        if (seq < 0 || seq > headSeq) throw new IllegalArgumentException("seq " + seq + " is outside this journal (head " + headSeq + ")");
        Slot slot = recent.get((int) (seq % RECENT));
        if (slot != null && slot.seq() == seq) return slot.chain();
        readLock.lock();
        try (PreparedStatement ps = reader.prepareStatement("SELECT chain FROM events WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                String chain = rs.next() ? rs.getString(1) : null;
                if (chain == null) throw new IllegalStateException("journal " + file + " has no chain value at seq " + seq);
                return chain;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read journal " + file + ": " + e.getMessage(), e);
        } finally {
            readLock.unlock();
        }
    }

    /** The checkpoint at exactly {@code seq}, signed by this feed's key (once per seq; then the same one). */
    public Message.Checkpoint checkpoint(long seq, Instant now) {
        return signed.computeIfAbsent(seq, s -> FeedChain.sign(keys.privateKey(), feedId, s, chainAt(s),
                now.truncatedTo(ChronoUnit.MILLIS).toString()));
    }

    /** Starts folding the stored events into the state, once; {@link #state()} does it on demand. */
    public void startLoading() {
        fold.start();
    }

    /** The state after the last event; the first call waits for the stored events to be folded. */
    public PlatformState state() {
        return fold.state();
    }

    /** Appends one fact durably and returns it with its seq. Only the platform thread calls this. */
    public synchronized Event append(Instant at, EventData data) {
        return appendAll(List.of(new Timed(at, data))).get(0);
    }

    /** Appends facts in one transaction: all are durable, or none. */
    public synchronized List<Event> appendAll(List<Timed> facts) {
        PlatformState s = state();
        List<Event> events = new ArrayList<>(facts.size());
        List<String> items = new ArrayList<>(facts.size());
        List<String> chains = new ArrayList<>(facts.size());
        long seq = headSeq;
        String chain = headChain;
        for (Timed t : facts) {
            Event e = Event.of(++seq, t.at(), t.data());
            events.add(e);
            String item = Canonical.of(e);
            items.add(item);
            chain = hasher.next(chain, item);
            chains.add(chain);
        }
        try {
            writer.setAutoCommit(false);
            try (PreparedStatement ps = writer.prepareStatement("INSERT INTO events(seq, at, kind, item, chain) VALUES (?,?,?,?,?)")) {
                for (int i = 0; i < events.size(); i++) {
                    Event e = events.get(i);
                    ps.setLong(1, e.seq());
                    ps.setString(2, e.at().toString());
                    ps.setString(3, e.kind());
                    ps.setString(4, items.get(i));
                    ps.setString(5, chains.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            writer.commit();
        } catch (SQLException e) {
            try {
                writer.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw new IllegalStateException("cannot write to journal " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                writer.setAutoCommit(true);
            } catch (SQLException e) {
                LOG.warning("journal autocommit reset failed: " + e.getMessage());
            }
        }
        for (int i = 0; i < events.size(); i++) {
            s = StateFold.apply(s, events.get(i));
            recent.set((int) (events.get(i).seq() % RECENT), new Slot(events.get(i).seq(), items.get(i), chains.get(i)));
        }
        fold.advanced(s);
        headChain = chain;
        publish(seq);
        return events;
    }

    private void publish(long seq) {
        headLock.lock();
        try {
            headSeq = seq;
            advanced.signalAll();
        } finally {
            headLock.unlock();
        }
    }

    /** Waits until the head passes {@code seq} or the timeout ends; true if it did. */
    public boolean awaitBeyond(long seq, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        headLock.lock();
        try {
            while (headSeq <= seq) {
                if (nanos <= 0) return false;
                nanos = advanced.awaitNanos(nanos);
            }
            return true;
        } finally {
            headLock.unlock();
        }
    }

    /**
     * Encoded items with seq after {@code afterSeq}: at most {@code maxItems}, and at most {@code maxBytes}
     * of UTF-8 with a comma between items (the first item always, whatever its size).
     */
    public List<String> readItems(long afterSeq, int maxItems, int maxBytes) {
        long head = headSeq;
        List<String> out = new ArrayList<>();
        if (afterSeq >= head) return out;
        if (head - afterSeq < RECENT - 64) {
            // Live tail: served from memory, no disk read.
            ItemBatch batch = new ItemBatch(out, maxBytes);
            for (long s = afterSeq + 1; s <= head && out.size() < maxItems; s++) {
                Slot slot = recent.get((int) (s % RECENT));
                if (slot == null || slot.seq() != s) break; // overwritten by a later append (or not there yet): from disk
                if (!batch.add(slot.item())) return out;
            }
            if (out.size() == Math.min(maxItems, head - afterSeq)) return out;
            out.clear();
        }
        readLock.lock();
        try (PreparedStatement ps = reader.prepareStatement("SELECT item FROM events WHERE seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, afterSeq);
            ps.setInt(2, maxItems);
            ItemBatch batch = new ItemBatch(out, maxBytes);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && batch.add(rs.getString(1))) {
                    // added
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read journal " + file + ": " + e.getMessage(), e);
        } finally {
            readLock.unlock();
        }
    }

    public String meta(String key) {
        try (PreparedStatement ps = writer.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read journal meta: " + e.getMessage(), e);
        }
    }

    public synchronized void setMeta(String key, String value) {
        try (PreparedStatement ps = writer.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write journal meta: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        fold.awaitQuietly();
        synchronized (this) {
            closeQuietly(writer);
        }
        readLock.lock();
        try {
            closeQuietly(reader);
        } finally {
            readLock.unlock();
        }
    }

    private void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warning("closing journal " + file + ": " + e.getMessage());
        }
    }
}
