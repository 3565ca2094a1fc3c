package org.marketspine.console.feed.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SourceState;

/**
 * Watches a feed's journal and source on a thread of its own (never the platform thread) and
 * hands each new alert to {@code out} once. The first look after the source has loaded its
 * history is the baseline: what was already red or critical at start is not announced again
 * on every restart.
 */
public final class AlertWatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AlertWatcher.class.getName());
    /** Time-based rules (a failure ageing out of 24 h, a schedule going overdue) are looked at this often even when nothing arrives. */
    static final Duration QUIET_RECHECK = Duration.ofSeconds(30);

    private final Supplier<PlatformState> state;
    private final LongSupplier headSeq;
    private final Supplier<Message.SourceStatus> status;
    private final String platform;
    private final String feedId;
    private final Clock clock;
    private final Consumer<Alert> out;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("alert-watch").factory());
    private AlertView before;
    private long lookedAtSeq = -1;
    private Message.SourceStatus lookedAtStatus;
    private Instant lookedAt = Instant.MIN;

    public AlertWatcher(Supplier<PlatformState> state, LongSupplier headSeq, Supplier<Message.SourceStatus> status, String platform,
                        String feedId, Clock clock, Consumer<Alert> out) {
        this.state = state;
        this.headSeq = headSeq;
        this.status = status;
        this.platform = platform;
        this.feedId = feedId;
        this.clock = clock;
        this.out = out;
    }

    public AlertWatcher start() {
        watcher.scheduleWithFixedDelay(this::lookSafely, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    private void lookSafely() {
        try {
            look();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the alert check failed; trying again in a second", e);
        }
    }

    /** One look (package-visible for tests): alerts for what turned since the last one. */
    void look() {
        Message.SourceStatus s = status.get();
        if (s == null || s.state() == SourceState.LOADING && before == null) return; // history still arriving: no baseline yet
        long seq = headSeq.getAsLong();
        Instant now = clock.instant();
        if (seq == lookedAtSeq && s.equals(lookedAtStatus) && now.isBefore(lookedAt.plus(QUIET_RECHECK))) return;
        lookedAtSeq = seq;
        lookedAtStatus = s;
        lookedAt = now;
        AlertView view = AlertView.of(state.get(), s.state(), s.message(), now);
        if (before == null) {
            before = view;
            LOG.info("alerts: watching (" + view.level().name().toLowerCase() + " now, " + view.criticals().size()
                    + " critical failures already open, not announced)");
            return;
        }
        AlertRules.between(before, view, platform, feedId, now).forEach(out);
        before = view;
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
