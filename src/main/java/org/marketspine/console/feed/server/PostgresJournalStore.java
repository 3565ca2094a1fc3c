package org.marketspine.console.feed.server;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;
import java.util.logging.Logger;
import org.marketspine.console.feed.Redact;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SigningKeys;
import org.postgresql.PGConnection;

/**
 * A journal in PostgreSQL that several feed servers share (FEED-PROTOCOL "seq": gap-free; one
 * chain, one feed id and one feed key for all of them, so a client resumes on any).
 *
 * <ul>
 * <li>seq is assigned under a transaction-scoped advisory lock — the next seq is the stored head
 *     plus one, read under the lock — never a SEQUENCE, which leaves gaps when a transaction rolls
 *     back; {@code PRIMARY KEY (seq)} refuses a duplicate whatever happens.</li>
 * <li>Every write ends with {@code pg_notify}: the other servers wake and re-read {@code seq >
 *     their head}; the notice carries no data (the follower also polls, a notice can be missed).</li>
 * <li>One server runs the platform source: the one holding a session advisory lock, released by
 *     PostgreSQL when that server's connection ends (a crash included).</li>
 * <li>The feed key is stored in the journal's database (the file beside a SQLite journal): who can
 *     read {@code spine_feed_meta} can sign as this feed, so grant it only to the feed servers' role.</li>
 * </ul>
 * The advisory locks are keyed by the schema, so journals in different schemas of one database do not contend.
 */
final class PostgresJournalStore implements JournalStore {
    private static final Logger LOG = Logger.getLogger(PostgresJournalStore.class.getName());
    static final String CHANNEL = "spine_feed";

    private final String url;
    private final Properties credentials;
    private final String described;
    private final ReentrantLock readLock = new ReentrantLock();
    /**
     * Meta writes (the leader's source status) have a connection of their own: the writer's lock is
     * held for a whole append, its platform decision included, and a status must get out while
     * that decision is stuck.
     */
    private final ReentrantLock metaLock = new ReentrantLock();
    private Connection writer;
    private Connection reader;
    private Connection metaWriter;
    /** Set by {@link #close()} (under {@link #metaLock}): a late meta write must not open a connection nobody closes. */
    private boolean metaClosed;
    private Connection listener;
    /** Made once the lock space is known (at {@link #create()}). */
    private PostgresLeaderLock leaderLock;
    private int lockSpace;
    private Identity identity;

    private PostgresJournalStore(String url, String user, String password) {
        this.url = url;
        this.credentials = new Properties();
        if (user != null) credentials.setProperty("user", user);
        if (password != null) credentials.setProperty("password", password);
        credentials.setProperty("connectTimeout", "10");
        credentials.setProperty("socketTimeout", "30"); // a half-open connection fails a read instead of hanging a session
        credentials.setProperty("ApplicationName", "spine-feed");
        this.described = Redact.jdbcUrl(url);
    }

