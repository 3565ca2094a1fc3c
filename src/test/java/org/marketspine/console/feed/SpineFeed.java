package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.marketspine.console.feed.client.FeedClient;
import org.marketspine.console.feed.client.FeedListener;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.SpineDatabaseSource;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.testing.Await;

/**
 * A feed server over a spine-core test database, one client keeping every event it receives, and
 * the waits the database tests share — for conditions, never for time.
 */
final class SpineFeed implements AutoCloseable {
    final Journal journal;
    final FeedServer server;
    final FeedClient client;
    final List<Event> received = new CopyOnWriteArrayList<>();

    private SpineFeed(SpineDb db, Path journalFile, boolean readOnly, Duration poll, Consumer<List<Event>> onBatch) throws Exception {
        journal = Journal.open(journalFile);
        server = new FeedServer(journal, new SpineDatabaseSource(db.url(), db.user(), db.password(), readOnly, poll, Clock.systemUTC()),
                TokenStore.openAccess(), new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).start();
        client = new FeedClient(URI.create(server.url()), null, 0, FeedListener.of(batch -> {
            if (onBatch != null) onBatch.accept(batch);
            received.addAll(batch);
        }, s -> { }), Clock.systemUTC()).start();
    }

    static SpineFeed serve(SpineDb db, Path journalFile, boolean readOnly) throws Exception {
        return new SpineFeed(db, journalFile, readOnly, Duration.ofMillis(150), null);
    }

    /** With {@code onBatch} told of each batch before it is kept (to see what the client believed as it arrived). */
    static SpineFeed serve(SpineDb db, Path journalFile, Duration poll, Consumer<List<Event>> onBatch) throws Exception {
        return new SpineFeed(db, journalFile, false, poll, onBatch);
    }

    <T extends EventData> List<T> of(Class<T> kind) {
        return received.stream().map(Event::data).filter(kind::isInstance).map(kind::cast).toList();
    }

    /**
     * The source's latest poll succeeded, the client holds everything the journal holds, and the feed
     * has said so ({@code live} comes after the last catch-up batch: holding the events is not yet live).
     */
    void awaitCurrent() throws InterruptedException {
        await("the source to be current", Duration.ofSeconds(90), () -> client.sourceStatus() != null
                && client.sourceStatus().state() == SourceState.CURRENT && !received.isEmpty() && received.getLast().seq() >= journal.headSeq()
                && client.state().isLive());
    }

    static void await(String what, Duration timeout, BooleanSupplier ok) {
        Await.until(what, timeout, ok);
    }

    @Override
    public void close() {
        client.close();
        server.close();
        journal.close();
    }
}
