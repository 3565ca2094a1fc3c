package org.marketspine.console.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.marketspine.console.protocol.SigningKeys;

/** For tests: fixes every file's sha256 in a bundle's manifest and signs it again with {@code key}. */
final class Resign {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Resign() {}

    static Path manifest(Path in, Path out, SigningKeys key) throws Exception {
        Map<String, byte[]> entries = BundleTest.read(in);
        ObjectNode m = (ObjectNode) JSON.readTree(entries.get(Bundle.MANIFEST));
        for (String f : new String[] {Bundle.EVENTS, Bundle.REPORT, Bundle.LINEAGE}) {
            m.with("files").put(f, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(entries.get(f))));
        }
        sign(entries, JSON.writeValueAsBytes(m), key);
        BundleTest.write(out, entries);
        return out;
    }

    /** Puts {@code manifest} into the bundle's entries with an exporter signature over it by {@code key}, as the format says. */
    static void sign(Map<String, byte[]> entries, byte[] manifest, SigningKeys key) throws Exception {
        entries.put(Bundle.MANIFEST, manifest);
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key.privateKey());
        s.update(manifest);
        ObjectNode sig = JSON.createObjectNode();
        sig.put("algorithm", "Ed25519");
        sig.put("signed", Bundle.MANIFEST);
        sig.put("public_key", key.wire().publicKey());
        sig.put("fingerprint", key.fingerprint());
        sig.put("signature", Base64.getEncoder().encodeToString(s.sign()));
        entries.put(Bundle.SIGNATURE, JSON.writeValueAsBytes(sig));
    }
}
