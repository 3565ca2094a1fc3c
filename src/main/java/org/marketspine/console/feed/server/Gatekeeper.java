package org.marketspine.console.feed.server;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Collection;
import java.util.logging.Logger;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.Wire;

/**
 * Who may stay connected: web pages (an Origin not allowed) are turned away at the door, an
 * address may hold at most {@value #MAX_UNAUTHENTICATED_PER_ADDRESS} connections that have not
 * said hello, and a session whose token was revoked or expired is ended.
 */
final class Gatekeeper {
    private static final Logger LOG = Logger.getLogger(Gatekeeper.class.getName());
    static final int MAX_UNAUTHENTICATED_PER_ADDRESS = 32;

    private Gatekeeper() {}

    /** True (and the connection closed) when the handshake came from a web page whose origin is not allowed. */
    static boolean refusedOrigin(WebSocket conn, ClientHandshake handshake) {
        if (!(conn.getDraft() instanceof OriginCheckingDraft d) || !d.refuses(handshake)) return false;
        // The 403 went out as the handshake's answer; nothing of this peer is served or journaled.
        LOG.warning("refused a WebSocket handshake from " + conn.getRemoteSocketAddress() + " with Origin '"
                + handshake.getFieldValue("Origin") + "' (not in --allow-origin): HTTP 403");
        if (conn instanceof WebSocketImpl impl) {
            impl.flushAndClose(CloseFrame.POLICY_VALIDATION, "origin not allowed", false);
        } else {
            conn.closeConnection(CloseFrame.POLICY_VALIDATION, "origin not allowed");
        }
        return true;
    }

    /** True (and the connection closed 4429) when its address already holds the most connections waiting for hello. */
    static boolean tooManyWaiting(WebSocket conn, Collection<WebSocket> all) {
        InetAddress from = conn.getRemoteSocketAddress() == null ? null : conn.getRemoteSocketAddress().getAddress();
        long waiting = all.stream().filter(c -> c != conn && c.getAttachment() instanceof Session other && !other.isGreeted()
                && c.getRemoteSocketAddress() != null && c.getRemoteSocketAddress().getAddress().equals(from)).count();
        if (waiting < MAX_UNAUTHENTICATED_PER_ADDRESS) return false;
        // A flood of sockets that never say hello must not exhaust the server.
        LOG.warning("refused a connection from " + from + ": " + waiting + " unauthenticated connections already open");
        conn.close(Wire.CLOSE_RATE_LIMITED, "too many unauthenticated connections from this address");
        return true;
    }

    /** Ends (4401) every session whose token the store no longer admits at {@code now}. */
    static void endRevoked(Collection<WebSocket> all, TokenStore tokens, Instant now) {
        for (WebSocket conn : all) {
            Session session = conn.getAttachment();
            if (session == null || !session.isGreeted() || tokens.stillValid(session.principal(), now)) continue;
            LOG.warning("ending the session of " + session.principal().user() + " from " + conn.getRemoteSocketAddress()
                    + ": its token was revoked or has expired");
            session.send(new Message.Error("unauthorized", "your token was revoked or has expired", true));
            conn.close(Wire.CLOSE_UNAUTHORIZED, "token revoked or expired");
        }
    }
}
