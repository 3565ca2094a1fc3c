package org.marketspine.console.feed.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import org.marketspine.console.feed.client.ConnectionState.Phase;
import org.marketspine.console.feed.tls.ClientTls;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.DecodeException;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.Wire;

/**
 * The client side of protocol v1: connects, says hello with the last seq it holds, applies
 * events exactly once and in order (a gap makes it reconnect and resume), treats 15 s of silence
 * as a lost feed, and reconnects with exponential backoff and jitter, forever, unless refused.
 *
 * <p>Frames are decoded on the socket thread and handed to the {@link FeedListener} there, in order.
 */
public final class FeedClient implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FeedClient.class.getName());
    public static final Duration SILENCE = Duration.ofSeconds(Wire.CLIENT_SILENCE_SECONDS);
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final URI url;
    private final String token;
    private final FeedListener listener;
    private final Clock clock;
    private final AtomicLong lastSeq;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("feed-client-timer").factory());
    private final PendingAnswers pending = new PendingAnswers();
    private volatile FeedSocket socket;
    private final StateOwner state;
    /**
     * When the current connection attempt began, opened or last delivered a frame, on the monotonic
     * time source: what the watchdog measures. Silence on the wire is real time even when the injected
     * clock is simulated (a soak's scaled clock would otherwise see a 5 s heartbeat gap as hours).
     */
    private volatile long lastFrameNanos;
    private volatile LongSupplier nanos = System::nanoTime;
    private volatile Instant lastHeardAt;
    private volatile boolean closed;
    private volatile Message.Welcome welcome;
    private volatile Message.SourceStatus sourceStatus;
    /** When this client began trying: a feed never reached counts as lost from here. */
    private volatile Instant startedAt;
    private volatile Throwable lastError;
    /** When the feed last sent something other than a refusal: what a refused client's data is as old as. */
    private volatile Instant lastDataAt;
    /** Connection attempts since the last welcome: counted on the timer thread, reset on the socket thread. */
    private final AtomicInteger attempt = new AtomicInteger();
    /** The client's own chain over what the feed sent, the feed's key, the integrity problem if any. */
    private final FeedTrust trust;
    private final ChainWatch chain;

    /** @param lastSeq the last seq the caller already holds (0 for none): the client resumes after it. */
    public FeedClient(URI url, String token, long lastSeq, FeedListener listener, Clock clock) {
        this.url = url;
        this.token = token;
        this.listener = listener;
        this.clock = clock;
        this.lastSeq = new AtomicLong(lastSeq);
        this.trust = new FeedTrust(lastSeq, url, listener);
        this.chain = trust.chain();
        this.state = new StateOwner(new ConnectionState(Phase.CONNECTING, 1, null, null, lastSeq, 0, url.toString()), listener);
    }

    private volatile SSLContext tls;

    /** What {@code wss://} trusts (system store plus a pinned certificate); without it the JDK's default trust. Before {@link #start()}. */
    public FeedClient trust(SSLContext context) {
        this.tls = context;
        return this;
    }

    /** The feed's chain at the last seq the caller holds (from its cache); without it, checkpoints before a restart go unchecked. Before {@link #start()}. */
    public FeedClient chainFrom(String head) {
        chain.reset(lastSeq.get(), head);
        return this;
    }

    /** Why this feed's history is not trusted (a checkpoint disagreed), or null. */
    public String integrityProblem() {
        return trust.integrity();
    }

    /** The latest checkpoint that agreed with this client's own chain, or null. */
    public Message.Checkpoint lastCheckpoint() {
        return trust.lastCheckpoint();
    }

    /** The signed checkpoint at exactly {@code seq}, asked of the feed (capability {@code checkpoint}). */
    public CompletableFuture<Message.Checkpoint> checkpoint(long seq) {
        return request(Message.Request.checkpoint(nextId("checkpoint-"), seq)).thenApply(r -> FeedTrust.answer(r, seq, welcome));
    }

    public FeedClient start() {
        startedAt = clock.instant();
        timer.scheduleWithFixedDelay(this::watchdog, 1, 1, TimeUnit.SECONDS);
        timer.execute(this::connect);
        return this;
    }

    public ConnectionState state() {
        return state.get();
    }

    /** When the feed last sent any frame (heartbeats included), or null. */
    public Instant lastHeardAt() {
        return lastHeardAt;
    }

    public Message.Welcome welcome() {
        return welcome;
    }

    /** What the feed last said of its source on this connection, or null before it said anything. */
    public Message.SourceStatus sourceStatus() {
        return sourceStatus;
    }

    public long lastSeq() {
        return lastSeq.get();
    }

    /** Forgets what it holds (the caller dropped its log); the next connection replays from 0. */
    public void resetTo(long seq) {
        lastSeq.set(seq);
        chain.reset(seq, null);
        FeedSocket s = socket;
        if (s != null) s.close(1000, "resync");
    }

    /** Sends a read-only request; completes with the response (or exceptionally if the feed is not connected). */
    public CompletableFuture<Message.Response> request(Message.Request request) {
        return send(request.id(), request).thenApply(Message.Response.class::cast);
    }

    /** Sends a command (with a fresh id); completes with the feed's result. */
    public CompletableFuture<Message.CommandResult> command(Command command) {
        Message.Command wire = command.toWire(nextId(command.op() + "-"));
        return send(wire.id(), wire).thenApply(Message.CommandResult.class::cast);
    }

    /** A fresh id for a request or command. */
    public String nextId(String prefix) {
        return pending.nextId(prefix);
    }

    private CompletableFuture<Message> send(String id, Message message) {
        FeedSocket s = socket;
        if (s == null || !s.isOpen() || welcome == null) return CompletableFuture.failedFuture(new IllegalStateException("the feed is not connected"));
        CompletableFuture<Message> answer = pending.expect(id);
        s.send(Codec.encode(message));
        return answer;
    }

    private void connect() {
        if (closed) return;
        attempt.incrementAndGet();
        FeedSocket s = new FeedSocket(url, CONNECT_TIMEOUT_MILLIS, socketEvents);
        if ("wss".equalsIgnoreCase(url.getScheme())) s.setSocketFactory(ClientTls.socketFactory(tls));
        lastFrameNanos = nanos.getAsLong();
        socket = s;
        s.connect();
    }

    private void scheduleReconnect(String why) {
        long[] delay = {-1};
        state.decide(now -> {
            if (closed || now.phase() == Phase.REFUSED) return null;
            int tried = attempt.get();
            delay[0] = Backoff.delayMillis(tried, bound -> ThreadLocalRandom.current().nextLong(bound + 1));
            // lostSince stays null for a feed never heard from: nothing was ever current.
            return new ConnectionState(silentTooLong() ? Phase.LOST : Phase.RECONNECTING, tried + 1,
                    clock.instant().plusMillis(delay[0]), lastHeardAt, lastSeq.get(), now.headSeq(), why);
        });
        if (delay[0] >= 0) timer.schedule(this::connect, delay[0], TimeUnit.MILLISECONDS);
    }

    /** 15 s since the feed was last heard from, or since this client began trying if it never was. */
    private boolean silentTooLong() {
        Instant since = lastHeardAt != null ? lastHeardAt : startedAt;
        return since != null && Duration.between(since, clock.instant()).compareTo(SILENCE) >= 0;
    }

    /** The monotonic time source the watchdog measures silence on the wire with (tests move it by hand). Before {@link #start()}. */
    public FeedClient elapsed(LongSupplier nanoTime) {
        this.nanos = nanoTime;
        return this;
    }

    /** Once a second on the timer: silence on the wire on the monotonic source, "lost for 15 s" on the injected clock. */
    void watchdog() {
        if (closed) return;
        ConnectionState s = state.get();
        FeedSocket open = socket;
        if (open != null && open.isOpen() && (welcome == null || s.phase() == Phase.LIVE || s.phase() == Phase.CATCHING_UP)
                && nanos.getAsLong() - lastFrameNanos > SILENCE.toNanos()) {
            // Live and silent, or connected but never welcomed (in any phase): either way the feed is not answering.
            LOG.warning("no frame from " + url + " for " + SILENCE.toSeconds() + " s; reconnecting");
            open.close(1001, welcome == null ? "no welcome" : "heartbeat timeout");
        }
        declareLostIfSilent(s);
    }

    /**
     * Not connected, and nothing heard for 15 s: LOST — decided on {@code seen}, the state the
     * watchdog read; if a welcome moved the state on meanwhile, the decision is dropped.
     */
    void declareLostIfSilent(ConnectionState seen) {
        if ((seen.phase() == Phase.RECONNECTING || seen.phase() == Phase.CONNECTING) && silentTooLong()) {
            state.transition(seen, new ConnectionState(Phase.LOST, seen.attempt(), seen.nextAttemptAt(), seen.lostSince(), seen.lastSeq(),
                    seen.headSeq(), seen.phase() == Phase.CONNECTING ? "no answer from " + url.getHost() + ":" + url.getPort()
                            + " within " + SILENCE.toSeconds() + " s" : seen.detail()));
        }
    }

    private void onFrame(FeedSocket from, String frame) {
        lastFrameNanos = nanos.getAsLong();
        lastHeardAt = clock.instant();
        Message message;
        List<String> canonical;
        try {
            Codec.Decoded decoded = Codec.decodeWithItems(frame);
            message = decoded.message();
            canonical = decoded.canonicalItems();
        } catch (DecodeException e) {
            // A bad frame is dropped with its reason; the events around it still arrive in order or trigger a resume.
            LOG.warning("dropped a frame from " + url + ": " + e.getMessage());
            return;
        }
        if (!(message instanceof Message.Error)) lastDataAt = lastHeardAt;
        switch (message) {
            case Message.Welcome w -> {
                welcome = w;
                trust.welcomed(w);
                sourceStatus = null; // said afresh on every connection
                attempt.set(0);
                listener.onWelcome(w);
                state.set(new ConnectionState(Phase.CATCHING_UP, 0, null, null, lastSeq.get(), w.headSeq(), w.server()));
            }
            case Message.Events batch -> applyEvents(from, batch.items(), canonical);
            case Message.Checkpoint c -> trust.checkpoint(c, welcome);
            case Message.Live live -> state.set(new ConnectionState(Phase.LIVE, 0, null, null, lastSeq.get(),
                    live.headSeq(), welcome == null ? "" : welcome.server()));
            case Message.Heartbeat hb -> {
                if (state.get().phase() == Phase.LIVE && hb.headSeq() > lastSeq.get()) {
                    LOG.warning("heartbeat says head " + hb.headSeq() + " but we hold " + lastSeq.get() + "; resuming");
                    from.close(1000, "resume");
                }
            }
            case Message.SourceStatus status -> {
                sourceStatus = status;
                listener.onSourceStatus(status);
            }
            case Message.Response r -> pending.answer(r.id(), r);
            case Message.CommandResult r -> pending.answer(r.id(), r);
            case Message.Error e -> {
                LOG.warning("feed error " + e.code() + ": " + e.message());
                if (welcome == null && e.code().equals(Wire.HISTORY_UNAVAILABLE) && lastSeq.get() > 0) {
                    listener.onHistoryMismatch(e.message());
                    lastSeq.set(0);
                    chain.reset(0, null);
                    return;
                }
                if (e.code().equals("unauthorized") || e.code().equals("unsupported_protocol")) {
                    state.set(new ConnectionState(Phase.REFUSED, attempt.get(), null, lastDataAt, lastSeq.get(),
                            state.get().headSeq(), (e.code().equals("unauthorized") ? "unauthorized: " : "unsupported protocol: ") + e.message()));
                }
            }
            case Message.Snapshot s -> {
                LOG.severe("the feed sent a snapshot: it no longer holds events after " + lastSeq.get()
                        + "; this client keeps full history and cannot continue from a snapshot");
                state.set(new ConnectionState(Phase.REFUSED, attempt.get(), null, clock.instant(), lastSeq.get(),
                        state.get().headSeq(), "the feed no longer holds the events this client needs"));
                from.close(1000, "snapshot not supported");
            }
            default -> LOG.fine("ignored a " + message.getClass().getSimpleName() + " frame");
        }
    }

    private void applyEvents(FeedSocket from, List<Event> items, List<String> canonical) {
        List<Event> fresh = new ArrayList<>(items.size());
        List<String> freshText = new ArrayList<>(items.size());
        List<ChainWatch.Finding> findings = new ArrayList<>();
        Message.FeedKey key = welcome == null ? null : welcome.feedKey();
        String feedId = welcome == null ? null : welcome.feedId();
        long expected = lastSeq.get() + 1;
        for (int i = 0; i < items.size(); i++) {
            Event e = items.get(i);
            if (e.seq() < expected) continue; // already held: never apply twice
            if (e.seq() > expected) {
                LOG.warning("gap in feed: expected seq " + expected + ", got " + e.seq() + "; resuming after " + (expected - 1));
                from.close(1000, "gap");
                break;
            }
            fresh.add(e);
            freshText.add(canonical.get(i));
            findings.addAll(chain.append(e.seq(), canonical.get(i), key, feedId));
            expected++;
        }
        if (fresh.isEmpty()) return;
        listener.onItems(Collections.unmodifiableList(fresh), Collections.unmodifiableList(freshText));
        lastSeq.set(expected - 1);
        trust.foundAll(findings);
        ConnectionState s = state.get();
        if (s.phase() == Phase.CATCHING_UP) {
            state.set(new ConnectionState(Phase.CATCHING_UP, 0, null, null, lastSeq.get(), s.headSeq(), s.detail()));
        }
    }

    /**
     * The key fingerprint feed {@code feedId} signed with before (from the cache); the same feed
     * answering with a different key, or none, is an integrity error. Before {@link #start()}.
     */
    public FeedClient expectKey(String feedId, String fingerprint) {
        trust.expectKey(feedId, fingerprint);
        return this;
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        FeedSocket s = socket;
        if (s != null) s.close();
        pending.failAll("client closed");
        state.end(last -> new ConnectionState(Phase.CLOSED, 0, null, null, lastSeq.get(), last.headSeq(), "closed"));
    }

    /** What happens on the connection attempts: only the current one counts (a late event of an old one is ignored). */
    private final FeedSocket.Events socketEvents = new FeedSocket.Events() {
        @Override
        public void opened(FeedSocket from) {
            lastFrameNanos = nanos.getAsLong();
            from.send(Codec.encode(new Message.Hello(Wire.PROTOCOL, "spine-console/0.1.0", token, lastSeq.get())));
        }

        @Override
        public void frame(FeedSocket from, String frame) {
            if (socket != from) return;
            try {
                onFrame(from, frame);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "failed to apply a frame from " + url + "; resuming", e);
                from.close(1011, "client error");
            }
        }

        @Override
        public void closed(FeedSocket from, int code, String reason) {
            if (socket != from || closed) return;
            welcome = null;
            pending.failAll("feed connection closed");
            Throwable error = lastError;
            lastError = null;
            scheduleReconnect(code == -1 || error != null ? ConnectFailure.describe(error, url)
                    : "closed (" + code + (reason.isEmpty() ? "" : ": " + reason) + ")");
        }

        @Override
        public void failed(FeedSocket from, Exception ex) {
            if (socket == from) lastError = ex;
            LOG.log(Level.FINE, "feed connection error", ex);
        }
    };
}
