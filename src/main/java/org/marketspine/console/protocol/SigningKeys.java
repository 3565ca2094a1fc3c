package org.marketspine.console.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * An Ed25519 key pair kept in one owner-only file: a PEM "PRIVATE KEY" block (PKCS#8), then a PEM
 * "PUBLIC KEY" block (X.509). The feed signs its checkpoints with one, an exporter its bundles
 * with another; only public halves ever leave the machine.
 */
public record SigningKeys(PrivateKey privateKey, PublicKey publicKey) {

    /** "SHA256:" + base64 of sha256 of the 32 raw public-key bytes: the same form for feeds and exporters. */
    public String fingerprint() {
        return FeedChain.fingerprint(FeedChain.raw(publicKey));
    }

    public Message.FeedKey wire() {
        return FeedChain.feedKey(publicKey);
    }

    /** Never print a private key. */
    @Override
    public String toString() {
        return "SigningKeys[" + fingerprint() + "]";
    }

    /** The key in {@code file}, created there (owner-only) if there is none yet. */
    public static SigningKeys loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) return load(file);
        SigningKeys keys = create();
        writeOwnerOnly(file, keys.pemText());
        return keys;
    }

    /** A new key pair. */
    public static SigningKeys create() throws IOException {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(FeedChain.ALG).generateKeyPair();
            return new SigningKeys(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IOException("this JDK cannot make Ed25519 keys: " + e.getMessage(), e);
        }
    }

    /** Both halves as the key file holds them (the private half included: only for storing it where the file would be). */
    public String pemText() {
        return pem("PRIVATE KEY", privateKey.getEncoded()) + pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** Writes {@code text} to {@code file} through a sibling temp file made owner-only (rw-------) before any byte is in it. */
    public static void writeOwnerOnly(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static SigningKeys load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    }

    /** A key pair from the text {@link #pemText()} makes; {@code where} names its home in messages. */
    public static SigningKeys parse(String text, String where) throws IOException {
        try {
            KeyFactory f = KeyFactory.getInstance(FeedChain.ALG);
            PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(block(text, "PRIVATE KEY", where)));
            PublicKey pub = f.generatePublic(new X509EncodedKeySpec(block(text, "PUBLIC KEY", where)));
            return new SigningKeys(priv, pub);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(where + " is not an Ed25519 signing key (" + e.getMessage() + ")", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] block(String text, String type, String file) throws IOException {
        String begin = "-----BEGIN " + type + "-----";
        int a = text.indexOf(begin);
        int b = text.indexOf("-----END " + type + "-----");
        if (a < 0 || b < a) throw new IOException(file + ": no " + type + " block");
        return Base64.getMimeDecoder().decode(text.substring(a + begin.length(), b));
    }
}
