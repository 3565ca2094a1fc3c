package org.marketspine.console.feed.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.DecodeException;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SourceState;

/**
 * Which of the feed servers sharing a journal runs the platform source: the one that holds the
 * journal's leader lock (PostgreSQL frees it when that server's connection ends, a {@code kill -9}
 * included). The others contend every half second, so one of them takes over within about a
 * second, and meanwhile tell their clients the leader's source status, which the leader stores in
 * the journal. The leader's source writes only while it holds the lock (the journal refuses them
 * otherwise). A leader whose lock connection fails stops its source and watches from then on; a
 * server with no platform behind it (a replay) only ever watches. A watcher that sees nobody lead
 * for {@link #ORPHANED_AFTER_MILLIS} says so instead of repeating the last leader's status.
 */
final class Leadership implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Leadership.class.getName());
    static final String STANDING_BY = "standing by: another feed server runs the platform; waiting for its status";
    static final String NOBODY_LEADS = "no feed server runs the platform: the one that did stopped and none has taken over";
    static final long CONTEND_MILLIS = 500;
    static final long ORPHANED_AFTER_MILLIS = 5_000;
    /** Journal meta keys: the leader's source status, and who leads since when (for operators). */
    static final String STATUS_KEY = "source_status";
    static final String LEADER_KEY = "leader";

    /** What the server does when it gains, loses or only watches the leadership. */
    interface Duties {
        /** On the platform thread: catch up and start the source. */
        void lead();

        /** On the platform thread: stop the source and say why. */
        void resign(String why);

        /** The leader's status, to be told to this server's clients. */
        void mirror(Message.SourceStatus leaders);

        /** This server's own source status, as its clients are told it (stored for the others while it leads). */
        Message.SourceStatus ownStatus();
    }

    private enum Role { FOLLOWING, STARTING, LEADING, WATCHING }

    private final Journal journal;
    private final ScheduledExecutorService platform;
    private final Duties duties;
    private final Clock clock;
    private final LongSupplier nanos;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("feed-leadership").factory());
    private volatile Role role;
    private String lastMirrored;
    private boolean failing;
    /** Whether a watcher sees nobody lead now, and since when (on {@link #nanos}, which may read any value). */
    private boolean orphaned;
    private long orphanedSince;
    private boolean toldOrphaned;

    /** {@code eligible}: whether this server may run the platform (false for a replay). */
    Leadership(Journal journal, ScheduledExecutorService platform, Clock clock, boolean eligible, Duties duties) {
        this(journal, platform, clock, System::nanoTime, eligible, duties);
    }

    /** {@code nanos}: the clock the "nobody leads" wait is counted on (tests drive it by hand). */
    Leadership(Journal journal, ScheduledExecutorService platform, Clock clock, LongSupplier nanos, boolean eligible, Duties duties) {
        this.journal = journal;
        this.platform = platform;
        this.clock = clock;
        this.nanos = nanos;
        this.duties = duties;
        this.role = eligible ? Role.FOLLOWING : Role.WATCHING;
    }

    void start() {
        ticker.scheduleWithFixedDelay(this::tick, 0, CONTEND_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * True from the moment this server took the lock (its source starting) until it loses it. Work
     * handed to the platform thread meanwhile runs after the source's start, which was queued first.
     */
    boolean leading() {
        return role == Role.STARTING || role == Role.LEADING;
    }

    /** One look at the leadership (every {@link #CONTEND_MILLIS} once started; tests call it directly). */
    void tick() {
        try {
            switch (role) {
                case FOLLOWING -> {
                    if (journal.tryLead()) take();
                    else mirror();
                }
                case STARTING -> { } // the platform thread is starting the source
                case LEADING -> {
                    if (!journal.stillLeading()) resign();
                    else storeOwnStatus(); // also mends a write that failed, or one a former leader made late
                }
                case WATCHING -> {
                    watchForOrphan();
                    if (!orphaned) mirror();
                }
            }
            if (failing) LOG.info("journal " + journal.describe() + " answers the leadership checks again");
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) LOG.log(Level.WARNING, "leadership check on journal " + journal.describe() + " failed; retrying", e);
            failing = true;
        }
    }

    private void take() {
        role = Role.STARTING;
        LOG.info("this feed server now leads journal " + journal.describe() + ": it runs the platform source");
        platform.execute(() -> {
            try {
                duties.lead();
            } catch (RuntimeException e) {
                // Holding the lock without a running source would keep every other server from taking over.
                LOG.log(Level.SEVERE, "could not start the platform source as the leader; giving the leadership up", e);
                journal.releaseLead();
                role = Role.FOLLOWING;
                return;
            }
            role = Role.LEADING;
            try {
                journal.setMeta(LEADER_KEY, whoAmI() + " since " + clock.instant());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not record the leader in the journal", e);
            }
        });
    }

    private void resign() {
        role = Role.WATCHING;
        String why = "this feed server lost its connection to the journal database and stopped running the platform;"
                + " another feed server takes over";
        LOG.severe(why);
        platform.execute(() -> duties.resign(why));
    }

    private void watchForOrphan() {
        if (journal.someoneLeads()) {
            orphaned = false;
            if (toldOrphaned) lastMirrored = null; // a leader is back: tell its status again, even if unchanged
            toldOrphaned = false;
            return;
        }
        long now = nanos.getAsLong();
        if (!orphaned) {
            orphaned = true;
            orphanedSince = now;
        } else if (!toldOrphaned && now - orphanedSince >= TimeUnit.MILLISECONDS.toNanos(ORPHANED_AFTER_MILLIS)) {
            toldOrphaned = true;
            duties.mirror(new Message.SourceStatus(SourceState.FAILING, clock.instant(), NOBODY_LEADS, null));
        }
    }

    private void mirror() {
        String json = journal.meta(STATUS_KEY);
        if (json == null || json.equals(lastMirrored)) return;
        lastMirrored = json;
        try {
            if (Codec.decode(json) instanceof Message.SourceStatus leaders) duties.mirror(leaders);
        } catch (DecodeException e) {
            LOG.warning("the leader's source status in journal " + journal.describe() + " is unreadable: " + e.getMessage());
        }
    }

    /**
     * The leader stores its source status, for the other servers' clients, now (each tick stores it
     * again if the journal holds anything else). The write runs on this class's own thread, which
     * never waits for the platform thread: a stuck platform's "failing" reaches them too. It stores
     * the status as it is when the write runs, and only while this server still leads then (a tick
     * on this same thread may have seen the lock go since). Done when the future is.
     */
    Future<?> publish() {
        try {
            return ticker.submit(() -> {
                try {
                    if (leading()) storeOwnStatus();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not store the source status in journal " + journal.describe() + "; the next check retries", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.fine("not storing the source status: this feed server is closing");
            return CompletableFuture.completedFuture(null);
        }
    }

    private void storeOwnStatus() {
        String json = Codec.encode(duties.ownStatus());
        if (!json.equals(journal.meta(STATUS_KEY))) journal.setMeta(STATUS_KEY, json);
    }

    private static String whoAmI() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown host";
        }
        return "pid " + ProcessHandle.current().pid() + " on " + host;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
