package org.marketspine.console.feed.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.HandshakeBuilder;
import org.java_websocket.handshake.Handshakedata;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

/**
 * Protocol v1's draft, refusing handshakes from web pages: one that carries an {@code Origin}
 * header not listed with {@code --allow-origin} is answered {@code HTTP 403 Forbidden} (desktop
 * clients and tools send no Origin). Java-WebSocket can only answer a rejected handshake with 404,
 * so the 403 is written as the handshake response and the server closes the connection at once
 * ({@link #refuses}), before any session exists.
 */
final class OriginCheckingDraft extends Draft_6455 {
    private final Supplier<Set<String>> allowed;
    private final int frameLimit;

    /** @param allowed the origins allowed now (read at each handshake, so the server can be configured before it starts) */
    OriginCheckingDraft(Supplier<Set<String>> allowed, int frameLimit) {
        super(Collections.emptyList(), List.<IProtocol>of(new Protocol("")), frameLimit);
        this.allowed = allowed;
        this.frameLimit = frameLimit;
    }

    /** True when this handshake comes from a page whose origin is not allowed. */
    boolean refuses(ClientHandshake request) {
        if (!request.hasFieldValue("Origin")) return false;
        String origin = normal(request.getFieldValue("Origin"));
        return allowed.get().stream().noneMatch(a -> normal(a).equals(origin));
    }

    /**
     * An origin as compared: scheme and host are case-insensitive (RFC 6454), and an operator may
     * write the allowed one with a trailing slash; a port stays significant.
     */
    static String normal(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }

    @Override
    public HandshakeBuilder postProcessHandshakeResponseAsServer(ClientHandshake request, ServerHandshakeBuilder response)
            throws InvalidHandshakeException {
        HandshakeBuilder out = super.postProcessHandshakeResponseAsServer(request, response);
        if (refuses(request)) response.setHttpStatus(FORBIDDEN);
        return out;
    }

    private static final short FORBIDDEN = 403;
    private static final byte[] FORBIDDEN_RESPONSE = ("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 53\r\nConnection: close\r\n\r\n"
            + "this feed does not accept connections from web pages\n").getBytes(StandardCharsets.US_ASCII);

    /** Draft writes every server handshake as "101"; a refused one is written here instead, as a plain HTTP 403. */
    @Override
    public List<ByteBuffer> createHandshake(Handshakedata data, boolean withContent) {
        if (data instanceof ServerHandshake sh && sh.getHttpStatus() == FORBIDDEN) {
            return List.of(ByteBuffer.wrap(FORBIDDEN_RESPONSE));
        }
        return super.createHandshake(data, withContent);
    }

    @Override
    public List<ByteBuffer> createHandshake(Handshakedata data) {
        return createHandshake(data, true);
    }

    @Override
    public Draft copyInstance() {
        return new OriginCheckingDraft(allowed, frameLimit);
    }
}
