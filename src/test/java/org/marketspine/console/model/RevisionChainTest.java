package org.marketspine.console.model;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Stage;

/** A week's revisions, walked back by their supersedes ids — and a feed's cycle never walked forever. */
// A walk that trusted a cycle never returns (nor heeds an interrupt): fail on a thread of its own instead of hanging the suite.
@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RevisionChainTest {
    static final String RAW = "finra.otc_transparency.raw";
    static final LocalDate WEEK = LocalDate.parse("2026-11-13");
    final List<Event> events = new ArrayList<>();

    private void capture(String id, String supersedes) {
        events.add(Event.of(events.size() + 1, Instant.parse("2026-11-20T10:00:00Z").plus(Duration.ofMinutes(events.size())),
                new EventData.CaptureRecorded(id, RAW, "OTC", WEEK, Stage.INGEST, 10, 100, "ex-" + id, List.of(), supersedes, null)));
    }

    private PlatformState state() {
        return StateFold.applyAll(PlatformState.EMPTY, events);
    }

    private static List<String> ids(List<Capture> captures) {
        return captures.stream().map(Capture::captureId).toList();
    }

    @Test
    void aWeekRevisedTwiceHasDepthTwoAndListsNewestFirst() {
        capture("c1", null);
        capture("c2", "c1");
        capture("c3", "c2");
        PlatformState s = state();
        Capture newest = s.capture("c3");
        assertEquals(2, RevisionChain.depth(s, newest));
        assertEquals(0, RevisionChain.depth(s, s.capture("c1")));
        assertEquals(List.of("c3", "c2"), ids(RevisionChain.newestFirst(s, newest, 10)));
        assertEquals(List.of("c3"), ids(RevisionChain.newestFirst(s, newest, 1)), "the limit holds");
    }

    @Test
    void aRevisionOfACaptureTheStateNoLongerHoldsStillCounts() {
        capture("c2", "c1-purged");
        PlatformState s = state();
        assertEquals(1, RevisionChain.depth(s, s.capture("c2")));
        assertEquals(List.of("c2"), ids(RevisionChain.newestFirst(s, s.capture("c2"), 10)));
    }

    @Test
    void twoCapturesThatReviseEachOtherAreWalkedOnce() {
        capture("a", "b"); // b not yet known
        capture("b", "a");
        PlatformState s = state();
        assertEquals(2, RevisionChain.depth(s, s.capture("b")));
        assertEquals(List.of("b", "a"), ids(RevisionChain.newestFirst(s, s.capture("b"), 1_000)));
    }

    @Test
    void aCaptureIdUsedTwiceThatEndsUpRevisingItselfIsWalkedOnce() {
        capture("k", null);
        capture("k", "k"); // what the demo once wrote: a second capture drew the id of the one it revised
        PlatformState s = state();
        assertEquals(1, RevisionChain.depth(s, s.capture("k")));
        assertEquals(List.of("k"), ids(RevisionChain.newestFirst(s, s.capture("k"), 1_000)));
    }
}
