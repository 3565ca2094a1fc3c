package org.marketspine.console.feed.source;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.StateFold;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Trigger;

/**
 * Each re-ingest of a week is its next revision (the source file it names says which), counted
 * from the one before without walking the whole chain each time — also by a demo started again
 * on the journal of the one before.
 */
class DemoRevisionsTest {
    private static final LocalDate WEEK = LocalDate.parse("2026-11-13");

    /** Ingests the week {@code times} times, half an hour apart, on a demo over {@code state}; the captures it recorded. */
    private static List<EventData.CaptureRecorded> ingest(PlatformState state, Instant start, int times, List<Event> journal) {
        DemoEngine engine = new DemoEngine(start, state);
        DemoPipelines pipelines = new DemoPipelines(engine, new SymbolUniverse(7), new Random(11));
        pipelines.chain = false;
        for (int i = 0; i < times; i++) {
            engine.at(Duration.ofMinutes(30L * i), () -> pipelines.run(DemoCatalog.INGEST, "OTC", WEEK, Trigger.MANUAL, "ops", null,
                    DemoPipelines.Fault.NONE));
        }
        List<Event> events = engine.runHistory(engine.now().plus(Duration.ofMinutes(30L * times + 60)));
        journal.addAll(events);
        return events.stream().map(Event::data).filter(EventData.CaptureRecorded.class::isInstance)
                .map(EventData.CaptureRecorded.class::cast).toList();
    }

    private static String revisionOf(EventData.CaptureRecorded c) {
        String locator = c.source().locator();
        int at = locator.indexOf("&revision=");
        return at < 0 ? "first" : locator.substring(at + "&revision=".length());
    }

    @Test
    void everyReingestIsTheNextRevisionAlsoAfterARestart() {
        List<Event> journal = new ArrayList<>();
        List<EventData.CaptureRecorded> first = ingest(PlatformState.EMPTY, Instant.parse("2026-11-20T10:00:00Z"), 4, journal);
        assertEquals(List.of("first", "1", "2", "3"), first.stream().map(DemoRevisionsTest::revisionOf).toList());

        // A demo started again on that journal (a feed restart) goes on from revision 3.
        PlatformState after = StateFold.applyAll(PlatformState.EMPTY, journal);
        List<EventData.CaptureRecorded> second = ingest(after, Instant.parse("2026-11-20T14:00:00Z"), 2, journal);
        assertEquals(List.of("4", "5"), second.stream().map(DemoRevisionsTest::revisionOf).toList());
        assertEquals(first.get(3).captureId(), second.get(0).supersedes());
    }
}
