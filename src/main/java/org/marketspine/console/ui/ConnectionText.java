package org.marketspine.console.ui;

import java.time.Duration;
import java.time.Instant;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.protocol.Message;

/** What the connection bar says for a state, and the style it wears. Pure, so it is tested without a screen. */
public record ConnectionText(String text, String styleClass) {

    public static ConnectionText of(ConsoleSnapshot s, Instant now) {
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
                    ? new ConnectionText("FEED LOST · cannot connect: " + c.detail() + " · no data from this feed yet"
                            + (s.fromCache() ? " (showing the last cached state)" : "") + " · retrying (attempt " + c.attempt()
                            + next(c, now) + ")", Styles.CONN_LOST)
                    : new ConnectionText("FEED LOST since " + Times.clock(c.lostSince()) + " · data is "
                            + age(c.lostSince(), now) + " old · " + c.detail() + " · reconnecting (attempt " + c.attempt()
                            + next(c, now) + ")", Styles.CONN_LOST);
            case REFUSED -> new ConnectionText("Feed refused this client: " + c.detail(), Styles.CONN_LOST);
            case CLOSED -> new ConnectionText("Disconnected", Styles.CONN_LOST);
            case BUNDLE -> new ConnectionText("Offline review of " + c.detail() + " · verified · " + String.format("%,d", s.state().seq())
                    + " events · no feed is contacted; nothing here is live", Styles.CONN_CATCHING_UP);
        };
    }

    /** "TLS" for wss://, "not encrypted" for ws:// to another host, "" for ws:// on this machine (loopback never leaves it). */
    public static String security(java.net.URI url) {
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
