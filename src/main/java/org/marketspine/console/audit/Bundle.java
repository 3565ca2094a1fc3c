package org.marketspine.console.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The audit bundle format, version 1 (docs/audit-bundles.md): one zip holding manifest.json,
 * events.ndjson (one {@code {"chain":…,"event":…}} per line), report.html, lineage.png and
 * signature (Ed25519 over manifest.json's exact bytes).
 */
public final class Bundle {
    public static final String FORMAT = "spine-console-audit-bundle";
    public static final int VERSION = 1;
    public static final String MANIFEST = "manifest.json";
    public static final String EVENTS = "events.ndjson";
    public static final String REPORT = "report.html";
    public static final String LINEAGE = "lineage.png";
    public static final String SIGNATURE = "signature";
    /** The chain's value before the first line. */
    public static final String GENESIS = "0".repeat(64);
    static final String LINE_PREFIX = "{\"chain\":\"";
    static final String EVENT_INFIX = "\",\"event\":";

    private Bundle() {}

    /** Line n's chain value: sha256 of line n−1's value, a newline, and the event's JSON. */
    public static String chain(String previous, String eventJson) {
        MessageDigest sha = sha256();
        sha.update(previous.getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) '\n');
        sha.update(eventJson.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    static String line(String chain, String eventJson) {
        return LINE_PREFIX + chain + EVENT_INFIX + eventJson + "}";
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
