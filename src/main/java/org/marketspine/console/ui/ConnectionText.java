package org.marketspine.console.ui;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.model.HealthLevel;
import org.marketspine.console.protocol.Message;

/** What the connection bar says for a state, and the style it wears. Pure, so it is tested without a screen. */
public record ConnectionText(String text, String styleClass) {

    /** A header's words before any welcome: a first attempt under way, or not connected — never "connecting…" beside FEED LOST. */
    public static String beforeWelcome(ConsoleSnapshot s, String where) {
        return s.connection().phase() == ConnectionState.Phase.CONNECTING ? "connecting to " + where + "…" : "not connected to " + where;
    }

    public static ConnectionText of(ConsoleSnapshot s, Instant now) {
        ConnectionText t = phase(s, now);
        // A feed whose history disagrees with what it signed is never shown as anything but not trusted, whatever its phase.
        if (s.integrity() == null || s.isBundle() || t.text().startsWith(NOT_TRUSTED)) return t;
        return new ConnectionText(NOT_TRUSTED + " (integrity error) · " + t.text(), Styles.CONN_LOST);
    }

    private static final String NOT_TRUSTED = "NOT TRUSTED";

    private static ConnectionText phase(ConsoleSnapshot s, Instant now) {
        ConnectionState c = s.connection();
        return switch (c.phase()) {
            case LIVE -> live(s, now);
            case CATCHING_UP -> new ConnectionText("Catching up " + Math.round(c.progress() * 100) + "% (seq "
                    + String.format("%,d", c.lastSeq()) + " of " + String.format("%,d", c.headSeq()) + ")"
                    + (s.fromCache() ? " · showing the last known state" : ""), Styles.CONN_CATCHING_UP);
            case CONNECTING -> new ConnectionText("Connecting to " + c.detail() + "…"
                    + (s.fromCache() ? " · showing the last known state, not live" : ""), Styles.CONN_CATCHING_UP);
            case RECONNECTING -> new ConnectionText((c.lostSince() == null ? "Cannot connect: " + c.detail() + " · retrying"
                    : "Reconnecting") + " (attempt " + c.attempt() + next(c, now) + ")"
                    + (c.lostSince() == null ? " · never heard from this feed" : " · last heard " + Times.clock(c.lostSince())),
                    Styles.CONN_RECONNECTING);
            case LOST -> c.lostSince() == null
                    // Never reached in this run: not "lost" (PRODUCT: "cannot reach the feed (reason)").
                    ? new ConnectionText("CANNOT REACH THE FEED · " + c.detail() + (s.fromCache()
                            ? " · not reached since this console started: showing the copy it cached before, not live"
                            : " · no data from this feed yet") + " · retrying (attempt " + c.attempt()
                            + next(c, now) + ")", Styles.CONN_LOST)
                    : new ConnectionText("FEED LOST since " + Times.clock(c.lostSince()) + " · data is "
                            + age(c.lostSince(), now) + " old · " + c.detail() + " · reconnecting (attempt " + c.attempt()
                            + next(c, now) + ")", Styles.CONN_LOST);
            case REFUSED -> new ConnectionText("Feed refused this client: " + c.detail(), Styles.CONN_LOST);
            case CLOSED -> new ConnectionText("Disconnected", Styles.CONN_LOST);
            case BUNDLE -> s.isUntrustedBundle()
                    ? new ConnectionText("Offline review of " + c.detail() + " · not trusted: intact, but " + s.review().untrustedBecause()
                            + " (see the banner) · " + String.format("%,d", s.state().seq())
                            + " events · no feed is contacted; nothing here is live" + asOf(now), Styles.CONN_UNTRUSTED)
                    : new ConnectionText("Offline review of " + c.detail() + " · verified · " + String.format("%,d", s.state().seq())
                            + " events · no feed is contacted; nothing here is live" + asOf(now), Styles.CONN_CATCHING_UP);
        };
    }

    /** A bundle's board counts its ages ("2 h ago", "due in 1 d") back from the bundle's end, not from today: say so. */
    private static String asOf(Instant bundleEnd) {
        return " · ages as of the bundle's end, " + Times.absolute(bundleEnd);
    }

    /** "TLS" for wss://, "not encrypted" for ws:// to another host, "" for ws:// on this machine (loopback never leaves it). */
    public static String security(URI url) {
        if (url == null) return "";
        if ("wss".equalsIgnoreCase(url.getScheme())) return "TLS";
        String host = url.getHost() == null ? "" : url.getHost();
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
        return loopback ? "" : "not encrypted — tokens and data cross the network in clear";
    }

