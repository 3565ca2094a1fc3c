package org.marketspine.console.feed.server;

import java.nio.ByteBuffer;
import java.util.function.LongSupplier;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;

/**
 * What a session has handed to its socket and the client has not yet taken, bounded
 * (FEED-PROTOCOL "Slow consumers"): a frame is queued only if the client's unsent bytes stay
 * within {@link #BOUND}; otherwise it is not queued at all. The session's pump keeps
 * {@link #REPLY_RESERVE} free so that answers to requests still fit while history streams.
 * A client over the bound for {@link #STUCK_NANOS} (no frame has fitted since one first did not) is
 * too slow and is closed 4413, however much it reads meanwhile: a trickle is not keeping up. One
 * that has read nothing at all for a moment gets its requests refused (see {@link #idleFor}).
 */
final class Outbox {
    /** The protocol's bound on unsent bytes per client. */
    static final long BOUND = 8L * 1024 * 1024;
    /** Room the pump leaves for answers, errors and command results. */
    static final long REPLY_RESERVE = 1024 * 1024;
    /** Over the bound this long, the client is closed (protocol: 30 s). */
    static final long STUCK_NANOS = 30_000_000_000L;

    private final WebSocket conn;
    private final LongSupplier nanoTime;
    private final BoundWatch watch = new BoundWatch();

    Outbox(WebSocket conn, LongSupplier nanoTime) {
        this.conn = conn;
        this.nanoTime = nanoTime;
    }

    /** {@link #offer(ByteBuffer, long)} of the text frame of this message. */
    boolean offer(String frame, long limit) {
        return offer(WireFrame.text(frame), limit);
    }

    /**
     * Queues a whole wire frame ({@link WireFrame}) if {@code limit} leaves room for it; false
     * (nothing queued, and the client counted as stuck from now on if it was not) when it does not,
     * or the connection is gone. The frame goes to the socket's queue as it is: a catch-up frame is
     * built once for every session and each socket writes it from the same memory, where the
     * library's own send copied every frame into a new buffer per client (for a thousand replays,
     * 25 GB copied and collected) and checked every byte of {@code send(String)} as UTF-8, which a
     * Java string's encoding always is. Frames queued here and the library's own (pongs, the close)
     * are whole buffers in one queue, so they never interleave within a frame.
     */
    synchronized boolean offer(ByteBuffer wire, long limit) {
        if (!conn.isOpen()) return false;
        long unsent = unsent();
        if (unsent + wire.remaining() > limit) {
            watch.missed(unsent, nanoTime.getAsLong());
            return false;
        }
        WebSocketImpl socket = (WebSocketImpl) conn;
        // The library's close() holds the socket's monitor while it queues the close frame: taking it
        // here means no frame of ours lands behind a close frame.
        synchronized (socket) {
            if (!socket.isOpen()) return false;
            socket.outQueue.add(wire.duplicate());
        }
        socket.getWebSocketListener().onWriteDemand(socket);
        return true;
    }

    /** A frame fitted: the client is within the bound again. */
    synchronized void moving() {
        watch.fitted();
    }

    /** Something is waiting for room (the client is behind, maybe only for a moment). */
    synchronized boolean isBehind() {
        return watch.isOver();
    }

    /** Something has waited for room this long with the client reading nothing at all. */
    synchronized boolean idleFor(long nanos) {
        return watch.idleFor(nanos, nanoTime.getAsLong());
    }

    /** True once the client has been over the bound for {@link #STUCK_NANOS}: no frame has fitted since one first did not. */
    synchronized boolean tooSlow() {
        return watch.overFor(STUCK_NANOS, nanoTime.getAsLong());
    }

    /** Bytes queued on the socket that the client has not yet read (frames already encoded by the transport). */
    long unsent() {
        if (!(conn instanceof WebSocketImpl impl)) return 0;
        long bytes = 0;
        for (ByteBuffer b : impl.outQueue) bytes += b.remaining();
        return bytes;
    }
}
