package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.feed.client.FeedClient;
import org.marketspine.console.feed.client.FeedListener;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.bench.SyntheticHistory;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.JournalOnlySource;
import org.marketspine.console.feed.tls.ClientTls;
import org.marketspine.console.feed.tls.ServerTls;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Role;
import org.marketspine.console.testing.Await;
import org.marketspine.console.testing.ThreadLeakCheck;

/** Issue 13 (R9): wss:// with a certificate the test makes; an untrusted one is refused with that reason, never a fallback. */
@ExtendWith(ThreadLeakCheck.class)
class TlsTest {
    @TempDir
    static Path dir;
    static Path p12;
    static Path password;
    static Path certPem;
    static Path keyPem;

    /** A self-signed certificate for 127.0.0.1 / localhost, made with the JDK's keytool, as an ops team would for a trial. */
    @BeforeAll
    static void makeCertificate() throws Exception {
        p12 = dir.resolve("feed.p12");
        password = dir.resolve("p12.pw");
        Files.writeString(password, "changeit-test\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "feed", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "30", "-storetype", "PKCS12",
                "-keystore", p12.toString(), "-storepass", "changeit-test", "-keypass", "changeit-test")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool: " + out);
        // The same identity as PEM files (PKCS#8 key, owner-only), the other form ops teams receive.
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(p12)) {
            ks.load(in, "changeit-test".toCharArray());
        }
        Certificate cert = ks.getCertificate("feed");
        PrivateKey key = (PrivateKey) ks.getKey("feed", "changeit-test".toCharArray());
        certPem = dir.resolve("feed.pem");
        keyPem = dir.resolve("feed-key.pem");
        Files.writeString(certPem, pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
        Files.setPosixFilePermissions(keyPem, PosixFilePermissions.fromString("rw-------"));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static FeedServer server(Journal j, SSLContext tls) throws Exception {
        Path tokens = dir.resolve("tokens.json");
        if (!Files.exists(tokens)) TokenStore.addToken(tokens, "alice", Role.ANALYST);
        return new FeedServer(j, new JournalOnlySource("journal"), TokenStore.load(tokens), new InetSocketAddress("127.0.0.1", 0),
                Clock.systemUTC()).tls(tls).start();
    }

    private static String token() throws IOException {
        Path t = dir.resolve("alice.token");
        if (!Files.exists(t)) Files.writeString(t, TokenStore.addToken(dir.resolve("tokens.json"), "alice", Role.ANALYST));
        return Files.readString(t);
    }

    private static ConnectionState connect(FeedServer server, SSLContext trust, Predicate<ConnectionState> until)
            throws Exception {
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        List<Event> got = new CopyOnWriteArrayList<>();
        try (FeedClient c = new FeedClient(URI.create(server.url()), token(), 0, FeedListener.of(got::addAll, states::add),
                Clock.systemUTC()).trust(trust).start()) {
            Await.until("a matching state; saw " + states, Duration.ofSeconds(15),
                    () -> states.stream().anyMatch(until));
            return states.stream().filter(until).findFirst().orElseThrow();
        }
    }

    @Test
    void aClientOverWssGetsWelcomeAndReplayFromAPkcs12AndFromPemFiles() throws Exception {
        for (SSLContext identity : List.of(ServerTls.fromPkcs12(p12, password), ServerTls.fromPem(certPem, keyPem))) {
            Path journalFile = Files.createTempFile(dir, "tls", ".journal");
            Files.delete(journalFile);
            try (Journal j = Journal.open(journalFile)) {
                j.append(Instant.now(), new EventData.AnomalyAcknowledged("an-1", "test", "over TLS"));
                FeedServer server = server(j, identity);
                try {
                    assertTrue(server.url().startsWith("wss://127.0.0.1:"), server.url());
                    ConnectionState live = connect(server, ClientTls.context(certPem), ConnectionState::isLive);
                    assertEquals(1, live.lastSeq(), "replayed over wss");
                } finally {
                    server.close();
                }
            }
        }
    }

    /**
     * History in full 256-KiB catch-up frames over wss: each is one shared buffer written through
     * every connection's TLS engine (partial writes, records split), and arrives whole and in order.
     */
    @Test
    void aLongHistoryReplaysWholeOverWss() throws Exception {
        try (Journal j = Journal.open(dir.resolve("long-tls.journal"))) {
            j.appendAll(SyntheticHistory.facts(20_000, 7));
            FeedServer server = server(j, ServerTls.fromPem(certPem, keyPem));
            try {
                for (int client = 0; client < 2; client++) { // the second one replays the frames the first one's replay kept
                    ConnectionState live = connect(server, ClientTls.context(certPem), ConnectionState::isLive);
                    assertEquals(20_000, live.lastSeq(), "every event, in order (the client checks each seq)");
                }
            } finally {
                server.close();
            }
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedWithThatReason() throws Exception {
        Path journalFile = dir.resolve("untrusted.journal");
        try (Journal j = Journal.open(journalFile)) {
            FeedServer server = server(j, ServerTls.fromPkcs12(p12, password));
            try {
                ConnectionState refused = connect(server, ClientTls.context(null), s -> s.detail() != null && s.detail().startsWith("TLS"));
                assertTrue(refused.detail().contains("not trusted"), refused.detail());
                assertFalse(refused.isLive());
            } finally {
                server.close();
            }
        }
    }

    /** A trusted certificate for another host name is refused too: host names are checked, not only signatures. */
    @Test
    void aCertificateForAnotherHostIsRefused() throws Exception {
        Path other = dir.resolve("other.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "feed", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=feed.example", "-ext", "SAN=dns:feed.example", "-validity", "30", "-storetype", "PKCS12",
                "-keystore", other.toString(), "-storepass", "changeit-test", "-keypass", "changeit-test").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(other)) {
            ks.load(in, "changeit-test".toCharArray());
        }
        Path otherPem = dir.resolve("other.pem");
        Files.writeString(otherPem, pem("CERTIFICATE", ks.getCertificate("feed").getEncoded()));
        try (Journal j = Journal.open(dir.resolve("other-host.journal"))) {
            FeedServer server = server(j, ServerTls.fromPkcs12(other, password));
            try {
                ConnectionState refused = connect(server, ClientTls.context(otherPem), s -> s.detail() != null && s.detail().startsWith("TLS"));
                assertTrue(refused.detail().contains("not trusted"), "trusted, but for feed.example, not 127.0.0.1: " + refused.detail());
            } finally {
                server.close();
            }
        }
    }

    /**
     * The older PEM key forms OpenSSL still writes — SEC1 ({@code BEGIN EC PRIVATE KEY}, what
     * {@code openssl ecparam -genkey} gives) and PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) — read as
     * the very key they were made from (openssl converts this test's own PKCS#8 keys), and serve.
     */
    @Test
    void traditionalOpensslKeysReadAsTheKeyTheyHold() throws Exception {
        assumeTrue(run("openssl", "version").startsWith("OpenSSL"), "openssl is not installed");
        Path sec1 = dir.resolve("sec1.pem");
        run("openssl", "ec", "-in", keyPem.toString(), "-out", sec1.toString());
        assertTrue(Files.readString(sec1).contains("BEGIN EC PRIVATE KEY"), Files.readString(sec1));
        Path rsaPkcs8 = dir.resolve("rsa-pkcs8.pem");
        Path pkcs1 = dir.resolve("rsa-pkcs1.pem");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        PrivateKey rsaKey = rsa.generateKeyPair().getPrivate();
        Files.writeString(rsaPkcs8, pem("PRIVATE KEY", rsaKey.getEncoded()));
        run("openssl", "rsa", "-traditional", "-in", rsaPkcs8.toString(), "-out", pkcs1.toString());
        assertTrue(Files.readString(pkcs1).contains("BEGIN RSA PRIVATE KEY"), Files.readString(pkcs1));
        for (Path key : List.of(sec1, pkcs1)) Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));

        // The same secret (the encodings differ: a SEC1 key read whole keeps its curve and public point inside).
        assertEquals(((ECPrivateKey) ServerTls.privateKey(keyPem)).getS(), ((ECPrivateKey) ServerTls.privateKey(sec1)).getS(),
                "SEC1 holds the same EC key");
        RSAPrivateKey read = (RSAPrivateKey) ServerTls.privateKey(pkcs1);
        assertEquals(((RSAPrivateKey) rsaKey).getModulus(), read.getModulus(), "PKCS#1 holds the same RSA key");
        assertEquals(((RSAPrivateKey) rsaKey).getPrivateExponent(), read.getPrivateExponent());
        assertNotNull(ServerTls.fromPem(certPem, sec1), "and the certificate's server identity is made with it");
    }

