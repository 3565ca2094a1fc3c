package org.marketspine.console.feed.server;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
 * heartbeats while idle, and signed checkpoints as {@link CheckpointPace} says. A slow client only
 * slows its own pump.
 */
final class Session {
    private static final Logger LOG = Logger.getLogger(Session.class.getName());
    private static final int BATCH_ITEMS = 4000;
    private static final int BATCH_CHARS = 1 << 20;
    private static final int MAX_QUEUED_FRAMES = 8;

    final WebSocket conn;
    private final Journal journal;
    private final Clock clock;
    private final Duration heartbeat;
    private final Duration checkpointEvery;
    private volatile TokenStore.Principal principal;
    private volatile boolean closed;
    private Thread pump;
    private final RateLimit rate = new RateLimit();
    /** The last item this session has sent (its pump's cursor). */
    private volatile long sent;
    /** A source status to send once this session has sent the journal up to {@link #statusAfter}. */
    private Message.SourceStatus pendingStatus;
    private long statusAfter;

    Session(WebSocket conn, Journal journal, Clock clock, Duration heartbeat, Duration checkpointEvery) {
        this.conn = conn;
        this.journal = journal;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.checkpointEvery = checkpointEvery;
    }

    TokenStore.Principal principal() {
        return principal;
    }

    boolean isGreeted() {
        return principal != null;
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

    void send(Message message) {
        send(Codec.encode(message));
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
        Message.SourceStatus due;
        synchronized (this) {
            if (pendingStatus == null || sent < statusAfter) return;
            due = pendingStatus;
            pendingStatus = null;
            send(due);
        }
    }

    private void send(String frame) {
        if (!closed && conn.isOpen()) conn.send(frame);
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
                sendPendingStatus();
                List<String> items = journal.readItems(cursor, BATCH_ITEMS, BATCH_CHARS);
                if (!items.isEmpty()) {
                    awaitDrain();
                    send(Codec.eventsFrame(items));
                    long from = cursor;
                    cursor += items.size();
                    sent = cursor;
                    for (long seq : pace.sent(from, cursor, liveSent, System.nanoTime())) send(journal.checkpoint(seq, clock.instant()));
                    sendPendingStatus();
                    lastSend = System.nanoTime();
                    continue;
                }
                if (!liveSent) {
                    send(new Message.Live(cursor));
                    if (pace.atLive(cursor)) send(journal.checkpoint(cursor, clock.instant()));
                    liveSent = true;
                    lastSend = System.nanoTime();
                }
                long now = System.nanoTime();
                if (pace.untilDue(now) == 0) {
                    pace.coveredBy(cursor);
                    send(journal.checkpoint(cursor, clock.instant()));
                    lastSend = now;
                }
                long wait = Math.min(Math.max(1, heartbeatNanos - (now - lastSend)), pace.untilDue(now));
                if (!journal.awaitBeyond(cursor, Duration.ofNanos(Math.max(1, wait)))
                        && System.nanoTime() - lastSend >= heartbeatNanos) {
                    send(new Message.Heartbeat(journal.headSeq(), clock.instant()));
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

    /** Backpressure: wait while the socket still holds several unsent frames. */
    private void awaitDrain() throws InterruptedException {
        if (!(conn instanceof WebSocketImpl impl)) return;
        while (!closed && conn.isOpen() && impl.outQueue.size() > MAX_QUEUED_FRAMES) Thread.sleep(2);
    }
}
