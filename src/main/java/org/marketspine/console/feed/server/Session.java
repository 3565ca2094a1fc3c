package org.marketspine.console.feed.server;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.Wire;

/**
 * One connected client. After the handshake a pump on its own virtual thread sends every journal
 * event after the client's cursor (replay and live are the same loop), then {@code live}, then
 * heartbeats while idle, and signed checkpoints as {@link CheckpointPace} says. Every frame goes
 * through the session's bounded {@link Outbox}: a slow client only slows its own pump, costs the
 * server at most the bound, and is closed 4413 once it has taken nothing for 30 s.
 */
final class Session {
    private static final Logger LOG = Logger.getLogger(Session.class.getName());
    static final int BATCH_ITEMS = 4000;
    /** Catch-up batches stay within the protocol's 256 KiB of UTF-8, frame envelope included. */
    static final int BATCH_BYTES = 256 * 1024 - 64;
    /**
     * What the pump keeps queued for a client that is reading, beyond the kernel's socket buffer:
     * about one catch-up batch. A thousand replaying screens each filling the protocol's 8 MiB took
     * the server past 7 GB with nothing gained (the socket only takes what the client reads). A
     * client that stops reading still gets up to the bound before it counts as too slow.
     */
    static final long STREAM_WINDOW = BATCH_BYTES + 16 * 1024;
    /**
     * A client whose unsent bytes have not gone down in this long is not taking what it is sent (real
     * time: pacing only). Long enough that a reader among two thousand replaying at once is not taken
     * for a stalled one (at 1 s, a burst of 2,000 gave readers the bound and ran a 1 GiB server out of heap).
     */
    private static final long TAKING_NANOS = 5_000_000_000L;
    /** How long the pump parks, at most, before looking again for room in a full outbox. */
    private static final long ROOM_WAIT_MAX_NANOS = 20_000_000L;
    /** After the 4413 close frame (queued behind what the client does not read), the socket is ended this soon. */
    private static final long CLOSE_GRACE_MILLIS = 2_000;
    /** A client that has read nothing this long while frames wait gets its requests refused (rate_limited). */
    private static final long REFUSE_AFTER_NANOS = 1_000_000_000L;
    /** Answers kept for a client with no room for them yet; beyond this it is not reading them anyway. */
    private static final int MAX_WAITING_ANSWERS = 64;
    private final ArrayDeque<String> waitingAnswers = new ArrayDeque<>();

    final WebSocket conn;
    private final Journal journal;
    private final Clock clock;
    private final Duration heartbeat;
    private final Duration checkpointEvery;
    private final Outbox outbox;
    private final SharedFrames frames;
    private volatile TokenStore.Principal principal;
    /** Whether the client's hello came in time. */
    final HelloWait hello = new HelloWait();
    private volatile boolean closed;
    private Thread pump;
    private final RateLimit rate = new RateLimit();
    /** The pump's reading of its client: unsent bytes when last measured, and when they last went down. */
    private long takenMark;
    private long lastTaken = System.nanoTime();
    /** The last item this session has sent (its pump's cursor). */
    private volatile long sent;
    /** A source status to send once this session has sent the journal up to {@link #statusAfter}. */
    private Message.SourceStatus pendingStatus;
    private long statusAfter;

    Session(WebSocket conn, Journal journal, Clock clock, Duration heartbeat, Duration checkpointEvery, LongSupplier nanoTime,
            SharedFrames frames) {
        this.conn = conn;
        this.journal = journal;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.checkpointEvery = checkpointEvery;
        this.outbox = new Outbox(conn, nanoTime);
        this.frames = frames;
    }

    TokenStore.Principal principal() {
        return principal;
    }

    boolean isGreeted() {
        return principal != null;
    }

    FeedServer.ClientBacklog backlog() {
        return new FeedServer.ClientBacklog(who(), outbox.unsent(), outbox.isBehind(), conn.isOpen());
    }

    /**
     * The protocol's frame limit (50/s; 5 s over it in a row ends the connection), on the server's
     * clock: true when this frame may be acted on; otherwise the client was told (or closed 4429).
     */
    boolean admit(long nanos) {
        switch (rate.onFrame(nanos)) {
            case ACCEPT -> {
                return true;
            }
            case REFUSE -> send(new Message.Error("rate_limited", "more than " + RateLimit.PER_SECOND + " frames a second; slow down", false));
            case CLOSE -> {
                LOG.warning("closing " + conn.getRemoteSocketAddress() + ": over " + RateLimit.PER_SECOND + " frames a second for "
                        + RateLimit.SECONDS_OVER + " s");
                send(new Message.Error("rate_limited", "over " + RateLimit.PER_SECOND + " frames a second for "
                        + RateLimit.SECONDS_OVER + " s; closing", true));
                conn.close(Wire.CLOSE_RATE_LIMITED, "rate limited");
            }
        }
        return false;
    }

