package org.marketspine.console.ui;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marketspine.console.audit.BundleWriter;
import org.marketspine.console.audit.FeedProof;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.feed.client.EventCache;
import org.marketspine.console.feed.client.FeedClient;
import org.marketspine.console.feed.client.FeedListener;
import org.marketspine.console.feed.client.LogWriter;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.DemoPlatform;
import org.marketspine.console.feed.tls.ClientTls;
import org.marketspine.console.model.EventHistory;
import org.marketspine.console.model.EventLog;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.StateRetention;
import org.marketspine.console.protocol.Canonical;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.Message;

/**
 * Everything behind the windows: the embedded demo feed (when no feed is named), the feed
 * client, the event log with its single writer, the local cache, and the publisher that hands
 * the views a fresh {@link ConsoleSnapshot}. No view talks to the network directly.
 */
public final class ConsoleRuntime implements CommandSender, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ConsoleRuntime.class.getName());

    private final LaunchOptions options;
    private final Clock clock;
    private final BundleReview review;
    private FeedServer embedded;
    private Journal embeddedJournal;
    private volatile EventCache cache;
    private volatile EventLog log;
    private volatile LogWriter writer;
    private volatile FeedClient client;
    private volatile boolean fromCache;
    private volatile String notice;
    private volatile Message.Welcome welcome;
    private final StatePublisher publisher;

    public ConsoleRuntime(LaunchOptions options, Clock clock) {
        this(options, clock, null);
    }

    /** A runtime over a verified audit bundle: read-only, as of the bundle's end. */
    public ConsoleRuntime(BundleReview review, Path dataDir) {
        this(new LaunchOptions(null, null, false, 0, 1, dataDir, review.file()), Clock.fixed(review.to(), ZoneOffset.UTC), review);
    }

    private ConsoleRuntime(LaunchOptions options, Clock clock, BundleReview review) {
        this.options = options;
        this.review = review;
        this.clock = clock;
        this.log = newLog();
        this.publisher = new StatePublisher(this::snapshot);
    }

    /** The wall never travels in time and runs for weeks: it keeps only a pruned latest state. */
    private EventLog newLog() {
        return options.wall() ? EventLog.headOnly(s -> StateRetention.keepRecent(s, clock.instant())) : new EventLog();
    }

    /**
     * Opens the embedded feed (if any), the local cache and the connection. Any thread may call
     * it: the window can be built meanwhile and fills in as the publisher reports.
     */
    public StatePublisher start() throws IOException, InterruptedException {
        if (review != null) {
            // Offline review: the verified bundle is the whole journal; nothing is contacted or cached.
            log.appendAll(review.verdict().decoded());
            welcome = review.welcome();
            notice = review.banner();
            publisher.poke();
            return publisher;
        }
        URI feed = options.feed();
        if (options.embedded()) {
            embeddedJournal = Journal.open(options.dataDir().resolve("feed-demo-" + options.seed() + ".journal"));
            embedded = new FeedServer(embeddedJournal, new DemoPlatform(options.seed(), options.speed(), clock),
                    TokenStore.openAccess(), new InetSocketAddress("127.0.0.1", 0), clock).start();
            feed = URI.create(embedded.url());
        }
        cache = EventCache.open(options.dataDir().resolve("cache"), feedKey());
        notice = cache.problem();
        List<Event> cached = cache.takeLoaded();
        if (!cached.isEmpty()) {
            log.appendAll(cached);
            fromCache = true;
        }
        writer = newWriter(log);
        client = new FeedClient(feed, options.token(), log.headSeq(), new Listener(), clock).chainFrom(cache.chain()).expectKey(cache.feedId(), cache.feedKey())
                .trust(ClientTls.context(options.trustCert())).start();
        publisher.poke();
        return publisher;
    }

    private LogWriter newWriter(EventLog target) {
        return new LogWriter(target, l -> publisher.poke());
    }

    public ConsoleSnapshot snapshot() {
        FeedClient c = client;
        EventHistory history = log.asOfHead(); // the state and the events behind it, from one moment of the log
        PlatformState head = history.head();
        if (review != null) {
            return new ConsoleSnapshot(head, new ConnectionState(ConnectionState.Phase.BUNDLE, 0, null, null, head.seq(),
                    head.seq(), review.file().getFileName().toString()), welcome, false, null, notice, null, null,
                    review.checkpoint(), review, history);
        }
        ConnectionState connection = c == null
                ? new ConnectionState(ConnectionState.Phase.CONNECTING, 1, null, null, head.seq(), 0,
                        options.embedded() ? "the embedded demo feed" : String.valueOf(options.feed()))
                : c.state();
        Instant lastHeard = c == null ? null : c.lastHeardAt();
        return new ConsoleSnapshot(head, connection, welcome, fromCache, lastHeard, notice, c == null ? null : c.sourceStatus(),
                c == null ? null : c.integrityProblem(), lastCheckpoint(c), null, history);
    }

    /**
     * The latest checkpoint the feed signed that agreed with this console's chain: this connection's,
     * or else the cache's from an earlier run (a feed sends none at live when it has nothing new since).
     */
    private Message.Checkpoint lastCheckpoint(FeedClient c) {
        Message.Checkpoint now = c == null ? null : c.lastCheckpoint();
        EventCache held = cache;
        Message.Checkpoint before = held == null ? null : held.lastCheckpoint();
        if (now == null) return before;
        return before == null || now.seq() >= before.seq() ? now : before;
    }

    /** Now, by the clock this app runs on (tests and benchmarks give it a fixed or scaled one). */
    public Instant clockNow() {
        // A bundle under review is seen as of its end (the runtime's clock is fixed there).
        return clock.instant();
    }

    public EventLog log() {
        return log;
    }

    /** Where this user's files live (caches, what they have seen). */
    public Path dataDir() {
        return options.dataDir();
    }

    /** A stable name for the feed this runtime talks to, for per-feed user files. */
    private AcknowledgedFailures acknowledged;

    /** This feed's acknowledged critical failures, kept beside its cache (in memory only for a bundle under review). */
    public synchronized AcknowledgedFailures acknowledgedFailures() {
        if (acknowledged == null) {
            acknowledged = review != null ? AcknowledgedFailures.inMemory()
                    : AcknowledgedFailures.open(options.dataDir().resolve("cache").resolve(feedKey() + ".acknowledged"));
        }
        return acknowledged;
    }

    public String feedKey() {
        return options.embedded() ? "demo-" + options.seed()
                : "feed-" + TokenStore.sha256(String.valueOf(options.feed())).substring(0, 16);
    }

    /** The address this runtime talks to (the embedded demo's, once started), for the connection bar's security note. */
    public URI feedUrl() {
        FeedServer e = embedded;
        return e != null ? URI.create(e.url()) : options.feed();
    }

    public FeedClient client() {
        return client;
    }

    public StatePublisher publisher() {
        return publisher;
    }

    /** The embedded demo server, when there is one (tests inject facts through it, or stop it). */
    public FeedServer embeddedServer() {
        return embedded;
    }

    @Override
    public CompletableFuture<Message.CommandResult> command(Command command) {
        if (client == null) return CompletableFuture.failedFuture(new IllegalStateException(readOnly()));
        return client.command(command);
    }

    @Override
    public CompletableFuture<Message.Response> request(Message.Request request) {
        if (client == null) return CompletableFuture.failedFuture(new IllegalStateException(readOnly()));
        return client.request(request);
    }

    private String readOnly() {
        return review != null ? "this is an audit bundle under offline review: read-only, no feed is contacted" : "not connected to a feed yet";
    }

    private final AtomicLong localIds = new AtomicLong();

    @Override
    public String nextId(String prefix) {
        return client == null ? prefix + "local-" + localIds.incrementAndGet() : client.nextId(prefix);
    }

    /**
     * What a bundle of the events up to {@code lastSeq} carries from the feed: its key, the
     * checkpoints this console checked, and the one at exactly {@code lastSeq}, asked of the feed.
     */
    public CompletableFuture<FeedProof> feedProof(long lastSeq) {
        FeedClient c = client;
        Message.Welcome w = welcome;
        if (c == null || review != null) return CompletableFuture.failedFuture(new IllegalStateException(readOnly()));
        if (c.integrityProblem() != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("this feed's history is not trusted: " + c.integrityProblem()));
        }
        if (w == null || w.feedKey() == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the feed signs no checkpoints (no key in its welcome), "
                    + "so a bundle of it could not be verified"));
        }
        return c.checkpoint(lastSeq).thenApply(at -> {
            List<Message.Checkpoint> all = new ArrayList<>(cache.checkpoints());
            all.add(at);
            return new FeedProof(w.feedKey(), all);
        });
    }

    /** The events' canonical texts as the feed sent them (the local cache), in seq order, for a bundle. */
    public BundleWriter.ItemTexts itemTexts() throws IOException {
        return cache == null ? BundleWriter.ItemTexts.of(log)
                : BundleWriter.ItemTexts.of(cache.openTexts());
    }

    /** The bundle under review, or null on a feed. */
    public BundleReview review() {
        return review;
    }

    private final class Listener implements FeedListener {
        @Override
        public void onWelcome(Message.Welcome w) {
            welcome = w;
            try {
                if (cache.feedId() != null && w.feedId() != null && !cache.feedId().equals(w.feedId())) {
                    dropHistory("this address now serves another feed (" + w.feedId() + ")");
                }
                cache.rememberFeed(w.feedId());
                if (w.feedKey() != null) cache.rememberKey(w.feedKey().fingerprint());
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot update the local cache", e);
            }
            publisher.poke();
        }

        @Override
        public void onEvents(List<Event> events) {
            onItems(events, events.stream().map(Canonical::of).toList());
        }

        @Override
        public void onItems(List<Event> events, List<String> canonical) {
            LogWriter w = writer;
            w.submit(events);
            try {
                cache.append(canonical);
            } catch (IOException e) {
                notice = "Cannot write the local cache (" + e.getMessage() + "); the board works, but a restart will fetch everything again.";
                LOG.log(Level.WARNING, notice, e);
            }
        }

        @Override
        public void onCheckpoint(Message.Checkpoint checkpoint) {
            try {
                cache.remember(checkpoint);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "cannot keep the feed's checkpoint at seq " + checkpoint.seq() + " in the local cache", e);
            }
            publisher.poke();
        }

        @Override
        public void onIntegrity(String problem) {
            publisher.poke();
        }

        @Override
        public void onState(ConnectionState state) {
            if (state.isLive()) fromCache = false;
            if (publisher != null) publisher.poke();
        }

        @Override
        public void onHistoryMismatch(String reason) {
            dropHistory(reason);
        }

        @Override
        public void onSourceStatus(Message.SourceStatus status) {
            publisher.poke();
        }
    }

    /** The feed does not know the history we hold: start a fresh log and cache, and replay from 0. */
    private void dropHistory(String reason) {
        LOG.warning("dropping the local history: " + reason);
        try {
            cache.reset(welcome == null ? null : welcome.feedId());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot reset the local cache", e);
        }
        LogWriter old = writer;
        EventLog fresh = newLog();
        writer = newWriter(fresh);
        log = fresh;
        old.close();
        fromCache = false;
        notice = "The feed's history differs from the local copy (" + reason + "); it is being fetched again.";
        client.resetTo(0);
    }

    @Override
    public void close() {
        if (client != null) client.close();
        if (writer != null) writer.close();
        try {
            if (cache != null) cache.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing the local cache", e);
        }
        if (embedded != null) embedded.close();
        if (embeddedJournal != null) embeddedJournal.close();
    }
}