    /** Connected and holding all the journal holds; "Live" only if the feed also says its source is current. */
    private static ConnectionText live(ConsoleSnapshot s, Instant now) {
        String heard = s.lastHeard() == null ? "" : " · heard " + Times.relative(s.lastHeard(), now);
        String seq = " · seq " + String.format("%,d", s.state().seq());
        if (s.integrity() != null) {
            return new ConnectionText(NOT_TRUSTED + " · integrity error: what the feed of " + s.platformName()
                    + " sent does not match what it signed" + seq + heard, Styles.CONN_LOST);
        }
        Message.SourceStatus src = s.source();
        if (src == null) {
            return new ConnectionText("Connected · waiting for the feed to say whether " + s.platformName()
                    + " is current" + seq + heard, Styles.CONN_CATCHING_UP);
        }
        return switch (src.state()) {
            case CURRENT -> new ConnectionText("Live · " + s.platformName() + seq + heard, Styles.CONN_LIVE);
            case LOADING -> new ConnectionText("Loading the platform's history"
                    + (src.progress() == null ? "" : " " + Math.round(src.progress().fraction() * 100) + " %")
                    + (src.message().isEmpty() ? "" : " (" + src.message() + ")") + " · not current yet" + seq, Styles.CONN_CATCHING_UP);
            case FAILING -> new ConnectionText("Feed up, platform unreadable since " + Times.clock(src.since()) + ": "
                    + src.message() + " · data is as of then" + seq + heard, Styles.CONN_LOST);
        };
    }

    /** The connection bar's note on the feed's signing key: short fingerprint in the text, the whole one in the tooltip. */
    public record KeyNote(String text, String tooltip, String styleClass) {
        static final KeyNote NONE = new KeyNote("", "", null);
    }

    public static KeyNote keyNote(ConsoleSnapshot s) {
        String fp = s.feedFingerprint();
        if (fp == null) {
            if (s.welcome() == null || s.isBundle()) return KeyNote.NONE;
            return new KeyNote("feed signs nothing: its history cannot be checked", "This feed sent no signing key in its welcome, "
                    + "so nothing it sends can be checked against its own signed checkpoints, and it cannot be exported as evidence.",
                    Styles.KEY_UNSIGNED);
        }
        String check = "Check it with the feed's operator: About this feed shows it to read out.";
        if (s.integrity() != null) {
            return new KeyNote("feed key " + shortFingerprint(fp) + " · history NOT TRUSTED", "The feed's key is " + fp
                    + ", but what it sent does not match what it signed: " + s.integrity(), Styles.KEY_UNTRUSTED);
        }
        if (s.isBundle() && s.review() != null) {
            String name = s.review().verdict().feedName();
            return name == null
                    ? new KeyNote("feed key " + shortFingerprint(fp) + " · not in your trust list", "The bundle's checkpoints are "
                            + "signed by the feed key " + fp + ", which your trust list does not hold. " + check, Styles.KEY_UNTRUSTED)
                    : new KeyNote("signed by feed key " + shortFingerprint(fp) + " (" + name + ")", "The bundle's checkpoints are "
                            + "signed by the feed key " + fp + ", trusted as \"" + name + "\".", Styles.KEY_SIGNED);
        }
        return new KeyNote("signed by feed key " + shortFingerprint(fp), "The feed signs its history with the key " + fp + ". " + check,
                Styles.KEY_SIGNED);
    }

    /** {@code SHA256:abcdEFGH…}: enough to tell keys apart at a glance; the whole one is for checking. */
    public static String shortFingerprint(String fingerprint) {
        if (fingerprint == null) return "";
        int colon = fingerprint.indexOf(':');
        int keep = colon + 1 + 8;
        return fingerprint.length() <= keep + 1 ? fingerprint : fingerprint.substring(0, keep) + "…";
    }

    /** The red banner while the feed's history is not trusted, or null. */
    public static String integrityBanner(ConsoleSnapshot s) {
        if (s.integrity() == null || s.isBundle()) return null;
        return "INTEGRITY ERROR — this feed's history is not trusted: " + s.integrity() + ". Tell the feed's operator"
                + (s.feedFingerprint() == null ? "" : " (feed key " + s.feedFingerprint() + ")") + ", and do not export, "
                + "certify or decide from it: what this console shows may not be what the platform recorded.";
    }

    /** The header's health chip: never a bare "HEALTHY" on data that is not current or not trusted. */
    public static String healthChip(HealthLevel level, ConsoleSnapshot s) {
        if (s.state().seq() == 0 && !s.isBundle()) return s.integrity() == null ? "NO DATA" : "NO DATA · NOT TRUSTED";
        String word = switch (level) {
            case GREEN -> "HEALTHY";
            case YELLOW -> "WARNING";
            case RED -> "CRITICAL";
        };
        if (s.integrity() != null || s.isUntrustedBundle()) return word + " · NOT TRUSTED";
        return word + (s.isStale() ? " · NOT CURRENT" : "");
    }

    private static String next(ConnectionState c, Instant now) {
        if (c.nextAttemptAt() == null) return "";
        long s = Math.max(0, Duration.between(now, c.nextAttemptAt()).toSeconds());
        return ", next in " + s + " s";
    }

    static String age(Instant since, Instant now) {
        String span = Times.span(Duration.between(since, now));
        return span == null ? "a moment" : span;
    }
}
