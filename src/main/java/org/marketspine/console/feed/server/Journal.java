package org.marketspine.console.feed.server;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.marketspine.console.feed.EventSink.Timed;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.StateFold;
import org.marketspine.console.protocol.Canonical;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.DecodeException;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.FeedChain;
import org.marketspine.console.protocol.Message;

/**
 * The feed's persistent, gap-free sequence of events: an event is committed to the store before
 * any session can read it, so seq survives restarts and {@code kill -9}. The store is a SQLite
 * file (one feed server) or a PostgreSQL database several feed servers share (see
 * {@link JournalStore}); everything else here is the same for both.
 *
 * <p>Items are stored as their wire JSON — in canonical form (RFC 8785), so replay never
 * re-encodes and a client hashes each item as it arrives — each with its value of the feed's hash
 * chain (FEED-PROTOCOL "Checkpoints signed by the feed"), computed at append over exactly that
 * text, under the journal's write lock. A shared journal is followed: rows other servers wrote are
 * read back in order, their chain re-checked, and folded as if appended here.
 */
public final class Journal implements AutoCloseable {
    private static final int RECENT = 8192;
    private static final int CATCH_UP_ROWS = 10_000;

    private final JournalStore store;
    private final ReentrantLock headLock = new ReentrantLock();
    private final Condition advanced = headLock.newCondition();
    /**
     * The live tail, by seq modulo its size. Each slot carries its seq: a large append can overwrite
     * slots while a session copies from them, so a reader takes only slots it has verified by seq
     * (and reads the rest from the store).
     */
    private final AtomicReferenceArray<Slot> recent = new AtomicReferenceArray<>(RECENT);

    private record Slot(long seq, String item, String chain) {}
    private volatile long headSeq;
    private volatile String headChain;
    /** The chain's digest, reused under this journal's monitor (every append and catch-up holds it). */
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
    /** Told the events other servers of a shared journal wrote, after they are folded here. */
    private volatile Consumer<List<Event>> elsewhere = events -> { };
    /** Null for a journal only this server writes. */
    private final JournalFollower follower;

    private Journal(JournalStore store) {
        this.store = store;
        headSeq = store.headSeq();
        headChain = headSeq == 0 ? FeedChain.GENESIS : storedChain(headSeq);
        follower = store.shared() ? new JournalFollower(store, this::catchUp) : null;
    }

    /** Where the journal at {@code journal} keeps its feed key. */
    public static Path keyFile(Path journal) {
        return journal.resolveSibling(journal.getFileName() + ".key.pem");
    }

