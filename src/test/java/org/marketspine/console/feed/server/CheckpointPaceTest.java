package org.marketspine.console.feed.server;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When a session signs: one at live, then every 1,000th seq and within the interval of an uncovered event — none mid-replay. */
class CheckpointPaceTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void aReplayGetsOneCheckpointAtItsEnd_thenLiveEventsAreCoveredByCountOrByTime() {
        CheckpointPace pace = new CheckpointPace(0, 60 * SECOND);
        assertEquals(List.of(), pace.sent(0, 4000, false, 0), "nothing signed mid-replay");
        assertEquals(List.of(), pace.sent(4000, 5500, false, 0));
        assertTrue(pace.atLive(5500), "the live seq gets one");
        assertFalse(pace.atLive(5500), "only once");
        assertEquals(Long.MAX_VALUE, pace.untilDue(SECOND), "nothing uncovered");

        assertEquals(List.of(), pace.sent(5500, 5501, true, 10 * SECOND));
        assertEquals(60 * SECOND, pace.untilDue(10 * SECOND), "an uncovered live event: due 60 s after it was sent");
        assertEquals(0, pace.untilDue(70 * SECOND));
        pace.coveredBy(5501);
        assertEquals(Long.MAX_VALUE, pace.untilDue(71 * SECOND));

        assertEquals(List.of(6000L, 7000L), pace.sent(5501, 7000, true, 80 * SECOND), "every 1,000th seq passed while live");
        assertEquals(Long.MAX_VALUE, pace.untilDue(80 * SECOND), "the batch ended on a checkpoint");
        assertEquals(List.of(), pace.sent(7000, 7003, true, 90 * SECOND));
        assertEquals(60 * SECOND, pace.untilDue(90 * SECOND));
    }

    @Test
    void aClientResumingAtTheHeadStillGetsOneAtLive() {
        assertTrue(new CheckpointPace(5500, SECOND).atLive(5500));
    }

    @Test
    void anEmptyJournalGoesLiveWithoutACheckpoint_itsChainVouchesForNothing() {
        assertFalse(new CheckpointPace(0, SECOND).atLive(0));
    }
}
