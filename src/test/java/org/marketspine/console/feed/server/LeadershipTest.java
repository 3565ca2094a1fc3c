package org.marketspine.console.feed.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SourceState;

/**
 * Who runs the platform source among the servers of a shared journal, tick by tick (each test
 * calls {@code tick()} itself, on a hand-driven clock). Skipped without PostgreSQL.
 */
class LeadershipTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);
    private SharedJournals pg;
    private ScheduledExecutorService platform;
    private final AtomicLong nanos = new AtomicLong();

    /** What a server was asked to do. */
    private final List<String> done = new CopyOnWriteArrayList<>();
    private final List<Message.SourceStatus> told = new CopyOnWriteArrayList<>();
    private final List<Leadership> made = new CopyOnWriteArrayList<>();
    /** The status a leading server stores as its own. */
    private final AtomicReference<Message.SourceStatus> own = new AtomicReference<>(status(SourceState.LOADING, "07:00:00", "starting"));
    /** While set, reading the own status waits for it (holds the leadership thread in a write, as a slow database would). */
    private volatile CountDownLatch holdOwnStatus;

    private static Message.SourceStatus status(SourceState state, String since, String message) {
        return new Message.SourceStatus(state, Instant.parse("2026-12-07T" + since + "Z"), message, null);
    }

    @BeforeEach
    void start() throws Exception {
        pg = SharedJournals.create();
        platform = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() throws Exception {
        made.forEach(Leadership::close);
        if (platform != null) platform.shutdownNow();
        if (pg != null) pg.close();
    }

    private Leadership leadership(Journal journal, boolean eligible, RuntimeException leadFails) {
        Leadership l = new Leadership(journal, platform, CLOCK, nanos::get, eligible, new Leadership.Duties() {
            @Override
            public void lead() {
                done.add("lead");
                if (leadFails != null) throw leadFails;
            }

            @Override
            public void resign(String why) {
                done.add("resign");
            }

            @Override
            public void mirror(Message.SourceStatus leaders) {
                told.add(leaders);
            }

            @Override
            public Message.SourceStatus ownStatus() {
                Message.SourceStatus now = own.get();
                CountDownLatch hold = holdOwnStatus;
                if (hold != null) {
                    holdOwnStatus = null;
                    try {
                        hold.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return now;
            }
        });
        made.add(l);
        return l;
    }

    /** Waits until the platform thread has run what was handed to it. */
    private void settle() throws Exception {
        platform.submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theFirstToLookLeadsTheOtherPassesOnTheLeadersStatusAndTakesOverWhenTheLeaderIsCut() throws Exception {
        Journal a = pg.open();
        Journal b = pg.open();
        Leadership first = leadership(a, true, null);
        Leadership second = leadership(b, true, null);

        first.tick();
        settle();
        assertTrue(first.leading());
        assertEquals(List.of("lead"), done);
        own.set(status(SourceState.CURRENT, "07:00:00", "the demo platform is running"));
        first.publish().get(10, TimeUnit.SECONDS);

        second.tick();
        assertFalse(second.leading(), "one leader at a time");
        assertEquals(SourceState.CURRENT, told.getLast().state(), "the follower tells its clients the leader's status");
        assertEquals(Instant.parse("2026-12-07T07:00:00Z"), told.getLast().since(), "… with the leader's since");

        // A write held up on the leadership thread, and another asked for behind it while still leading…
        CountDownLatch release = new CountDownLatch(1);
        holdOwnStatus = release;
        Future<?> held = first.publish();
        assertTrue(SharedJournals.within(() -> holdOwnStatus == null), "the first write is under way");
        Future<?> queued = first.publish();

        pg.endLeaderSession();
        assertTrue(SharedJournals.within(() -> {
            first.tick();
            settle();
            return !first.leading();
        }), "a leader whose session ended knows it");
        assertTrue(done.contains("resign"), "… and stops its source");
        own.set(status(SourceState.FAILING, "07:30:00", "a former leader's word"));
        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        queued.get(10, TimeUnit.SECONDS);
        assertFalse(String.valueOf(b.meta(Leadership.STATUS_KEY)).contains("former leader"),
                "…is not stored once the lead is gone: the new leader's followers would read it");
        assertTrue(SharedJournals.within(() -> {
            second.tick();
            settle();
            return second.leading();
        }), "the other server takes over");
    }

    @Test
    void aTakeoverThatCannotStartTheSourceGivesTheLeadershipBack() throws Exception {
        Journal a = pg.open();
        Journal b = pg.open();
        Leadership failing = leadership(a, true, new IllegalStateException("the journal database went away mid-catch-up"));
        failing.tick();
        settle();
        assertFalse(failing.leading(), "no leader without a source");
        assertTrue(SharedJournals.within(b::tryLead), "the lock is free for a server that can run the platform");
    }

    @Test
    void aReplayServerNeverLeadsAndSaysSoWhenNobodyHasLedForFiveSeconds() throws Exception {
        Journal replay = pg.open();
        Leadership watcher = leadership(replay, false, null);
        watcher.tick();
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(Leadership.ORPHANED_AFTER_MILLIS - 1));
        watcher.tick();
        assertTrue(told.isEmpty(), "not yet: a leader may be starting");
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        watcher.tick();
        assertFalse(watcher.leading());
        assertEquals(SourceState.FAILING, told.getLast().state());
        assertEquals(Leadership.NOBODY_LEADS, told.getLast().message());
        int said = told.size();
        watcher.tick();
        assertEquals(said, told.size(), "said once, not every half second");

        Journal platformServer = pg.open();
        Leadership leader = leadership(platformServer, true, null);
        leader.tick();
        settle();
        own.set(status(SourceState.CURRENT, "08:00:00", "the demo platform is running"));
        leader.publish().get(10, TimeUnit.SECONDS);
        watcher.tick();
        assertEquals(SourceState.CURRENT, told.getLast().state(), "a leader is back: its status is told again");
    }

    @Test
    void theLeaderStoresItsStatusAgainWhenTheJournalHoldsAnotherOne() throws Exception {
        Journal a = pg.open();
        Journal b = pg.open();
        Leadership leader = leadership(a, true, null);
        leader.tick();
        settle();
        own.set(status(SourceState.CURRENT, "07:00:00", "the demo platform is running"));
        leader.tick(); // leading: each check stores the status when the journal holds another
        assertTrue(String.valueOf(b.meta(Leadership.STATUS_KEY)).contains("the demo platform is running"));

        // A former leader's late write (or a write that failed) leaves the journal saying something else…
        b.setMeta(Leadership.STATUS_KEY, Codec.encode(status(SourceState.FAILING, "07:10:00", "a former leader's word")));
        leader.tick();
        assertTrue(String.valueOf(b.meta(Leadership.STATUS_KEY)).contains("the demo platform is running"), "…until the next check");
    }
}
