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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;
import java.util.logging.Logger;
import org.marketspine.console.protocol.SigningKeys;

/**
 * A journal in one SQLite file (WAL, synchronous=FULL): an event is on disk before any session
 * can read it. One feed server writes it; its feed key lives beside it ({@code <journal>.key.pem},
 * owner-only).
 */
final class SqliteJournalStore implements JournalStore {
    private static final Logger LOG = Logger.getLogger(SqliteJournalStore.class.getName());

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock readLock = new ReentrantLock();
    private final Identity identity;

    SqliteJournalStore(Path file) throws SQLException, IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        SigningKeys keys = SigningKeys.loadOrCreate(Journal.keyFile(file));
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
        identity = new Identity(id, keys, UUID.randomUUID().toString());
        JournalChains.completeChain(writer, headSeq(), this::chainAt, file);
    }

    private static boolean hasChainColumn(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(events)")) {
            while (rs.next()) if ("chain".equals(rs.getString("name"))) return true;
        }
        return false;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public Identity identity() {
        return identity;
    }

    @Override
    public synchronized long headSeq() {
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq),0) FROM events")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw failed("read", e);
        }
    }

    @Override
    public String chainAt(long seq) {
        readLock.lock();
        try {
            return Sql.oneString(reader, "SELECT chain FROM events WHERE seq = ?", seq);
        } catch (SQLException e) {
            throw failed("read", e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public void readItems(long afterSeq, int maxItems, ItemBatch batch) {
        readLock.lock();
        try (PreparedStatement ps = reader.prepareStatement("SELECT item FROM events WHERE seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, afterSeq);
            ps.setInt(2, maxItems);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && batch.add(rs.getString(1))) {
                    // added
                }
            }
        } catch (SQLException e) {
            throw failed("read", e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public List<Row> readRows(long afterSeq, int maxItems) {
        List<Row> rows = new ArrayList<>();
        readLock.lock();
        try (PreparedStatement ps = reader.prepareStatement("SELECT seq, item, chain FROM events WHERE seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, afterSeq);
            ps.setInt(2, maxItems);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), identity.origin()));
            }
            return rows;
        } catch (SQLException e) {
            throw failed("read", e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public synchronized void write(LongFunction<List<NewRow>> decide, boolean asLeader) {
        List<NewRow> rows = decide.apply(headSeq());
        if (rows.isEmpty()) return;
        try {
            writer.setAutoCommit(false);
            try (PreparedStatement ps = writer.prepareStatement("INSERT INTO events(seq, at, kind, item, chain) VALUES (?,?,?,?,?)")) {
                for (NewRow r : rows) {
                    r.bind(ps);
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
            throw failed("write to", e);
        } finally {
            try {
                writer.setAutoCommit(true);
            } catch (SQLException e) {
                LOG.warning("journal autocommit reset failed: " + e.getMessage());
            }
        }
    }

    @Override
    public synchronized String meta(String key) {
        try {
            return Sql.oneString(writer, "SELECT value FROM meta WHERE key = ?", key);
        } catch (SQLException e) {
            throw failed("read", e);
        }
    }

    @Override
    public synchronized void setMeta(String key, String value) {
        try (PreparedStatement ps = writer.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failed("write to", e);
        }
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public void awaitWrites(Duration timeout) {
        throw new IllegalStateException("a SQLite journal has one writer: there is nothing to follow");
    }

    @Override
    public boolean tryLead() {
        return true;
    }

    @Override
    public boolean stillLeading() {
        return true;
    }

    @Override
    public void releaseLead() {
        // one server, always the leader
    }

    @Override
    public boolean someoneLeads() {
        return true;
    }

    private IllegalStateException failed(String verb, SQLException e) {
        return new IllegalStateException("cannot " + verb + " journal " + file + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
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
