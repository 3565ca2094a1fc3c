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
 * A client that has taken nothing for {@link #STUCK_NANOS} while something waited for room is too
 * slow and is closed 4413; one that reads, however slowly, starts that clock again.
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
    /** Since when a frame has waited for room with the client taking nothing, or -1 while everything fits. */
    private long stuckSince = -1;
    /** The unsent bytes when a frame last did not fit: fewer later means the client read some. */
    private long unsentThen;

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
            // The first miss, or the client has read some since the last one: the clock starts (again) now.
            if (stuckSince < 0 || unsent < unsentThen) stuckSince = nanoTime.getAsLong();
            unsentThen = unsent;
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

    /** The client took what it was sent: whatever was stuck is not any more. */
    synchronized void moving() {
        stuckSince = -1;
    }

    /** Something is waiting for room (the client is behind, maybe only for a moment). */
    synchronized boolean isBehind() {
        return stuckSince >= 0;
    }

    /** Something has waited for room this long with the client taking nothing. */
    synchronized boolean stalledFor(long nanos) {
        return stuckSince >= 0 && nanoTime.getAsLong() - stuckSince >= nanos;
    }

    /** True once the client has taken nothing for {@link #STUCK_NANOS} while something waited. */
    boolean tooSlow() {
        return stalledFor(STUCK_NANOS);
    }

    /** Bytes queued on the socket that the client has not yet read (frames already encoded by the transport). */
    long unsent() {
        if (!(conn instanceof WebSocketImpl impl)) return 0;
        long bytes = 0;
        for (ByteBuffer b : impl.outQueue) bytes += b.remaining();
        return bytes;
    }
}