    /** Runs a command to its end; its output (the test fails if it exits non-zero, unless it could not start at all). */
    private static String run(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return "";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
        return out;
    }

    @Test
    void badKeyFilesAreRefusedWithHowToFixThem() throws Exception {
        Path shared = dir.resolve("shared-key.pem");
        Files.copy(keyPem, shared);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        IOException e = assertThrows(IOException.class, () -> ServerTls.fromPem(certPem, shared));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        Path pkcs1 = dir.resolve("rsa.pem");
        Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(pkcs1, PosixFilePermissions.fromString("rw-------"));
        e = assertThrows(IOException.class, () -> ServerTls.fromPem(certPem, pkcs1));
        assertTrue(e.getMessage().contains("is not an RSA, EC or Ed25519 key"), e.getMessage());
        Path encrypted = dir.resolve("encrypted.pem");
        Files.writeString(encrypted, "-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nMIIB\n"
                + "-----END EC PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(encrypted, PosixFilePermissions.fromString("rw-------"));
        e = assertThrows(IOException.class, () -> ServerTls.fromPem(certPem, encrypted));
        assertTrue(e.getMessage().contains("is encrypted; decrypt it (openssl pkey"), e.getMessage());
        Path wrong = dir.resolve("wrong.pw");
        Files.writeString(wrong, "nope");
        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-------"));
        e = assertThrows(IOException.class, () -> ServerTls.fromPkcs12(p12, wrong));
        assertFalse(e.getMessage().contains("nope"), "never the password");
    }
}
