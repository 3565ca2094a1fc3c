package org.marketspine.console.feed.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.DecodeException;
import org.marketspine.console.protocol.Message;

/**
 * Which of the feed servers sharing a journal runs the platform source: the one that holds the
 * journal's leader lock (PostgreSQL frees it when that server's connection ends, a {@code kill -9}
 * included). The others contend every half second, so one of them takes over within about a
 * second, and meanwhile tell their clients the leader's source status, which the leader stores in
 * the journal. A leader whose connection fails stops its source at once (another may already
 * lead) and serves on as a follower.
 */
final class Leadership implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Leadership.class.getName());
    static final String STANDING_BY = "standing by: another feed server runs the platform; waiting for its status";
    static final long CONTEND_MILLIS = 500;
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
    }

    private enum Role { FOLLOWING, STARTING, LEADING, RESIGNED }

    private final Journal journal;
    private final ScheduledExecutorService platform;
    private final Duties duties;
    private final Clock clock;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "feed-leadership");
        t.setDaemon(true);
        return t;
    });
    private volatile Role role = Role.FOLLOWING;
    private String lastMirrored;
    private boolean failing;

    Leadership(Journal journal, ScheduledExecutorService platform, Clock clock, Duties duties) {
        this.journal = journal;
        this.platform = platform;
        this.clock = clock;
        this.duties = duties;
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

    private void tick() {
        try {
            switch (role) {
                case FOLLOWING -> {
                    if (journal.tryLead()) take();
                    else mirror();
                }
                case STARTING -> { } // the platform thread is starting the source
                case LEADING -> {
                    if (!journal.stillLeading()) resign();
                }
                case RESIGNED -> mirror();
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
            } finally {
                role = Role.LEADING;
            }
            try {
                journal.setMeta(LEADER_KEY, whoAmI() + " since " + clock.instant());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not record the leader in the journal", e);
            }
        });
    }

    private void resign() {
        role = Role.RESIGNED;
        String why = "this feed server lost its connection to the journal database and stopped running the platform;"
                + " another feed server takes over. Restart this one to make it eligible to lead again";
        LOG.severe(why);
        platform.execute(() -> duties.resign(why));
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

    /** The leader stores each status change, for the other servers' clients. */
    void publish(Message.SourceStatus status) {
        try {
            journal.setMeta(STATUS_KEY, Codec.encode(status));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not store the source status in journal " + journal.describe(), e);
        }
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
