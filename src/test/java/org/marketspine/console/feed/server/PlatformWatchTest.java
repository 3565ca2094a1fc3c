package org.marketspine.console.feed.server;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The watch on the platform thread, tick by tick on a hand-driven clock. */
class PlatformWatchTest {
    long now;
    final List<String> said = new ArrayList<>();
    final PlatformWatch watch = new PlatformWatch(Duration.ofSeconds(20), () -> now, new PlatformWatch.Listener() {
        @Override
        public void stalled(Duration silentFor) {
            said.add("stalled " + silentFor.toSeconds() + " s");
        }

        @Override
        public void answered() {
            said.add("answered");
        }
    });

    private void at(int seconds) {
        now = Duration.ofSeconds(seconds).toNanos();
    }

    @Test
    void silenceUpToTheLimitIsNotAStallAndAStallIsSaidOnce() {
        at(19);
        watch.check();
        assertEquals(List.of(), said);
        at(20);
        watch.check();
        at(45);
        watch.check();
        assertEquals(List.of("stalled 20 s"), said);
    }

    @Test
    void aBeatAfterAStallIsSaidOnceAndBeatsKeepItQuiet() {
        at(25);
        watch.check();
        watch.beat();
        watch.check();
        watch.check();
        at(40);
        watch.beat();
        at(59);
        watch.check();
        assertEquals(List.of("stalled 25 s", "answered"), said);
        at(60);
        watch.check();
        assertEquals(List.of("stalled 25 s", "answered", "stalled 20 s"), said);
    }
}
