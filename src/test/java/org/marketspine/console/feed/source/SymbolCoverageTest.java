package org.marketspine.console.feed.source;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.PartitionKey;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.RevisionChain;
import org.marketspine.console.model.StateFold;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.Trigger;

/**
 * "Check symbols…" on the demo: for every symbol asked, each normalized week of its tier, newest
 * first, as present or missing in that week's current revision — the same answer for a symbol
 * asked alone or among others (the weeks and their revisions are worked out once a request).
 */
class SymbolCoverageTest {
    private static final LocalDate WEEK = LocalDate.parse("2026-11-13");

    @Test
    void eachSymbolIsCheckedAgainstTheRevisionItsWeekIsAt() throws Exception {
        DemoEngine engine = new DemoEngine(Instant.parse("2026-11-20T10:00:00Z"), PlatformState.EMPTY);
        SymbolUniverse universe = new SymbolUniverse(7);
        DemoPipelines pipelines = new DemoPipelines(engine, universe, new Random(3));
        for (int i = 0; i < 6; i++) { // the week ingested (and normalized) again and again: revision 5 at the end
            engine.at(Duration.ofHours(i), () -> pipelines.run(DemoCatalog.INGEST, "OTC", WEEK, Trigger.MANUAL, "ops", null,
                    DemoPipelines.Fault.NONE));
        }
        engine.at(Duration.ofMinutes(10), () -> pipelines.run(DemoCatalog.INGEST, "OTC", WEEK.minusWeeks(1), Trigger.MANUAL, "ops", null,
                DemoPipelines.Fault.NONE));
        PlatformState s = StateFold.applyAll(PlatformState.EMPTY, engine.runHistory(engine.now().plus(Duration.ofHours(8))));
        Capture current = s.capture(s.currentCaptures().get(new PartitionKey(DemoCatalog.NORMALIZED, "OTC", WEEK)));
        int revision = RevisionChain.depth(s, current);
        assertEquals(5, revision, "six normalizations of one week: the last is its fifth revision");

        // Symbols of the tier that this revision brought back (the first file lacked them), symbols it
        // still lacks, and one of another tier.
        List<String> asked = new ArrayList<>();
        for (String symbol : universe.all("OTC")) {
            if (asked.size() < 3 && universe.contains("OTC", WEEK, revision, symbol) && !universe.contains("OTC", WEEK, 0, symbol)) asked.add(symbol);
        }
        for (String symbol : universe.all("OTC")) {
            if (asked.size() < 6 && !universe.contains("OTC", WEEK, revision, symbol)) asked.add(symbol);
        }
        assertEquals(6, asked.size());
        String otherTier = universe.all("NMS_TIER_1").getFirst();
        asked.add(otherTier);
        DemoRequests requests = new DemoRequests(universe, new DemoLogs(1));
        JsonNode all = requests.answer(request(asked), s, engine.now()).path("symbols");

        for (int i = 0; i < 6; i++) {
            JsonNode entry = all.path(asked.get(i));
            JsonNode alone = requests.answer(request(List.of(asked.get(i))), s, engine.now()).path("symbols").path(asked.get(i));
            assertEquals(alone, entry, "the same answer asked alone or among others");
            JsonNode week = (i < 3 ? entry.path("present") : entry.path("missing")).get(0);
            assertEquals(WEEK.toString(), week.path("week_ending").asText(), asked.get(i) + ": the newest week first, " + entry);
            assertEquals(2, entry.path("present").size() + entry.path("missing").size(), "both OTC weeks, once each: " + entry);
        }
        assertEquals("NMS_TIER_1", all.path(otherTier).path("tier").asText());
    }

    private static Message.Request request(List<String> symbols) {
        return new Message.Request("r1", "symbol_coverage", null, null, null, null, null, null, null, symbols);
    }
}
