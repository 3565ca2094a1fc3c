package org.marketspine.console.feed.alerts;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.marketspine.console.feed.server.FeedServer;

/** A feed server's alerts to webhooks ({@code feed --alert-webhook URL}): the watcher and the delivery, started and closed together. */
public final class Alerts implements AutoCloseable {
    private final Webhooks webhooks;
    private final AlertWatcher watcher;

    private Alerts(Webhooks webhooks, AlertWatcher watcher) {
        this.webhooks = webhooks;
        this.watcher = watcher;
    }

    /**
     * @param platform the platform's name as the feed's welcome says it
     * @param firstRetry the wait before a failed post is tried again (doubling, five attempts)
     */
    public static Alerts start(FeedServer server, String platform, List<URI> urls, Duration firstRetry, Clock clock) {
        Webhooks webhooks = new Webhooks(urls, firstRetry);
        AlertWatcher watcher = new AlertWatcher(() -> server.journal().state(), () -> server.journal().headSeq(), server::sourceStatus,
                platform, server.journal().feedId(), clock, alert -> {
                    // Every server of a shared journal watches (a new leader has the baseline), only the leader posts: one alert, not N.
                    if (server.isLeading()) webhooks.send(alert);
                }).start();
        return new Alerts(webhooks, watcher);
    }

    @Override
    public void close() {
        watcher.close();
        webhooks.close();
    }
}
