package org.marketspine.console.testing;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import org.marketspine.console.bench.SyntheticHistory;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.JournalOnlySource;

/** A feed server on a journal of synthetic history, open access on a free loopback port: for client tests. Closes both. */
public record JournalFeed(Journal journal, FeedServer server) implements AutoCloseable {
    public static JournalFeed serve(Path file, int events) throws InterruptedException {
        Journal journal = Journal.open(file);
        journal.appendAll(SyntheticHistory.facts(events, 1));
        return new JournalFeed(journal, new FeedServer(journal, new JournalOnlySource("test"), TokenStore.openAccess(),
                new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).start());
    }

    public String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
        journal.close();
    }
}
