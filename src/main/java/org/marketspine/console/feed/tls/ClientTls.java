package org.marketspine.console.feed.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What a client trusts for {@code wss://}: the system trust store, plus (optionally) one pinned
 * certificate, e.g. a feed's self-signed one ({@code --trust-cert feed.pem}). Host names are
 * checked by the WebSocket client (endpoint identification "HTTPS"). Never "trust all".
 */
public final class ClientTls {
    private ClientTls() {}

    /** The socket factory for a {@code wss://} connection: {@code context}'s, or the JDK's default trust when there is none. */
    public static SSLSocketFactory socketFactory(SSLContext context) {
        try {
            return (context != null ? context : SSLContext.getDefault()).getSocketFactory();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no TLS", e);
        }
    }

    public static SSLContext context(Path trustCert) throws IOException {
        try {
            List<X509TrustManager> managers = new ArrayList<>();
            managers.add(defaultManager(null));
            if (trustCert != null) {
                KeyStore pinned = KeyStore.getInstance(KeyStore.getDefaultType());
                pinned.load(null, null);
                int i = 0;
                for (var c : ServerTls.certificates(trustCert)) pinned.setCertificateEntry("pinned-" + i++, c);
                managers.add(defaultManager(pinned));
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new AnyOf(managers)}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS trust: " + e.getMessage());
        }
    }

    private static X509TrustManager defaultManager(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(ks);
        for (TrustManager m : f.getTrustManagers()) if (m instanceof X509TrustManager x) return x;
        throw new GeneralSecurityException("no X.509 trust manager in this JDK");
    }

    /** Trusts a server chain that any one of the managers trusts. */
    private record AnyOf(List<X509TrustManager> managers) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException last = null;
            for (X509TrustManager m : managers) {
                try {
                    m.checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    last = e;
                }
            }
            throw last != null ? last : new CertificateException("no trust manager");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this client does not accept client certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream().flatMap(m -> Arrays.stream(m.getAcceptedIssuers())).toArray(X509Certificate[]::new);
        }
    }
}
