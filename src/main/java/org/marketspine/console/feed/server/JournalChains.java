package org.marketspine.console.feed.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.LongFunction;
import java.util.logging.Logger;
import org.marketspine.console.protocol.Canonical;
import org.marketspine.console.protocol.DecodeException;
import org.marketspine.console.protocol.FeedChain;

/** The journal's hash chain for rows journaled before it existed: computed once, at open. */
final class JournalChains {
    private static final Logger LOG = Logger.getLogger(JournalChains.class.getName());

    private JournalChains() {}

    /**
     * A journal written before the chain existed gets it once, in seq order, over the canonical
     * form of the items as they were journaled (and each item is stored in that form from then on);
     * afterwards the head's value is read back.
     */
    static String completeChain(Connection writer, long headSeq, LongFunction<String> chainAt, Path file) throws SQLException {
        long after = 0;
        String chain = FeedChain.GENESIS;
        FeedChain.Hasher hasher = new FeedChain.Hasher();
        try (PreparedStatement first = writer.prepareStatement("SELECT MIN(seq) FROM events WHERE chain IS NULL");
             ResultSet rs = first.executeQuery()) {
            long missing = rs.next() ? rs.getLong(1) : 0;
            if (missing == 0) return headSeq == 0 ? FeedChain.GENESIS : chainAt.apply(headSeq);
            after = missing - 1;
        }
        if (after > 0) chain = chainAt.apply(after);
        LOG.info("journal " + file + ": computing the hash chain of seq " + (after + 1) + "–" + headSeq + " (journal from before checkpoints)");
        writer.setAutoCommit(false);
        try (PreparedStatement read = writer.prepareStatement("SELECT seq, item FROM events WHERE seq > ? ORDER BY seq LIMIT 10000");
             PreparedStatement update = writer.prepareStatement("UPDATE events SET item = ?, chain = ? WHERE seq = ?")) {
            while (after < headSeq) {
                read.setLong(1, after);
                int n = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        String item = canonical(rs.getString(2), file);
                        chain = hasher.next(chain, item);
                        after = rs.getLong(1);
                        update.setString(1, item);
                        update.setString(2, chain);
                        update.setLong(3, after);
                        update.addBatch();
                        n++;
                    }
                }
                update.executeBatch();
                writer.commit();
                if (n == 0) break;
            }
        } finally {
            writer.setAutoCommit(true);
        }
        return chain;
    }

    static String canonical(String item, Path file) {
        try {
            return Canonical.of(item);
        } catch (DecodeException e) {
            throw new IllegalStateException("journal " + file + " holds an item that is not JSON: " + e.getMessage(), e);
        }
    }
}
