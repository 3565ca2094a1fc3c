package org.marketspine.console.feed.client;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.java_websocket.exceptions.InvalidHandshakeException;

/**
 * Why a connection attempt failed, in the words an operator acts on: refused (nothing listening),
 * DNS (no such host), TLS (certificate not trusted), a refused handshake, a timeout. Decided on
 * exception types, never on their text.
 */
public final class ConnectFailure {
    private ConnectFailure() {}

    /** One line naming the cause; {@code error} may be null when the socket closed without saying why. */
    public static String describe(Throwable error, URI url) {
        String where = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
        if (error == null) return "cannot reach " + where;
        Throwable certificate = find(error, CertificateException.class);
        if (certificate != null) return "TLS: certificate for " + url.getHost() + " not trusted (" + certificate.getMessage() + ")";
        if (find(error, SSLHandshakeException.class) != null || find(error, SSLException.class) != null) {
            return "TLS handshake with " + where + " failed (" + find(error, SSLException.class).getMessage() + ")";
        }
        if (find(error, UnknownHostException.class) != null) return "DNS: host " + url.getHost() + " not found";
        if (find(error, NoRouteToHostException.class) != null) return "no route to " + where;
        if (find(error, ConnectException.class) != null) return "connection refused by " + where + " (is the feed server running?)";
        if (find(error, SocketTimeoutException.class) != null) return "timed out connecting to " + where;
        InvalidHandshakeException handshake = find(error, InvalidHandshakeException.class);
        if (handshake != null) return "the server at " + where + " refused the WebSocket handshake (" + handshake.getMessage() + ")";
        return "cannot reach " + where + " (" + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage()) + ")";
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) return type.cast(c);
        }
        return null;
    }
}
