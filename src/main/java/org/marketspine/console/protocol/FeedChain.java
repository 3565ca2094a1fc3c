package org.marketspine.console.protocol;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The feed's hash chain and checkpoint signatures, exactly as FEED-PROTOCOL "Checkpoints signed by
 * the feed" defines them: {@code chain(0)} = 64 zeros, {@code chain(n)} = hex sha256 of
 * {@code chain(n-1) + "\n" + canonical(item n)}; a checkpoint signs
 * {@code "spine-feed-checkpoint/1\n" + feed_id + "\n" + seq + "\n" + chain + "\n" + at} with Ed25519.
 */
public final class FeedChain {
    public static final String GENESIS = "0".repeat(64);
    public static final String ALG = "Ed25519";
    private static final String SIGNED_PREFIX = "spine-feed-checkpoint/1\n";
    /** The X.509 prefix of every Ed25519 public key: the 32 raw bytes follow it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private FeedChain() {}

    /** The chain after one more item, given that item's canonical JSON. */
    public static String next(String previous, String canonicalItem) {
        return new Hasher().next(previous, canonicalItem);
    }

    /**
     * The same chain for one thread that computes a long run of it (export, verify): one digest
     * and one buffer reused, instead of a lookup and two arrays per item.
     */
    public static final class Hasher {
        private final MessageDigest sha = sha256();
        private final byte[] previous = new byte[65];
        /** The digest is written here, not into a new array per line: a million-line verify made 130 MB of them. */
        private final byte[] d = new byte[32];
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

        public String next(String previousHex, String canonicalItem) {
            byte[] item = canonicalItem.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 64; i++) previous[i] = (byte) previousHex.charAt(i);
            byte[] hex = new byte[64];
            chain(item, 0, item.length, hex);
            return new String(hex, StandardCharsets.ISO_8859_1);
        }

        /**
         * The same on a chain value held as 64 ASCII hex digits, replaced in place by the next one:
         * a verifier reading a million lines compares bytes and makes no text per line.
         */
        public void advance(byte[] headHex, byte[] utf8, int offset, int length) {
            System.arraycopy(headHex, 0, previous, 0, 64);
            chain(utf8, offset, length, headHex);
        }

        private void chain(byte[] utf8, int offset, int length, byte[] hexOut) {
            previous[64] = '\n';
            sha.update(previous);
            sha.update(utf8, offset, length);
            try {
                sha.digest(d, 0, d.length);
            } catch (DigestException e) {
                throw new IllegalStateException("SHA-256 gave no 32-byte digest", e); // cannot happen: the buffer is its length
            }
            for (int i = 0; i < 32; i++) {
                hexOut[2 * i] = HEX[(d[i] >> 4) & 0xF];
                hexOut[2 * i + 1] = HEX[d[i] & 0xF];
            }
        }
    }

    /** The bytes a checkpoint's signature is over. */
    public static byte[] signedBytes(String feedId, long seq, String chain, String at) {
        return (SIGNED_PREFIX + feedId + "\n" + seq + "\n" + chain + "\n" + at).getBytes(StandardCharsets.UTF_8);
    }

    public static Message.Checkpoint sign(PrivateKey key, String feedId, long seq, String chain, String at) {
        try {
            Signature s = Signature.getInstance(ALG);
            s.initSign(key);
            s.update(signedBytes(feedId, seq, chain, at));
            return new Message.Checkpoint(feedId, seq, chain, at, Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint: " + e.getMessage(), e);
        }
    }

    /** True when {@code checkpoint}'s signature is {@code key}'s over its fields; false for any malformed part. */
    public static boolean verify(Message.FeedKey key, Message.Checkpoint checkpoint) {
        try {
            Signature s = Signature.getInstance(ALG);
            s.initVerify(publicKey(key));
            s.update(signedBytes(checkpoint.feedId(), checkpoint.seq(), checkpoint.chain(), checkpoint.at()));
            return s.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The wire form of a public key, with its fingerprint. */
    public static Message.FeedKey feedKey(PublicKey key) {
        byte[] raw = raw(key);
        return new Message.FeedKey(ALG, Base64.getEncoder().encodeToString(raw), fingerprint(raw));
    }

    /** "SHA256:" + base64 of sha256 of the 32 raw key bytes (how an operator reads a key out over the phone). */
    public static String fingerprint(byte[] raw) {
        return "SHA256:" + Base64.getEncoder().encodeToString(sha256().digest(raw));
    }

    /**
     * The key a {@link Message.FeedKey} names, after checking that its algorithm is Ed25519 and its
     * fingerprint is really that key's.
     */
    public static PublicKey publicKey(Message.FeedKey key) throws GeneralSecurityException {
        if (!ALG.equals(key.alg())) throw new GeneralSecurityException("key algorithm " + key.alg() + " is not " + ALG);
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(key.publicKey());
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("key is not base64");
        }
        if (raw.length != 32) throw new GeneralSecurityException("key has " + raw.length + " bytes, not 32");
        if (!sameFingerprint(fingerprint(raw), key.fingerprint())) {
            throw new GeneralSecurityException("key fingerprint " + key.fingerprint() + " is not this key's (" + fingerprint(raw) + ")");
        }
        byte[] x509 = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(raw, 0, x509, X509_PREFIX.length, 32);
        return KeyFactory.getInstance(ALG).generatePublic(new X509EncodedKeySpec(x509));
    }

    /** Fingerprints compare with or without base64 padding (people copy them either way). */
    public static boolean sameFingerprint(String a, String b) {
        return a != null && b != null && strip(a).equals(strip(b));
    }

    private static String strip(String f) {
        String t = f.trim();
        while (t.endsWith("=")) t = t.substring(0, t.length() - 1);
        return t;
    }

    public static byte[] raw(PublicKey key) {
        byte[] enc = key.getEncoded();
        if (enc.length != X509_PREFIX.length + 32) throw new IllegalArgumentException("not an Ed25519 public key");
        return Arrays.copyOfRange(enc, X509_PREFIX.length, enc.length);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
