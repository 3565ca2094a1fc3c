package org.marketspine.console.feed.server;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.Wire;

/**
 * The Java-WebSocket server under the feed: only plumbing. It serves the feed's one path, refuses
 * a browser origin not allowed and a crowd of unanswered connections (the {@link Gatekeeper}),
 * answers binary frames with an error, and hands each connection's session and text frames to the
 * feed; one client's frame never takes the server down.
 */
final class FeedTransport extends WebSocketServer {
    private static final Logger LOG = Logger.getLogger(FeedTransport.class.getName());

    /** What the feed does with connections. */
    interface Feed {
        /** A connection was let in: its session (the feed starts its hello timeout). */
        Session opened(WebSocket conn);

        void frame(Session session, String frame);

        void binaryFrame(Session session);

        /** Listening, or (with a failure) never will. */
        void started(Exception failure);
    }

    private final Feed feed;
    private final int frameLimit;

    FeedTransport(InetSocketAddress bind, Supplier<Set<String>> allowedOrigins, int frameLimit, Feed feed) {
        super(bind, Math.max(2, Runtime.getRuntime().availableProcessors()),
                List.<Draft>of(new OriginCheckingDraft(allowedOrigins, frameLimit)));
        this.feed = feed;
        this.frameLimit = frameLimit;
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
            throws InvalidDataException {
        String path = request.getResourceDescriptor();
        int query = path.indexOf('?');
        if (!Wire.PATH.equals(query < 0 ? path : path.substring(0, query))) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "the feed is at " + Wire.PATH);
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        if (Gatekeeper.refusedOrigin(conn, handshake) || Gatekeeper.tooManyWaiting(conn, getConnections())) return;
        conn.setAttachment(feed.opened(conn));
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        Session session = conn.getAttachment();
        if (session != null) session.close();
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        Session session = conn.getAttachment();
        if (session == null) return;
        try {
            feed.frame(session, message);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "failed to handle a frame from " + conn.getRemoteSocketAddress(), e);
            session.send(new Message.Error("internal", "the feed failed on that frame", false));
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer bytes) {
        Session session = conn.getAttachment();
        if (session != null) feed.binaryFrame(session);
    }

    /**
     * A frame over the transport's limit is never read: the library closes 1009 (message too big).
     * The protocol refuses larger frames "with an error": said here, before the close frame goes.
     */
    @Override
    public void onCloseInitiated(WebSocket conn, int code, String reason) {
        Session session = conn.getAttachment();
        if (code == CloseFrame.TOOBIG && session != null) {
            session.send(new Message.Error("too_large", "a frame over " + frameLimit / (1024 * 1024)
                    + " MiB is not read (the protocol's limit is 4 MiB); closing", true));
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            LOG.log(Level.SEVERE, "feed server error", ex);
            feed.started(ex);
        } else {
            LOG.log(Level.FINE, "connection error from " + conn.getRemoteSocketAddress(), ex);
        }
    }

    @Override
    public void onStart() {
        feed.started(null);
    }
}