    static PostgresJournalStore open(String url, String user, String password) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a shared journal is a PostgreSQL database (jdbc:postgresql://host/db), not " + Redact.jdbcUrl(url));
        }
        PostgresJournalStore store = new PostgresJournalStore(url, user, password);
        try {
            store.create();
            return store;
        } catch (SQLException | IOException | RuntimeException e) {
            store.close();
            throw new IllegalStateException("cannot open journal " + store.described + ": " + Redact.jdbcUrl(String.valueOf(e.getMessage())));
        }
    }

    /** The public half of the feed key in a journal's database, read only; null when there is none yet. */
    static Message.FeedKey storedKey(String url, String user, String password) {
        PostgresJournalStore store = new PostgresJournalStore(url, user, password);
        try (Connection c = store.connect()) {
            if (!PostgresJournalTables.exist(c)) return null;
            String pem = PostgresJournalTables.readMeta(c, "feed_key");
            return pem == null ? null : SigningKeys.parse(pem, "the feed key in " + store.described).wire();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read journal " + store.described + ": " + Redact.jdbcUrl(String.valueOf(e.getMessage())));
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials);
    }

    /** Tables, feed id and feed key, made once under the write lock: two servers starting together agree on one of each. */
    private void create() throws SQLException, IOException {
        writer = connect();
        lockSpace = PostgresJournalTables.lockSpace(writer);
        writer.setAutoCommit(false);
        try {
            PostgresJournalTables.lockForWrite(writer, lockSpace);
            PostgresJournalTables.create(writer);
            String feedId = PostgresJournalTables.readMeta(writer, "feed_id");
            if (feedId == null) {
                feedId = UUID.randomUUID().toString();
                PostgresJournalTables.writeMeta(writer, "feed_id", feedId);
            }
            String pem = PostgresJournalTables.readMeta(writer, "feed_key");
            SigningKeys keys;
            if (pem == null) {
                keys = SigningKeys.create();
                PostgresJournalTables.writeMeta(writer, "feed_key", keys.pemText());
                LOG.info("journal " + described + ": made the feed key " + keys.fingerprint());
            } else {
                keys = SigningKeys.parse(pem, "the feed key in " + described);
            }
            writer.commit();
            identity = new Identity(feedId, keys, UUID.randomUUID().toString());
        } catch (SQLException | IOException | RuntimeException e) {
            writer.rollback();
            throw e;
        } finally {
            writer.setAutoCommit(true);
        }
        reader = connect();
        leaderLock = new PostgresLeaderLock(url, credentials, lockSpace, described);
    }

    @Override
    public String describe() {
        return described;
    }

    @Override
    public Identity identity() {
        return identity;
    }

    /** The reader, reopened after a failure (a restarted database, a dropped connection). Holds {@link #readLock}. */
    private Connection reader() throws SQLException {
        if (reader == null || reader.isClosed()) reader = connect();
        return reader;
    }

    private <T> T read(SqlRead<T> query) {
        readLock.lock();
        try {
            return query.run(reader());
        } catch (SQLException e) {
            reader = closeQuietly(reader);
            throw failed("read", e);
        } finally {
            readLock.unlock();
        }
    }

    private interface SqlRead<T> {
        T run(Connection c) throws SQLException;
    }

    @Override
    public long headSeq() {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq),0) FROM spine_feed_events")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    @Override
    public String chainAt(long seq) {
        return read(c -> Sql.oneString(c, "SELECT chain FROM spine_feed_events WHERE seq = ?", seq));
    }

    @Override
    public void readItems(long afterSeq, int maxItems, ItemBatch batch) {
        read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT item FROM spine_feed_events WHERE seq > ? ORDER BY seq LIMIT ?")) {
                ps.setLong(1, afterSeq);
                ps.setInt(2, maxItems);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && batch.add(rs.getString(1))) {
                        // added
                    }
                }
            }
            return null;
        });
    }

    @Override
    public List<Row> readRows(long afterSeq, int maxItems) {
        return read(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT seq, item, chain, origin FROM spine_feed_events WHERE seq > ? ORDER BY seq LIMIT ?")) {
                ps.setLong(1, afterSeq);
                ps.setInt(2, maxItems);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return rows;
        });
    }

    @Override
    public synchronized void write(LongFunction<List<NewRow>> decide, boolean asLeader) {
        try {
            if (writer == null || writer.isClosed()) writer = connect();
            writer.setAutoCommit(false);
            try {
                PostgresJournalTables.lockForWrite(writer, lockSpace);
                if (asLeader && !leaderLock.held(writer, true)) {
                    throw new IllegalStateException("this feed server no longer leads journal " + described
                            + ": its platform source's facts are refused (the leader's source writes them)");
                }
                long head;
                try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq),0) FROM spine_feed_events")) {
                    head = rs.next() ? rs.getLong(1) : 0;
                }
                List<NewRow> rows = decide.apply(head);
                if (!rows.isEmpty()) {
                    try (PreparedStatement ps = writer.prepareStatement(
                            "INSERT INTO spine_feed_events(seq, at, kind, item, chain, origin) VALUES (?,?,?,?,?,?)")) {
                        for (NewRow r : rows) {
                            r.bind(ps);
                            ps.setString(6, identity.origin());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    try (PreparedStatement ps = writer.prepareStatement("SELECT pg_notify(?, ?)")) {
                        ps.setString(1, CHANNEL);
                        ps.setString(2, Long.toString(rows.get(rows.size() - 1).seq()));
                        ps.execute();
                    }
                }
                writer.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                throw e;
            } finally {
                if (!writer.isClosed()) writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            writer = closeQuietly(writer);
            throw failed("write to", e);
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            writer.rollback();
        } catch (SQLException rollback) {
            cause.addSuppressed(rollback);
        }
    }

    @Override
    public String meta(String key) {
        return read(c -> PostgresJournalTables.readMeta(c, key));
    }

    @Override
    public void setMeta(String key, String value) {
        metaLock.lock();
        try {
            if (metaClosed) throw new IllegalStateException("journal " + described + " is closed: " + key + " not stored");
            if (metaWriter == null || metaWriter.isClosed()) metaWriter = connect();
            PostgresJournalTables.writeMeta(metaWriter, key, value);
        } catch (SQLException e) {
            metaWriter = closeQuietly(metaWriter);
            throw failed("write to", e);
        } finally {
            metaLock.unlock();
        }
    }

    @Override
    public boolean shared() {
        return true;
    }

    /** Only the follower thread calls this. */
    @Override
    public void awaitWrites(Duration timeout) {
        try {
            if (listener == null || listener.isClosed()) {
                listener = connect();
                try (Statement s = listener.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
            }
            listener.unwrap(PGConnection.class).getNotifications((int) timeout.toMillis());
        } catch (SQLException e) {
            listener = closeQuietly(listener);
            throw failed("listen to", e);
        }
    }

    @Override
    public boolean tryLead() {
        try {
            return leaderLock.tryLead();
        } catch (SQLException e) {
            throw failed("contend for the leadership of", e);
        }
    }

    @Override
    public boolean stillLeading() {
        return leaderLock.stillLeading();
    }

    @Override
    public void releaseLead() {
        leaderLock.release();
    }

    @Override
    public boolean someoneLeads() {
        return read(c -> leaderLock.held(c, false));
    }

    /**
     * The driver's message, with any password in it masked (a URL the driver refused comes back in
     * "No suitable driver found for …"); the driver's exception itself is not passed on, its message
     * being the one that could carry the secret.
     */
    private IllegalStateException failed(String verb, SQLException e) {
        return new IllegalStateException("cannot " + verb + " journal " + described + ": " + Redact.jdbcUrl(String.valueOf(e.getMessage()))
                + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")"));
    }

    @Override
    public void close() {
        synchronized (this) {
            writer = closeQuietly(writer);
        }
        if (leaderLock != null) leaderLock.close();
        readLock.lock();
        try {
            reader = closeQuietly(reader);
        } finally {
            readLock.unlock();
        }
        metaLock.lock();
        try {
            metaClosed = true;
            metaWriter = closeQuietly(metaWriter);
        } finally {
            metaLock.unlock();
        }
        listener = closeQuietly(listener);
    }

    static Connection closeQuietly(Connection c) {
        if (c == null) return null;
        try {
            c.close();
        } catch (SQLException e) {
            LOG.fine("closing a journal connection: " + e.getMessage());
        }
        return null;
    }
}