    void greet(TokenStore.Principal who, long resumeAfter) {
        principal = who;
        pump = Thread.ofVirtual().name("feed-session-" + conn.getRemoteSocketAddress()).start(() -> pump(resumeAfter));
    }

    /**
     * An answer, error or other frame outside the pump's stream, queued on the socket if the client's
     * outbox has room for it. An answer to a request or command that does not fit now waits (in
     * order, at most {@link #MAX_WAITING_ANSWERS}) for the pump to send it as soon as there is room:
     * a command that was carried out must not lose its result. Anything else that does not fit is
     * dropped (the client, not reading, will be closed 4413).
     */
    void send(Message message) {
        if (closed) return;
        String frame = Codec.encode(message);
        boolean answer = message instanceof Message.Response || message instanceof Message.CommandResult;
        synchronized (waitingAnswers) {
            if (waitingAnswers.isEmpty() && outbox.offer(frame, Outbox.BOUND)) return;
            if (answer && waitingAnswers.size() < MAX_WAITING_ANSWERS) {
                waitingAnswers.add(frame);
                return;
            }
        }
        LOG.fine(() -> "not sent to " + conn.getRemoteSocketAddress() + " (" + outbox.unsent() + " bytes unread): "
                + message.getClass().getSimpleName());
    }

    /** Sends the answers that waited for room, in order, as far as there is room now. */
    private void sendWaitingAnswers() {
        synchronized (waitingAnswers) {
            while (!waitingAnswers.isEmpty() && outbox.offer(waitingAnswers.peek(), Outbox.BOUND)) waitingAnswers.poll();
        }
    }

    /**
     * While this client has taken nothing for a second with frames waiting for room, a request or
     * command from it is answered {@code rate_limited} (by its id) without being carried out, so it
     * cannot grow what the server holds for it. A client that reads, however slowly, is served.
     */
    boolean refuseWhileStuck(Message message) {
        if (!outbox.idleFor(REFUSE_AFTER_NANOS)) return false;
        var why = new Message.ErrorInfo("rate_limited", "not carried out: your connection has read nothing for a while ("
                + outbox.unsent() / 1024 + " KiB unread); read it, or reconnect and resume from your last seq");
        switch (message) {
            case Message.Request r -> send(new Message.Response(r.id(), false, null, why));
            case Message.Command c -> send(new Message.CommandResult(c.id(), false, why, null));
            default -> send(new Message.Error(why.code(), why.message(), false));
        }
        return true;
    }

    /**
     * A change of source status, said in order with the events: "current" must not overtake the
     * history it is about, which this session's pump may still be sending. The latest status wins.
     */
    void tell(Message.SourceStatus status, long journalHead) {
        synchronized (this) {
            pendingStatus = status;
            statusAfter = journalHead;
        }
        sendPendingStatus();
    }

    /** Sends the pending status if the pump has sent everything it is about (from either thread; once). */
    private void sendPendingStatus() {
        synchronized (this) {
            if (pendingStatus == null || sent < statusAfter) return;
            // Kept pending while the outbox is full: a status is never lost, only late.
            if (outbox.offer(Codec.encode(pendingStatus), Outbox.BOUND - Outbox.REPLY_RESERVE)) pendingStatus = null;
        }
    }

    void close() {
        closed = true;
        if (pump != null) pump.interrupt();
    }

