package org.marketspine.console.ui;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.marketspine.console.protocol.Message;

/**
 * What "About this feed" says: which feed this is, who is signed in, the key its history is signed
 * with (to read out to the feed's operator), the latest checkpoint this console verified, and
 * whether its history is trusted. Pure: a snapshot and the address in, rows of words out.
 */
public record FeedFacts(List<Row> rows) {
    /** {@code id}: the row's node id suffix in the dialog ({@code about-<id>}). */
    public record Row(String id, String label, String value) {}

    public static FeedFacts of(ConsoleSnapshot s, String url) {
        Message.Welcome w = s.welcome();
        String unknown = s.isBundle() ? "not in the bundle" : "not known yet (not connected)";
        return new FeedFacts(List.of(
                new Row("platform", "Platform", w == null ? unknown : w.platform()),
                new Row("server", "Server", w == null ? unknown : w.server()),
                new Row("feed-id", "Feed id", w == null || w.feedId() == null ? unknown : w.feedId()),
                new Row("url", "Address", (url == null ? "—" : url) + (s.isBundle() ? " (not contacted: offline review)" : "")),
                new Row("user", "Signed in as", w == null ? unknown : w.user() + " (" + w.role().wire() + ")"),
                new Row("fingerprint", "Feed key fingerprint", fingerprint(s)),
                new Row("checkpoint", "Latest verified checkpoint", checkpoint(s.checkpoint())),
                new Row("integrity", "Integrity", integrity(s))));
    }

    public String value(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).map(Row::value).findFirst().orElse(null);
    }

    private static String fingerprint(ConsoleSnapshot s) {
        if (s.feedFingerprint() != null) return s.feedFingerprint();
        if (s.welcome() == null) return s.isBundle() ? "none in the bundle" : "not known yet (not connected)";
        return "none: this feed signs no checkpoints";
    }

    /** "seq 12,000 · signed at 2026-11-25T12:00:00Z (UTC)": the time as the feed signed it, in UTC whatever the display zone. */
    static String checkpoint(Message.Checkpoint c) {
        if (c == null) return "none yet";
        String at;
        try {
            at = Instant.parse(c.at()).toString() + " (UTC)";
        } catch (DateTimeParseException e) {
            at = c.at();
        }
        return "seq " + String.format("%,d", c.seq()) + " · signed at " + at;
    }

    private static String integrity(ConsoleSnapshot s) {
        if (s.isBundle() && s.review() != null) {
            var v = s.review().verdict();
            return v.verified() ? "VERIFIED: intact, and its feed key and exporter key are in your trust list (feed \"" + v.feedName()
                    + "\", exporter \"" + v.signerName() + "\")" : "NOT TRUSTED: intact, but " + v.problem();
        }
        if (s.integrity() != null) {
            return "INTEGRITY ERROR — this feed's history is not trusted: " + s.integrity()
                    + ". Tell the feed's operator; do not export or certify from it.";
        }
        if (s.feedFingerprint() == null) {
            return s.welcome() == null ? "not checked yet" : "cannot be checked: this feed signs nothing";
        }
        if (s.checkpoint() == null) return "no checkpoint checked yet: the feed signs one at live and every 1,000 events";
        return "OK: the events received chain to what the feed signed at seq " + String.format("%,d", s.checkpoint().seq());
    }
}
