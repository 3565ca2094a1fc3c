package org.marketspine.console.feed.source;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.PartitionKey;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.RevisionChain;
import org.marketspine.console.model.StateFold;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Trigger;

/**
 * Ids the demo platform draws are never ones it already used: a demo left running for weeks made
 * 250,000 executions, and 32 random bits repeat long before that. A capture that took the id of the
 * one it revised stalled the platform thread (its revision walk went round forever).
 */
class DemoIdsTest {
    static final LocalDate WEEK = LocalDate.parse("2026-11-13");

    /** A generator stuck on one int for its first thousand draws: every id drawn in them is the same. */
    private static final class Repeating extends Random {
        private int calls;

        @Override
        public int nextInt() {
            return calls++ < 1_000 ? 0x5eed : 0x5eed + calls;
        }
    }

    @Test
    void twoIngestsOfOneWeekGetTheirOwnExecutionAndCaptureIds() {
        DemoEngine engine = new DemoEngine(Instant.parse("2026-11-20T10:00:00Z"), PlatformState.EMPTY);
        DemoPipelines pipelines = new DemoPipelines(engine, new SymbolUniverse(7), new Repeating());
        pipelines.chain = false;
        String[] ids = new String[2];
        engine.at(Duration.ZERO, () -> ids[0] = pipelines.run(DemoCatalog.INGEST, "OTC", WEEK, Trigger.MANUAL, "ops", null,
                DemoPipelines.Fault.NONE));
        engine.at(Duration.ofMinutes(30), () -> ids[1] = pipelines.run(DemoCatalog.INGEST, "OTC", WEEK, Trigger.MANUAL, "ops", null,
                DemoPipelines.Fault.NONE));
        List<Event> events = engine.runHistory(engine.now().plus(Duration.ofHours(2)));
        String first = ids[0];
        String second = ids[1];

        assertNotEquals(first, second, "the second run drew the first one's id again");
        PlatformState s = StateFold.applyAll(PlatformState.EMPTY, events);
        List<EventData.CaptureRecorded> captures = events.stream().map(Event::data)
                .filter(EventData.CaptureRecorded.class::isInstance).map(EventData.CaptureRecorded.class::cast).toList();
        assertEquals(2, captures.size());
        assertNotEquals(captures.get(0).captureId(), captures.get(1).captureId());
        assertEquals(captures.get(0).captureId(), captures.get(1).supersedes(), "the second revises the first");
        Capture current = s.currentCapture(new PartitionKey(DemoCatalog.RAW, "OTC", WEEK));
        assertEquals(captures.get(1).captureId(), current.captureId());
        assertEquals(1, RevisionChain.depth(s, current));
        assertTrue(current.captureId().endsWith(second.substring(second.indexOf('-') + 1)),
                "a capture is named after the execution that recorded it: " + current.captureId());
    }
}
