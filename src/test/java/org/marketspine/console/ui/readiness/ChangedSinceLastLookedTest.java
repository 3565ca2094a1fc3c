package org.marketspine.console.ui.readiness;

import static org.junit.jupiter.api.Assertions.*;
import static org.marketspine.console.ui.readiness.ReadinessFixtures.*;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.ReadinessStatus;

/** Issue 12, item 12: "changed since you last looked" belongs to the feed, whatever its address. */
class ChangedSinceLastLookedTest {
    static final LocalDate WEEK = LocalDate.parse("2026-11-13");

    @TempDir
    Path dir;

    private static PlatformState before() {
        return new ReadinessFixtures().capture("n1", NORMALIZED, "OTC", WEEK, null)
                .readiness(NORMALIZED, "OTC", WEEK, ReadinessStatus.CERTIFIED, "n1").state();
    }

    private static PlatformState revised() {
        return new ReadinessFixtures().capture("n1", NORMALIZED, "OTC", WEEK, null)
                .readiness(NORMALIZED, "OTC", WEEK, ReadinessStatus.CERTIFIED, "n1")
                .capture("n2", NORMALIZED, "OTC", WEEK, "n1")
                .readiness(NORMALIZED, "OTC", WEEK, ReadinessStatus.PRELIMINARY, "n2").state();
    }

    @Test
    void theSameFeedOnAnotherPortRemembersWhatWasSeen() {
        ReadinessViewModel first = viewModel(dir, "ws://127.0.0.1:7001/feed");
        first.update(snapshot(before(), "feed-A"));
        first.select(first.find(NORMALIZED, "OTC", WEEK));

        ReadinessViewModel again = viewModel(dir, "ws://127.0.0.1:7002/feed");
        again.update(snapshot(revised(), "feed-A"));
        assertTrue(again.changed(again.find(NORMALIZED, "OTC", WEEK)), "the revision since the last look is marked");
    }

    @Test
    void anotherFeedOnTheSameAddressDoesNotInheritIt() {
        ReadinessViewModel first = viewModel(dir, "ws://127.0.0.1:7001/feed");
        first.update(snapshot(before(), "feed-A"));

        ReadinessViewModel other = viewModel(dir, "ws://127.0.0.1:7001/feed");
        other.update(snapshot(revised(), "feed-B"));
        assertFalse(other.changed(other.find(NORMALIZED, "OTC", WEEK)), "feed B was never looked at");
    }

    @Test
    void whatAnEarlierVersionRememberedByAddressIsCarriedOver() throws Exception {
        ReadinessViewModel old = viewModel(dir, "ws://127.0.0.1:7001/feed");
        old.update(snapshot(before(), null)); // a feed without feed_id: kept by its address, as before
        old.select(old.find(NORMALIZED, "OTC", WEEK));

        ReadinessViewModel upgraded = viewModel(dir, "ws://127.0.0.1:7001/feed");
        upgraded.update(snapshot(revised(), "feed-A"));
        assertTrue(upgraded.changed(upgraded.find(NORMALIZED, "OTC", WEEK)));
    }
}
