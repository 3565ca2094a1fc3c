package org.marketspine.console.feed.server;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.marketspine.console.feed.EventSink;
import org.marketspine.console.feed.PlatformSource;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.protocol.Wire;

/**
 * The feed server of protocol v1 over a journal and a platform source. Network I/O and decoding
 * run on the WebSocket threads; everything that reads or changes the platform (source activity,
 * commands, requests) runs on one platform thread, in order.
 */
public final class FeedServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FeedServer.class.getName());
    public static final String SERVER = "spine-feed/0.1.0";
    /** The transport accepts somewhat more than the protocol limit so an oversized frame gets a polite {@code too_large}. */
    private static final int TRANSPORT_FRAME_LIMIT = 4 * Wire.MAX_FRAME_BYTES;

    private final Journal journal;
    private final PlatformSource source;
    private volatile TokenStore tokens;
    private final Clock clock;
    private final ScheduledExecutorService platform;
    /** Work that must go on when the platform thread is stuck: token checks and the watch on that thread. */
    private final ScheduledExecutorService housekeeping;
    private volatile Duration platformStallAfter = Duration.ofSeconds(20);
    private volatile Duration helloTimeout = Duration.ofSeconds(Wire.HELLO_TIMEOUT_SECONDS);
    private final CommandDesk desk;
    private final EventSink sink;
    private final FeedTransport transport;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;
    private volatile Duration heartbeat = Duration.ofSeconds(Wire.HEARTBEAT_SECONDS);
    private volatile Duration checkpointEvery = Duration.ofSeconds(Wire.CHECKPOINT_SECONDS);
    private volatile Set<String> allowedOrigins = Set.of();
    /** The clock frame rates are counted on; tests drive it by hand. */
    private volatile LongSupplier nanoTime = System::nanoTime;
    private volatile boolean tls;
    private volatile List<String> warnings = List.of();
    private final SourceStatusBoard status;
    private final SharedFrames frames;
    private final ClientFrames clientFrames;
    /** Null for a journal only this server writes; for a shared one, who runs the source. */
    private final Leadership leadership;
    private volatile Runnable lostLeadership = () -> { };
    /** The listen backlog: a building's screens reconnecting at once after a restart must not be dropped by the kernel. */
    static final int BACKLOG = 2048;

    public FeedServer(Journal journal, PlatformSource source, TokenStore tokens, InetSocketAddress bind, Clock given) {
        this.journal = journal;
        this.source = source;
        this.tokens = tokens;
        // The protocol's times carry at most milliseconds ("2026-11-23T08:15:00Z, millis optional"): every time this
        // server says (server_time, since, a heartbeat's, a command's) is read from its clock at that precision.
        Clock clock = Clock.tick(given, Duration.ofMillis(1));
        this.clock = clock;
        this.platform = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("feed-platform").factory());
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("feed-housekeeping").factory());
        this.desk = new CommandDesk(journal, source, clock);
        this.sink = new JournalSink(journal, platform, this::reportStatus);
        this.frames = new SharedFrames(journal, Session.BATCH_ITEMS, Session.BATCH_BYTES);
        this.clientFrames = new ClientFrames(journal, source, clock, platform, housekeeping, desk, new ClientFrames.Settings() {
            @Override
            public TokenStore tokens() {
                return FeedServer.this.tokens;
            }

            @Override
            public Session newSession(WebSocket conn) {
                return new Session(conn, journal, clock, heartbeat, checkpointEvery, nanoTime, frames);
            }

            @Override
            public boolean admit(Session session) {
                return session.admit(nanoTime.getAsLong());
            }

            @Override
            public List<String> warnings() {
                return warnings;
            }

            @Override
            public void greet(Session session, Runnable greeting) {
                status.greet(session, greeting);
            }

            @Override
            public Duration helloTimeout() {
                return helloTimeout;
            }
        });
        this.transport = new FeedTransport(bind, () -> allowedOrigins, TRANSPORT_FRAME_LIMIT, new FeedTransport.Feed() {
            @Override
            public Session opened(WebSocket conn) {
                return clientFrames.opened(conn);
            }

            @Override
            public void frame(Session session, String frame) {
                clientFrames.onFrame(session, frame);
            }

            @Override
            public void binaryFrame(Session session) {
                clientFrames.onBinaryFrame(session);
            }

            @Override
            public void started(Exception failure) {
                startFailure = failure;
                started.countDown();
            }
        });
        this.status = new SourceStatusBoard(clock);
        this.leadership = journal.isShared() ? new Leadership(journal, platform, clock, source.runsPlatform(), new Leadership.Duties() {
            @Override
            public void lead() {
                journal.catchUp(); // the source starts from everything any server journaled
                startSource();
            }

            @Override
            public void resign(String why) {
                source.close();
                reportStatus(SourceState.FAILING, why, null);
                lostLeadership.run();
            }

            @Override
            public void mirror(Message.SourceStatus leaders) {
                status.mirror(leaders, FeedServer.this::tellEveryone);
            }

            @Override
            public Message.SourceStatus ownStatus() {
                return status.current();
            }
        }) : null;
    }

    /**
     * How long the platform thread may not answer before the feed says its source is failing
     * (default 20 s: longer than any step it runs, a journal's catch-up included); tests shorten it.
     * Call before {@link #start()}.
     */
    public FeedServer platformStallAfter(Duration after) {
        if (after.toMillis() < 100) throw new IllegalArgumentException("platformStallAfter must be at least 100 ms");
        this.platformStallAfter = after;
        return this;
    }

    /** How long a session may be idle before a heartbeat (protocol: 5 s); tests shorten it. Call before {@link #start()}. */
    public FeedServer heartbeat(Duration interval) {
        this.heartbeat = positive(interval, "heartbeat");
        return this;
    }

    /** How long a new connection may take to say hello (protocol: 10 s); tests shorten it. Call before {@link #start()}. */
    public FeedServer helloTimeout(Duration timeout) {
        this.helloTimeout = positive(timeout, "helloTimeout");
        return this;
    }

    /** How soon, while live, a checkpoint follows an event no checkpoint covers (protocol: 60 s); tests shorten it. */
    public FeedServer checkpointEvery(Duration interval) {
        this.checkpointEvery = positive(interval, "checkpoint interval");
        return this;
    }

    private static Duration positive(Duration d, String what) {
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(what + " must be positive");
        return d;
    }

    /** Serves {@code wss://} with this identity (see {@code feed.tls.ServerTls}). Call before {@link #start()}. */
    public FeedServer tls(SSLContext context) {
        transport.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(context));
        tls = true;
        return this;
    }

    /** Said to every client in {@code welcome.warnings} (e.g. plaintext off loopback). Call before {@link #start()}. */
    public FeedServer warnings(List<String> toEveryClient) {
        this.warnings = List.copyOf(toEveryClient);
        return this;
    }

    /** For tests: the nanosecond clock the frame-rate limit and the slow-consumer rule count on. Call before {@link #start()}. */
    public FeedServer rateClock(LongSupplier nanos) {
        this.nanoTime = nanos;
        return this;
    }

    /** Web origins (e.g. {@code https://ops.example.com}) whose pages may connect; none by default. Call before {@link #start()}. */
    public FeedServer allowOrigins(Collection<String> origins) {
        this.allowedOrigins = Set.copyOf(origins);
        return this;
    }

    /** What the server last said of its source (loading, current, failing). */
    public Message.SourceStatus sourceStatus() {
        return status.current();
    }

    /**
     * Waits until the source reports {@code wanted} (e.g. current: its history is in the journal).
     * Returns false on timeout. For tests and tools that must not guess at a source's pace.
     */
    public boolean awaitSource(SourceState wanted, Duration timeout) throws InterruptedException {
        return status.await(wanted, timeout);
    }

    private void recheckTokens() {
        try {
            tokens = tokens.reloadIfChanged();
            Gatekeeper.endRevoked(transport.getConnections(), tokens, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "token check failed; retrying in a second", e);
        }
    }

    private void reportStatus(SourceState state, String message, Message.Progress progress) {
        status.report(state, message, progress, this::tellEveryone);
    }

    /**
     * Every change of the status board: this server's greeted clients are told, and a leader's
     * status goes to the journal too, for the other servers' clients.
     */
    private void tellEveryone(Message.SourceStatus next) {
        for (WebSocket conn : transport.getConnections()) {
            Session session = conn.getAttachment();
            if (session != null && session.isGreeted()) session.tell(next, journal.headSeq());
        }
        if (leadership != null && leadership.leading()) leadership.publish();
    }

    /** Starts listening at once (replays need only the stored items), then starts the source on the platform thread. */
    public FeedServer start() throws InterruptedException {
        transport.setReuseAddr(true);
        transport.setDaemon(true);
        transport.setTcpNoDelay(true); // a live event is one small frame: send it now, not after Nagle's wait
        transport.setMaxPendingConnections(BACKLOG);
        transport.start();
        if (!started.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("feed server did not start in 10 s");
        if (startFailure != null) throw new IllegalStateException("feed server cannot listen: " + startFailure.getMessage(), startFailure);
        // Tokens are re-read when the file changes; a removed or expired token's sessions end within 5 s (R12).
        housekeeping.scheduleWithFixedDelay(this::recheckTokens, 1, 1, TimeUnit.SECONDS);
        PlatformWatch watch = new PlatformWatch(platformStallAfter, System::nanoTime, new PlatformWatch.Listener() {
            @Override
            public void stalled(Duration silentFor) {
                status.stalled(silentFor, FeedServer.this::tellEveryone);
            }

            @Override
            public void answered() {
                status.answered(FeedServer.this::tellEveryone);
            }
        });
        // Beats and checks well inside the limit, so a thread that answers is never taken for a stuck one.
        long every = Math.min(1000, platformStallAfter.toMillis() / 4);
        platform.scheduleWithFixedDelay(watch::beat, 0, every, TimeUnit.MILLISECONDS);
        housekeeping.scheduleWithFixedDelay(watch::check, every, every, TimeUnit.MILLISECONDS);
        if (leadership != null) {
            // Several servers share this journal: only the one holding the leadership runs the source.
            status.report(SourceState.LOADING, Leadership.STANDING_BY, null, this::tellEveryone);
            journal.onWrittenElsewhere(events -> {
                if (leadership.leading()) platform.execute(() -> source.writtenElsewhere(events, journal.state()));
            });
            leadership.start();
        } else {
            platform.execute(this::startSource);
        }
        return this;
    }

    /** On the platform thread: the source begins (a shared journal's server does this when it becomes the leader). */
    private void startSource() {
        try {
            source.start(sink);
        } catch (RuntimeException e) {
            if (platform.isShutdown()) {
                LOG.fine("server closed before the platform source started");
            } else {
                LOG.log(Level.SEVERE, "the platform source failed to start; serving the journal as it is", e);
                reportStatus(SourceState.FAILING, "the platform source failed to start: " + e.getMessage(), null);
            }
        }
    }

    /**
     * What to do after this server, leading a shared journal, lost the leadership and stopped its
     * source (the stand-alone feed exits, so that its service manager restarts it as a candidate).
     * By default it serves on, watching. Call before {@link #start()}.
     */
    public FeedServer onLostLeadership(Runnable then) {
        this.lostLeadership = then;
        return this;
    }

    /** True when this server runs the platform source: always for a journal of its own; for a shared one, while it leads. */
    public boolean isLeading() {
        return leadership == null || leadership.leading();
    }

    /** A greeted client's backlog: the bytes it has not read yet, whether it is stuck, whether its connection is still open. */
    public record ClientBacklog(String user, long unsent, boolean stuck, boolean open) {}

    /** Every greeted client's backlog, for the slow-consumer checks of tests and benchmarks. */
    public List<ClientBacklog> backlog() {
        List<ClientBacklog> out = new ArrayList<>();
        for (WebSocket conn : transport.getConnections()) {
            if (conn.getAttachment() instanceof Session session && session.isGreeted()) out.add(session.backlog());
        }
        return out;
    }

    public int port() {
        return transport.getPort();
    }

    public String url() {
        InetSocketAddress a = transport.getAddress();
        String host = a.getAddress() != null && a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getHostString();
        return (tls ? "wss://" : "ws://") + host + ":" + port() + Wire.PATH;
    }

    public Journal journal() {
        return journal;
    }

    /** The sink sources write to; also lets tests inject facts the way a source would. */
    public EventSink sink() {
        return sink;
    }

    @Override
    public void close() {
        housekeeping.shutdownNow(); // a source slow to stop is not a stall
        if (leadership != null) leadership.close();
        try {
            transport.stop(1000, "feed server shutting down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The source stops on its own thread (the demo finishes its runs in flight there), then the thread goes.
        boolean closedOnPlatform = false;
        try {
            platform.submit(source::close).get(10, TimeUnit.SECONDS);
            closedOnPlatform = true;
        } catch (RejectedExecutionException | ExecutionException
                 | TimeoutException e) {
            LOG.log(Level.WARNING, "the platform source did not stop cleanly on its thread; closing it after the thread ends", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        platform.shutdownNow();
        try {
            platform.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!closedOnPlatform) source.close();
    }
}
