package org.marketspine.console.audit;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.marketspine.console.protocol.FeedChain;

/**
 * The audit bundle format, version 2 (docs/audit-bundles.md): one zip holding manifest.json,
 * events.ndjson (one {@code {"chain":…,"event":…}} per line, the event in its canonical form, the
 * chain the feed's own), report.html, lineage.png and signature (the exporter's Ed25519 over
 * manifest.json's exact bytes). The manifest carries the feed's key and its signed checkpoints.
 */
public final class Bundle {
    public static final String FORMAT = "spine-console-audit-bundle";
    public static final int VERSION = 2;
    public static final String MANIFEST = "manifest.json";
    public static final String EVENTS = "events.ndjson";
    public static final String REPORT = "report.html";
    public static final String LINEAGE = "lineage.png";
    public static final String SIGNATURE = "signature";
    /** The chain's value before the first line. */
    public static final String GENESIS = FeedChain.GENESIS;
    static final String LINE_PREFIX = "{\"chain\":\"";
    static final String EVENT_INFIX = "\",\"event\":";

    private Bundle() {}

    static String line(String chain, String canonicalEvent) {
        return LINE_PREFIX + chain + EVENT_INFIX + canonicalEvent + "}";
    }

    static MessageDigest sha256() {
        return FeedChain.sha256();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
