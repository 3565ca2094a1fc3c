package org.marketspine.console.feed.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The two older PEM key forms ops teams still receive (OpenSSL's "traditional" output:
 * {@code BEGIN RSA PRIVATE KEY}, PKCS#1, and {@code BEGIN EC PRIVATE KEY}, SEC1, which
 * {@code openssl ecparam -genkey} writes to this day) wrapped as the PKCS#8 the JDK's key
 * factories read: the same key bytes inside a PrivateKeyInfo that names their algorithm. Only
 * DER's length rules are needed for that, so no crypto library is added for it.
 */
final class Pkcs8 {
    private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500"); // SEQUENCE { rsaEncryption, NULL }
    private static final byte[] EC_PUBLIC_KEY = hex("06072a8648ce3d0201"); // OID 1.2.840.10045.2.1
    private static final byte[] VERSION_0 = hex("020100");

    private Pkcs8() {}

    /** PKCS#1 RSAPrivateKey → PrivateKeyInfo. */
    static byte[] fromPkcs1(byte[] rsaPrivateKey) {
        return tlv(0x30, VERSION_0, RSA_ALGORITHM, tlv(0x04, rsaPrivateKey));
    }

    /** SEC1 ECPrivateKey (with its curve, as OpenSSL writes it) → PrivateKeyInfo naming that curve. */
    static byte[] fromSec1(byte[] ecPrivateKey) throws IOException {
        // ECPrivateKey ::= SEQUENCE { version, privateKey OCTET STRING, [0] parameters (the curve's OID), [1] publicKey }
        int[] seq = header(ecPrivateKey, 0, 0x30);
        int at = seq[0];
        int end = seq[0] + seq[1];
        while (at < end) {
            int tag = ecPrivateKey[at] & 0xFF;
            int[] h = header(ecPrivateKey, at, tag);
            if (tag == 0xA0) {
                byte[] curve = Arrays.copyOfRange(ecPrivateKey, h[0], h[0] + h[1]);
                return tlv(0x30, VERSION_0, tlv(0x30, EC_PUBLIC_KEY, curve), tlv(0x04, ecPrivateKey));
            }
            at = h[0] + h[1];
        }
        throw new IOException("the EC key does not name its curve (OpenSSL writes it; was it made with -noout -param_enc explicit?)");
    }

    /** {content start, content length} of the element at {@code at}, which must have {@code tag}. */
    private static int[] header(byte[] der, int at, int tag) throws IOException {
        if (at + 2 > der.length || (der[at] & 0xFF) != tag) throw new IOException("not a DER key");
        int first = der[at + 1] & 0xFF;
        if (first < 0x80) return check(der, at + 2, first);
        int bytes = first & 0x7F;
        if (bytes < 1 || bytes > 3 || at + 2 + bytes > der.length) throw new IOException("not a DER key");
        int length = 0;
        for (int i = 0; i < bytes; i++) length = (length << 8) | (der[at + 2 + i] & 0xFF);
        return check(der, at + 2 + bytes, length);
    }

    private static int[] check(byte[] der, int start, int length) throws IOException {
        if (start + length > der.length) throw new IOException("not a DER key (cut short)");
        return new int[] {start, length};
    }

    private static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) content.writeBytes(p);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.size();
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
