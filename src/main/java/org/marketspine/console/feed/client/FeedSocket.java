package org.marketspine.console.feed.client;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.marketspine.console.protocol.Wire;

/**
 * One connection attempt of a {@link FeedClient} (a new one for each reconnect): the Java-WebSocket
 * client, configured for the feed, passing what happens on it to the client that made it.
 */
final class FeedSocket extends WebSocketClient {
    /** What the client does with its socket's events; each says which socket, so a stale one is told apart. */
    interface Events {
        void opened(FeedSocket socket);

        void frame(FeedSocket socket, String frame);

        void closed(FeedSocket socket, int code, String reason);

        void failed(FeedSocket socket, Exception error);
    }

    private final Events events;

    FeedSocket(URI uri, int connectTimeoutMillis, Events events) {
        // A connect timeout: a blackholed host must fail the attempt (and retry), not hang for the OS's two minutes.
        super(uri, new Draft_6455(Collections.emptyList(), List.<IProtocol>of(new Protocol("")), 4 * Wire.MAX_FRAME_BYTES),
                Map.of(), connectTimeoutMillis);
        this.events = events;
        setConnectionLostTimeout(0); // the client's own watchdog, on protocol heartbeats
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        events.opened(this);
    }

    @Override
    public void onMessage(String message) {
        events.frame(this, message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        events.closed(this, code, reason);
    }

    @Override
    public void onError(Exception ex) {
        events.failed(this, ex);
    }
}
