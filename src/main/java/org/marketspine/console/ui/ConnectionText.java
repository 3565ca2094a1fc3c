package org.marketspine.console.ui;

import java.time.Duration;
import java.time.Instant;
import org.marketspine.console.feed.client.ConnectionState;

/** What the connection bar says for a state, and the style it wears. Pure, so it is tested without a screen. */
public record ConnectionText(String text, String styleClass) {

    public static ConnectionText of(ConsoleSnapshot s, Instant now) {
        ConnectionState c = s.connection();
        return switch (c.phase()) {
            case LIVE -> new ConnectionText("Live · " + s.platformName() + " · seq " + String.format("%,d", s.state().seq())
                    + (s.lastHeard() == null ? "" : " · heard " + Times.relative(s.lastHeard(), now)), Styles.CONN_LIVE);
            case CATCHING_UP -> new ConnectionText("Catching up " + Math.round(c.progress() * 100) + "% (seq "
                    + String.format("%,d", c.lastSeq()) + " of " + String.format("%,d", c.headSeq()) + ")"
                    + (s.fromCache() ? " · showing the last known state" : ""), Styles.CONN_CATCHING_UP);
            case CONNECTING -> new ConnectionText("Connecting to " + c.detail() + "…"
                    + (s.fromCache() ? " · showing the last known state, not live" : ""), Styles.CONN_CATCHING_UP);
            case RECONNECTING -> new ConnectionText("Reconnecting (attempt " + c.attempt() + next(c, now) + ")"
                    + (c.lostSince() == null ? "" : " · last heard " + Times.clock(c.lostSince())), Styles.CONN_RECONNECTING);
            case LOST -> new ConnectionText("FEED LOST since " + Times.clock(c.lostSince()) + " · data is "
                    + age(c.lostSince(), now) + " old · reconnecting (attempt " + c.attempt() + next(c, now) + ")", Styles.CONN_LOST);
            case REFUSED -> new ConnectionText("Feed refused this client: " + c.detail(), Styles.CONN_LOST);
            case CLOSED -> new ConnectionText("Disconnected", Styles.CONN_LOST);
            case BUNDLE -> new ConnectionText("Offline review of " + c.detail() + " · verified · " + String.format("%,d", s.state().seq())
                    + " events · no feed is contacted; nothing here is live", Styles.CONN_CATCHING_UP);
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
