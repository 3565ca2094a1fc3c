package org.marketspine.console.feed.server;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;
import org.marketspine.console.protocol.SigningKeys;

/**
 * Where a journal's rows live: a SQLite file for one feed server, or a PostgreSQL database that
 * several feed servers share. The store keeps rows, the feed's identity and key, and the write lock;
 * {@link Journal} keeps everything in memory (the live tail, the folded state, the head).
 */
interface JournalStore extends AutoCloseable {

    /** A stored event: its canonical wire item, the chain value after it, and which server wrote it. */
    record Row(long seq, String item, String chain, String origin) {}

    /** A row to store. */
    record NewRow(long seq, Instant at, String kind, String item, String chain) {
        /** Sets parameters 1–5 of an insert into a store's events table: seq, at, kind, item, chain. */
        void bind(PreparedStatement insert) throws SQLException {
            insert.setLong(1, seq);
            insert.setString(2, at.toString());
            insert.setString(3, kind);
            insert.setString(4, item);
            insert.setString(5, chain);
        }
    }

    /** The journal's name in messages: a file path, or a JDBC URL without its secrets. */
    String describe();

    /**
     * Who this journal is: its feed id and the feed key that signs its checkpoints (each made once,
     * at the first open, then the same for every server of it), and the id this server stores with
     * the rows it writes (others' rows are told to the source).
     */
    record Identity(String feedId, SigningKeys keys, String origin) {}

    Identity identity();

    /** The highest stored seq (0 when empty). */
    long headSeq();

    /** The chain value stored with {@code seq}, or null when that row has none (or is not there). */
    String chainAt(long seq);

    /** Adds stored items with seq after {@code afterSeq}, in order, while {@code batch} takes them. */
    void readItems(long afterSeq, int maxItems, ItemBatch batch);

    /** Up to {@code maxItems} stored rows after {@code afterSeq}, in order. */
    List<Row> readRows(long afterSeq, int maxItems);

    /**
     * Under the journal's write lock (held against every server of it): {@code decide} gets the
     * stored head and returns the rows to add after it; they are all stored, or none (an exception
     * from {@code decide} or the database stores nothing). Other servers are woken. With
     * {@code asLeader} (the platform source's facts) the write is refused, storing nothing, unless
     * this server holds the leadership at that moment: a server that lost it cannot write beside
     * the new leader's source.
     */
    void write(LongFunction<List<NewRow>> decide, boolean asLeader);

    String meta(String key);

    void setMeta(String key, String value);

    /** True when other servers may write to this journal too (they must be followed). */
    boolean shared();

    /**
     * Waits until another server may have written, or the timeout passes (a wake-up only: the
     * caller always re-reads). A store nobody else writes just waits.
     */
    void awaitWrites(Duration timeout) throws InterruptedException;

    /**
     * Tries to become the one server that runs the platform source (held until this server's
     * connection ends); true if this server holds it. A store only one server uses always says yes.
     */
    boolean tryLead();

    /** Whether this server still holds the leadership it took (its connection still answers). */
    boolean stillLeading();

    /** Gives the leadership up (its connection closed), so that another server may take it. */
    void releaseLead();

    /** Whether any server holds the leadership now. */
    boolean someoneLeads();

    @Override
    void close();
}