    /**
     * Opens (or creates) a journal file for one feed server. Replays need only the stored items; the
     * state (for commands and sources) is folded from them on a background thread the first time it
     * is needed, so a restarted server serves clients at once.
     */
    public static Journal open(Path file) {
        try {
            return new Journal(new SqliteJournalStore(file));
        } catch (SQLException | IOException | RuntimeException e) {
            throw new IllegalStateException("cannot open journal " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens (or creates) a journal in a PostgreSQL database that several feed servers share: one
     * seq, one chain and one feed key for all of them, so a client resumes on any.
     */
    public static Journal openShared(String jdbcUrl, String user, String password) {
        return new Journal(PostgresJournalStore.open(jdbcUrl, user, password));
    }

    /** The feed key stored in a shared journal, without creating anything; null when no server has made it yet. */
    public static Message.FeedKey sharedFeedKey(String jdbcUrl, String user, String password) {
        return PostgresJournalStore.storedKey(jdbcUrl, user, password);
    }

    public String feedId() {
        return store.identity().feedId();
    }

    /** The journal's name in messages (a path, or a JDBC URL without secrets). */
    public String describe() {
        return store.describe();
    }

    /** True when other feed servers write this journal too. */
    public boolean isShared() {
        return store.shared();
    }

    public long headSeq() {
        return headSeq;
    }

    /** The public half of this feed's key, as {@code welcome.feed_key} carries it. */
    public Message.FeedKey feedKey() {
        return store.identity().keys().wire();
    }

    /** The hash chain after item {@code seq} (0: the genesis value). */
    public String chainAt(long seq) {
        if (seq == 0) return FeedChain.GENESIS;
        if (seq < 0 || seq > headSeq) throw new IllegalArgumentException("seq " + seq + " is outside this journal (head " + headSeq + ")");
        Slot slot = recent.get((int) (seq % RECENT));
        if (slot != null && slot.seq() == seq) return slot.chain();
        return storedChain(seq);
    }

    private String storedChain(long seq) {
        String chain = store.chainAt(seq);
        if (chain == null) throw new IllegalStateException("journal " + describe() + " has no chain value at seq " + seq);
        return chain;
    }

    /** The checkpoint at exactly {@code seq}, signed by this feed's key (once per seq; then the same one). */
    public Message.Checkpoint checkpoint(long seq, Instant now) {
        return signed.computeIfAbsent(seq, s -> FeedChain.sign(store.identity().keys().privateKey(), feedId(), s, chainAt(s),
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

    /** Appends one fact durably and returns it with its seq. */
    public Event append(Instant at, EventData data) {
        return appendAll(List.of(new Timed(at, data))).get(0);
    }

    /** Appends facts in one transaction: all are durable, or none. */
    public List<Event> appendAll(List<Timed> facts) {
        return write(state -> facts);
    }

    /**
     * Appends the platform source's facts: on a shared journal only while this server leads (else
     * nothing is written and this throws), so a server that lost the leadership and has not yet
     * stopped its source cannot write beside the new leader's.
     */
    public List<Event> appendAsLeader(List<Timed> facts) {
        return write(state -> facts, true);
    }

    /**
     * Decides and appends in one step under the journal's write lock, held against every server of
     * a shared journal: {@code decide} sees the state after every event any of them journaled (a
     * command's rule check), and what it returns is appended after exactly that state, or nothing is.
     */
    public List<Event> write(Function<PlatformState, List<Timed>> decide) {
        return write(decide, false);
    }

    private synchronized List<Event> write(Function<PlatformState, List<Timed>> decide, boolean asLeader) {
        List<Event> events = new ArrayList<>();
        List<JournalStore.NewRow> rows = new ArrayList<>();
        state(); // a fresh server's first fold is done before it takes the write lock every server waits on
        store.write(stored -> {
            catchUpTo(stored);
            events.clear();
            rows.clear();
            long seq = headSeq;
            String chain = headChain;
            for (Timed t : decide.apply(state())) {
                // At most milliseconds, as the protocol writes times (a source's clock or database may give micro- or nanoseconds).
                Instant at = t.at().truncatedTo(ChronoUnit.MILLIS);
                Event e = Event.of(++seq, at, t.data());
                String item = Canonical.of(e);
                chain = hasher.next(chain, item);
                events.add(e);
                rows.add(new JournalStore.NewRow(seq, at, e.kind(), item, chain));
            }
            return rows;
        }, asLeader);
        if (events.isEmpty()) return events;
        PlatformState s = state();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            s = StateFold.apply(s, e);
            recent.set((int) (e.seq() % RECENT), new Slot(e.seq(), rows.get(i).item(), rows.get(i).chain()));
        }
        fold.advanced(s);
        headChain = rows.get(rows.size() - 1).chain();
        publish(events.get(events.size() - 1).seq());
        return events;
    }

    /** Reads what other servers of a shared journal wrote since this one last looked. */
    public synchronized void catchUp() {
        catchUpTo(store.headSeq());
    }

    private void catchUpTo(long stored) {
        if (stored < headSeq) {
            throw new IllegalStateException("journal " + describe() + " went back from seq " + headSeq + " to " + stored
                    + " (was it restored from a backup?); this server stops writing to it");
        }
        while (headSeq < stored) {
            List<JournalStore.Row> rows = store.readRows(headSeq, CATCH_UP_ROWS);
            if (rows.isEmpty()) throw new IllegalStateException("journal " + describe() + " holds nothing after seq " + headSeq + " but its head is " + stored);
            ingest(rows);
        }
    }

    /** Folds rows read back from the store, re-checking that each follows the last and carries the chain value it must. */
    private void ingest(List<JournalStore.Row> rows) {
        PlatformState s = state();
        long seq = headSeq;
        String chain = headChain;
        List<Event> foreign = new ArrayList<>();
        for (JournalStore.Row r : rows) {
            if (r.seq() != seq + 1) throw new IllegalStateException("journal " + describe() + " skips from seq " + seq + " to " + r.seq());
            String expected = hasher.next(chain, r.item());
            if (!expected.equals(r.chain())) {
                throw new IllegalStateException("journal " + describe() + ": the chain value stored at seq " + r.seq()
                        + " is not the one its item makes; the journal was changed behind the feed servers");
            }
            Event e;
            try {
                e = Codec.decodeEvent(r.item());
            } catch (DecodeException bad) {
                throw new IllegalStateException("journal " + describe() + " holds an unreadable event at seq " + r.seq() + ": " + bad.getMessage(), bad);
            }
            s = StateFold.apply(s, e);
            recent.set((int) (r.seq() % RECENT), new Slot(r.seq(), r.item(), r.chain()));
            if (!store.identity().origin().equals(r.origin())) foreign.add(e);
            seq = r.seq();
            chain = expected;
        }
        fold.advanced(s);
        headChain = chain;
        publish(seq);
        if (!foreign.isEmpty()) elsewhere.accept(foreign);
    }

    /** Who hears of events other servers of a shared journal wrote (after they are folded here). */
    public void onWrittenElsewhere(Consumer<List<Event>> listener) {
        this.elsewhere = listener;
    }

    /** Tries to become the server that runs the platform source; always yes for a journal only this server uses. */
    public boolean tryLead() {
        return store.tryLead();
    }

    /** Whether this server still holds the leadership it took. */
    public boolean stillLeading() {
        return store.stillLeading();
    }

    /** Gives the leadership up, so that another server may take it. */
    public void releaseLead() {
        store.releaseLead();
    }

    /** Whether any server of this journal leads now (always, for a journal only this server uses). */
    public boolean someoneLeads() {
        return store.someoneLeads();
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
            // Live tail: served from memory, no store read.
            ItemBatch batch = new ItemBatch(out, maxBytes);
            for (long s = afterSeq + 1; s <= head && out.size() < maxItems; s++) {
                Slot slot = recent.get((int) (s % RECENT));
                if (slot == null || slot.seq() != s) break; // overwritten by a later append (or not there yet): from the store
                if (!batch.add(slot.item())) return out;
            }
            if (out.size() == Math.min(maxItems, head - afterSeq)) return out;
            out.clear();
        }
        // Never past this server's head: a shared journal's store may already hold rows not yet checked and folded here.
        store.readItems(afterSeq, (int) Math.min(maxItems, head - afterSeq), new ItemBatch(out, maxBytes));
        return out;
    }

    public String meta(String key) {
        return store.meta(key);
    }

    public void setMeta(String key, String value) {
        store.setMeta(key, value);
    }

    @Override
    public void close() {
        if (follower != null) follower.close();
        fold.awaitQuietly();
        synchronized (this) {
            store.close();
        }
    }
}