    private void pump(long resumeAfter) {
        long cursor = resumeAfter;
        sent = cursor;
        boolean liveSent = false;
        long lastSend = System.nanoTime();
        long heartbeatNanos = heartbeat.toNanos();
        CheckpointPace pace = new CheckpointPace(cursor, checkpointEvery.toNanos());
        try {
            while (!closed && conn.isOpen()) {
                sendWaitingAnswers();
                sendPendingStatus();
                SharedFrames.Batch batch = frames.after(cursor);
                if (batch.count() > 0) {
                    if (!stream(batch.frame())) return;
                    long from = cursor;
                    cursor += batch.count();
                    sent = cursor;
                    for (long seq : pace.sent(from, cursor, liveSent, System.nanoTime())) {
                        if (!stream(Codec.encode(journal.checkpoint(seq, clock.instant())))) return;
                    }
                    sendPendingStatus();
                    lastSend = System.nanoTime();
                    continue;
                }
                if (!liveSent) {
                    if (!stream(Codec.encode(new Message.Live(cursor)))) return;
                    if (pace.atLive(cursor) && !stream(Codec.encode(journal.checkpoint(cursor, clock.instant())))) return;
                    liveSent = true;
                    lastSend = System.nanoTime();
                }
                long now = System.nanoTime();
                if (pace.untilDue(now) == 0) {
                    pace.coveredBy(cursor);
                    if (!stream(Codec.encode(journal.checkpoint(cursor, clock.instant())))) return;
                    lastSend = now;
                }
                long wait = Math.min(Math.max(1, heartbeatNanos - (now - lastSend)), pace.untilDue(now));
                if (!journal.awaitBeyond(cursor, Duration.ofNanos(Math.max(1, wait)))
                        && System.nanoTime() - lastSend >= heartbeatNanos) {
                    // A heartbeat says "nothing new": one the client has no room for is simply not sent.
                    if (outbox.offer(Codec.encode(new Message.Heartbeat(journal.headSeq(), clock.instant())),
                            Outbox.BOUND - Outbox.REPLY_RESERVE)) {
                        outbox.moving();
                    } else if (outbox.tooSlow()) {
                        closeTooSlow();
                        return;
                    }
                    lastSend = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (WebsocketNotConnectedException e) {
            closed = true;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "session pump failed for " + conn.getRemoteSocketAddress(), e);
            send(new Message.Error("internal", "the feed failed to read its journal: " + e.getMessage(), true));
            conn.close(1011, "internal error");
        }
    }

    /**
     * Queues a frame of the pump's stream (events, checkpoints, live), waiting while the outbox
     * has no room for it; false when the session ended meanwhile or the client was too slow and
     * has been closed. The wait parks this virtual thread, longer each time (at most 20 ms): a
     * stalled client costs some fifty wake-ups a second, not a spinning loop.
     */
    private boolean stream(String frame) throws InterruptedException {
        return stream(WireFrame.text(frame));
    }

    private boolean stream(ByteBuffer frame) throws InterruptedException {
        long park = 1_000_000L;
        while (!closed && conn.isOpen()) {
            sendWaitingAnswers(); // answers first: a request's reply must not wait behind the whole history
            // A client that is taking what it is sent keeps about one batch queued (STREAM_WINDOW); one
            // that has taken nothing for 5 s is given up to the protocol's bound, and is "over the
            // bound" (the 30 s to 4413 start) only when that is full, as the protocol says. (Any byte
            // counts as taken: with a thousand screens replaying at once, a reading client may take
            // little in a second, and giving each of those the whole bound ran a 1 GiB server out of heap.)
            long unsent = outbox.unsent();
            long now = System.nanoTime();
            if (unsent < takenMark) lastTaken = now;
            takenMark = unsent;
            boolean taking = now - lastTaken < TAKING_NANOS;
            if ((!taking || unsent + frame.remaining() <= Math.max(STREAM_WINDOW, frame.remaining()))
                    && outbox.offer(frame, Outbox.BOUND - Outbox.REPLY_RESERVE)) {
                outbox.moving();
                return true;
            }
            if (outbox.tooSlow()) {
                closeTooSlow();
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(park);
            park = Math.min(ROOM_WAIT_MAX_NANOS, park * 2);
        }
        return false;
    }

    /** Protocol: a client over the bound for 30 s is closed 4413 and resumes from its last seq. */
    private void closeTooSlow() throws InterruptedException {
        LOG.warning("closing " + conn.getRemoteSocketAddress() + " (" + who() + "): over the bound of unsent frames for "
                + Outbox.STUCK_NANOS / 1_000_000_000L + " s, " + outbox.unsent() / 1024 + " KiB unsent");
        conn.close(Wire.CLOSE_TOO_SLOW, "too slow — resume from your last seq"); // the protocol's words
        // The close frame waits behind what the client does not read; the socket itself ends shortly after.
        Thread.sleep(CLOSE_GRACE_MILLIS);
        if (!conn.isClosed() && conn instanceof WebSocketImpl impl) impl.closeConnection(Wire.CLOSE_TOO_SLOW, "too slow");
    }

    private String who() {
        TokenStore.Principal p = principal;
        return p == null ? "not greeted" : p.user();
    }
}
