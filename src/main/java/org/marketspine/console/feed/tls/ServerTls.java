package org.marketspine.console.feed.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The feed server's TLS identity, as ops teams receive it: a PEM certificate chain and a PEM
 * (PKCS#8) private key, or a PKCS#12 key store with its password in a file. Only the JDK's own
 * TLS; every problem is a clear message naming the file, never a stack trace or a secret.
 */
public final class ServerTls {
    private ServerTls() {}

    /** From {@code --tls-cert cert.pem --tls-key key.pem}. */
    public static SSLContext fromPem(Path certPem, Path keyPem) throws IOException {
        SecretFiles.requireOwnerOnly(keyPem, "--tls-key");
        List<? extends Certificate> chain = certificates(certPem);
        PrivateKey key = privateKey(keyPem);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] none = new char[0];
            ks.setKeyEntry("feed", key, none, chain.toArray(Certificate[]::new));
            return context(ks, none);
        } catch (GeneralSecurityException e) {
            throw new IOException("the key in " + keyPem + " does not go with the certificate in " + certPem + ": " + e.getMessage());
        }
    }

    /** From {@code --tls-keystore feed.p12 --tls-keystore-password-file pw.txt}. */
    public static SSLContext fromPkcs12(Path keystore, Path passwordFile) throws IOException {
        SecretFiles.requireOwnerOnly(passwordFile, "--tls-keystore-password-file");
        char[] password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return context(ks, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot open the PKCS#12 key store " + keystore + " (wrong password or not PKCS#12)");
        } catch (IOException e) {
            throw new IOException("cannot open the PKCS#12 key store " + keystore + " (wrong password or not PKCS#12)");
        }
    }

    private static SSLContext context(KeyStore ks, char[] password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    static List<? extends Certificate> certificates(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            List<? extends Certificate> chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (chain.isEmpty()) throw new IOException("no certificate in " + pem + " (expected PEM: -----BEGIN CERTIFICATE-----)");
            return chain;
        } catch (CertificateException e) {
            throw new IOException("not a PEM certificate: " + pem + " (" + e.getMessage() + ")");
        }
    }

    /** The private key of a PEM file: PKCS#8, or OpenSSL's traditional PKCS#1 (RSA) or SEC1 (EC); unencrypted. */
    public static PrivateKey privateKey(Path pem) throws IOException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        if (text.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new IOException(pem + " is encrypted; give the server an unencrypted PKCS#8 key (owner-only file) or use "
                    + "--tls-keystore with a password file");
        }
        if (text.contains("Proc-Type: 4,ENCRYPTED")) {
            throw new IOException(pem + " is encrypted; decrypt it (openssl pkey -in " + pem.getFileName() + " -out key.pem, then chmod 600)"
                    + " or use --tls-keystore with a password file");
        }
        byte[] der;
        if (text.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            der = Pkcs8.fromPkcs1(block(text, "RSA PRIVATE KEY", pem));
        } else if (text.contains("-----BEGIN EC PRIVATE KEY-----")) {
            der = Pkcs8.fromSec1(block(text, "EC PRIVATE KEY", pem));
        } else if (text.contains("-----BEGIN PRIVATE KEY-----")) {
            der = block(text, "PRIVATE KEY", pem);
        } else {
            throw new IOException("no private key in " + pem + " (expected -----BEGIN PRIVATE KEY-----, or an RSA or EC PRIVATE KEY)");
        }
        for (String alg : List.of("RSA", "EC", "Ed25519", "EdDSA")) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException tryNext) {
                // the key is of another algorithm: try the next one
            }
        }
        throw new IOException("the private key in " + pem + " is not an RSA, EC or Ed25519 key");
    }

    /** The DER bytes of a PEM block ({@code -----BEGIN LABEL-----} … {@code -----END LABEL-----}). */
    private static byte[] block(String text, String label, Path pem) throws IOException {
        String head = "-----BEGIN " + label + "-----";
        int begin = text.indexOf(head);
        int end = text.indexOf("-----END " + label + "-----", begin);
        if (begin < 0 || end < 0) throw new IOException("the " + label + " block in " + pem + " has no end line");
        try {
            return Base64.getMimeDecoder().decode(text.substring(begin + head.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IOException("the private key in " + pem + " is not valid base64");
        }
    }
}
