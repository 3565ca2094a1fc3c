package org.marketspine.console.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.Locale;

/**
 * The Ed25519 key that signs bundles: generated on first use into the user's config directory,
 * readable by the owner only, or given as a file. Only the public half ever goes into a bundle.
 * File: a PEM "PRIVATE KEY" block (PKCS#8) then a PEM "PUBLIC KEY" block (X.509).
 */
public record BundleKeys(PrivateKey privateKey, PublicKey publicKey) {

    /** SHA-256 of the public key's encoding: how a reviewer names the signer. */
    public String fingerprint() {
        return fingerprint(publicKey);
    }

    public static String fingerprint(PublicKey key) {
        return "SHA256:" + Bundle.hex(Bundle.sha256().digest(key.getEncoded()));
    }

    public static Path defaultFile() {
        String override = System.getProperty("spine.console.config", System.getenv("SPINE_CONSOLE_CONFIG"));
        Path dir;
        if (override != null && !override.isBlank()) {
            dir = Path.of(override);
        } else {
            String home = System.getProperty("user.home");
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String xdg = System.getenv("XDG_CONFIG_HOME");
            if (os.contains("win")) dir = Path.of(System.getenv("APPDATA") != null ? System.getenv("APPDATA") : home, "SpineConsole");
            else if (os.contains("mac")) dir = Path.of(home, "Library", "Application Support", "SpineConsole");
            else dir = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config")).resolve("spine-console");
        }
        return dir.resolve("bundle-signing-key.pem");
    }

    /** The key in {@code file}, created there (owner-only) if there is none yet. */
    public static BundleKeys loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) return load(file);
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(file.toAbsolutePath().getParent());
            String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new BundleKeys(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IOException("this JDK cannot make Ed25519 keys: " + e.getMessage(), e);
        }
    }

    public static BundleKeys load(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        try {
            KeyFactory f = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(block(text, "PRIVATE KEY", file)));
            PublicKey pub = f.generatePublic(new X509EncodedKeySpec(block(text, "PUBLIC KEY", file)));
            return new BundleKeys(priv, pub);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not an Ed25519 signing key file (" + e.getMessage() + ")", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] block(String text, String type, Path file) throws IOException {
        String begin = "-----BEGIN " + type + "-----";
        int a = text.indexOf(begin);
        int b = text.indexOf("-----END " + type + "-----");
        if (a < 0 || b < a) throw new IOException(file + ": no " + type + " block");
        return Base64.getMimeDecoder().decode(text.substring(a + begin.length(), b));
    }
}
