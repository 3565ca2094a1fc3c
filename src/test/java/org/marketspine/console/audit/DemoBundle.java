package org.marketspine.console.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.marketspine.console.feed.source.DemoPlatform;
import org.marketspine.console.model.EventLog;
import org.marketspine.console.protocol.SigningKeys;

/** A genuine bundle of the demo's history, as a feed and an exporter both trusted would make it: what a forger starts from. */
record DemoBundle(EventLog live, Path file, SigningKeys exporter, SigningKeys feedKey, TrustList trusted) {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    /** The demo (seeded) up to {@link #NOW}; the bundle covers its last {@code span}, signed by keys made in {@code dir}. */
    static DemoBundle export(Path dir, long seed, Duration span) throws IOException {
        EventLog live = new EventLog();
        live.appendAll(new DemoPlatform(seed, 1, Clock.systemUTC()).history(NOW));
        SigningKeys exporter = SigningKeys.loadOrCreate(dir.resolve("exporter.pem"));
        SigningKeys feedKey = SigningKeys.loadOrCreate(dir.resolve("feed.pem"));
        Path file = dir.resolve("real.spinebundle");
        BundleWriter.Span range = BundleWriter.span(live, live.lastAt().minus(span), live.lastAt());
        try (BundleWriter.ItemTexts texts = BundleWriter.ItemTexts.of(live)) {
            BundleWriter.write(file, live, texts, FeedSigning.proof(live, feedKey, "feed-1", range.lastSeq()), range,
                    new BundleWriter.Source("feed-1", "demo", "spine-feed/0.1.0", "ws://prod/feed"), "c.auditor", exporter, NOW, p -> { });
        }
        return new DemoBundle(live, file, exporter, feedKey, TrustList.of(List.of(exporter.fingerprint(), feedKey.fingerprint())));
    }
}
