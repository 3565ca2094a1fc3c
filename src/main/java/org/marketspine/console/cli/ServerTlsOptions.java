package org.marketspine.console.cli;

import java.io.IOException;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.marketspine.console.feed.tls.ServerTls;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The feed server's own TLS identity: PEM files or a PKCS#12 key store, or none (ws://). */
final class ServerTlsOptions {
    @Option(names = "--tls-cert", paramLabel = "CERT.pem", description = "Serve wss:// with this PEM certificate chain (with --tls-key).") Path cert;

    @Option(names = "--tls-key", paramLabel = "KEY.pem", description = "The PEM (PKCS#8) private key of --tls-cert; owner-only"
            + " (chmod 600).") Path key;

    @Option(names = "--tls-keystore", paramLabel = "FEED.p12", description = "Serve wss:// with this PKCS#12 key store"
            + " instead of PEM files.") Path keystore;

    @Option(names = "--tls-keystore-password-file", paramLabel = "FILE", description = "The key store's password; owner-only.") Path keystorePassword;

    /** The identity given, or null for none; a half-given or doubly-given one is refused on {@code cmd}'s command line. */
    SSLContext context(CommandLine cmd) throws IOException {
        boolean pem = cert != null || key != null;
        boolean p12 = keystore != null || keystorePassword != null;
        if (pem && p12) throw new ParameterException(cmd, "give either --tls-cert/--tls-key or --tls-keystore, not both");
        if (pem) {
            if (cert == null || key == null) throw new ParameterException(cmd, "--tls-cert and --tls-key go together");
            return ServerTls.fromPem(cert, key);
        }
        if (p12) {
            if (keystore == null || keystorePassword == null) throw new ParameterException(cmd, "--tls-keystore needs --tls-keystore-password-file");
            return ServerTls.fromPkcs12(keystore, keystorePassword);
        }
        return null;
    }
}
