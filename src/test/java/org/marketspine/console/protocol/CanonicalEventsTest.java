package org.marketspine.console.protocol;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marketspine.console.bench.SyntheticHistory;
import org.marketspine.console.feed.source.DemoPlatform;

/** The quick reader of canonical items reads every kind exactly as Jackson does, and leaves everything else to it. */
class CanonicalEventsTest {
    private static final Instant AT = Instant.parse("2026-11-23T08:15:00.123Z");
    private static final LocalDate WEEK = LocalDate.of(2026, 11, 20);

    /** One of every kind, with the optional parts present, unusual text and every sort of param. */
    static List<Event> everyKind() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("week_ending", "2026-11-20");
        params.put("tier", "OTC");
        params.put("small", 7);
        params.put("large", 9_000_000_000L);
        params.put("negative", -3);
        params.put("force", true);
        params.put("dry", false);
        params.put("nothing", null);
        List<EventData> data = List.of(
                new EventData.PipelineDeclared("finra.otc.ingest", "finra", Stage.INGEST, List.of(), List.of("raw_otc"),
                        new EventData.Schedule("0 6 * * MON", "America/New_York", 4)),
                new EventData.ExecutionQueued("ex-1", "finra.otc.ingest", params, Trigger.RETRY, "alice", "ex-0"),
                new EventData.ExecutionStarted("ex-1", "finra.otc.ingest", Map.of("tier", "NMS_TIER_1"), Trigger.SCHEDULED, "scheduler",
                        "cap-1", 2),
                new EventData.ExecutionCompleted("ex-1", 1_234_567, 4_500, List.of("raw_otc", "norm_otc")),
                new EventData.ExecutionFailed("ex-2", 0, new EventData.ErrorDetail("HTTPError", "HTTP 503 \"busy\"\n\tretry — ünïcode ✓ \u0001",
                        Classification.TRANSIENT, true)),
                new EventData.ExecutionFailed("ex-3", 12, new EventData.ErrorDetail("SchemaError", "", Classification.SYSTEMIC)),
                new EventData.ExecutionCancelled("ex-4", "bob"),
                new EventData.CaptureRecorded("cap-1", "otc_weekly", "OTC", WEEK, Stage.NORMALIZE, 10, 3, "ex-1", List.of("cap-0"), "cap-0",
                        new EventData.SourceFile("s3://finra/otc/2026-11-20.csv", 2048, "ab".repeat(32))),
                new EventData.CaptureRecorded("cap-2", "otc_weekly", "OTC", WEEK, Stage.INGEST, 0, 0, "ex-5", List.of(), null, null),
                new EventData.ReadinessChanged("otc_weekly", "OTC", WEEK, ReadinessStatus.PRELIMINARY, "awaiting revision", "certifier",
                        null, 9000, 9100),
                new EventData.AnomalyDetected("an-1", Severity.CRITICAL, "row_count", "otc_weekly", "OTC", WEEK, "cap-1", "rows fell 40%",
                        List.of("AAPL", "MSFT")),
                new EventData.AnomalyDetected("an-2", Severity.LOW, "late", "otc_weekly", "OTC", WEEK, null, "late", null),
                new EventData.AnomalyAcknowledged("an-1", "carol", "looking"),
                new EventData.AnomalyResolved("an-1", "carol", ""),
                new EventData.ScheduleMissed("finra.otc.ingest", Instant.parse("2026-11-23T06:00:00Z"),
                        new EventData.Partition(WEEK, "OTC")),
                new EventData.SourceDeclared("finra_otc", "FINRA", "FINRA data terms", List.of("research", "compliance"), 3650),
                new EventData.RetentionPurged("otc_weekly", "OTC", WEEK, "retention", "older than 10 years"),
                new EventData.CommandRecorded("cmd-1", "retry", "alice", Role.OPERATOR, params, Outcome.ACCEPTED, "manual override"),
                new EventData.CommandRecorded("cmd-2", "cancel", "dave", Role.ANALYST, Map.of(), Outcome.REJECTED, ""));
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) events.add(Event.of(i + 1, AT.plusSeconds(i), data.get(i)));
        return events;
    }

    @Test
    void readsEveryKindAsJacksonDoes() throws Exception {
        Set<String> kinds = new HashSet<>();
        for (Event e : everyKind()) {
            String text = Canonical.of(e);
            Event quick = CanonicalEvents.read(text);
            assertNotNull(quick, "the quick reader must take our own canonical item: " + text);
            assertEquals(Codec.decodeGeneral(text), quick, text);
            assertEquals(e, quick, text);
            kinds.add(quick.kind());
        }
        assertEquals(EventKind.names(), kinds, "every kind the protocol has is covered here");
    }

    @Test
    void readsTheDemoAndTheSyntheticHistoriesAsJacksonDoes() throws Exception {
        List<Event> all = new ArrayList<>(new DemoPlatform(7, 1, Clock.systemUTC()).history(Instant.parse("2026-11-30T12:00:00Z")));
        var facts = SyntheticHistory.facts(20_000, 3);
        for (int i = 0; i < facts.size(); i++) all.add(Event.of(i + 1, facts.get(i).at(), facts.get(i).data()));
        for (Event e : all) {
            String text = Canonical.of(e);
            Event quick = CanonicalEvents.read(text);
            assertNotNull(quick, text);
            assertEquals(Codec.decodeGeneral(text), quick, text);
        }
    }

    /** Texts the quick reader must not take; the general path then reads them as it always did (or refuses them in its words). */
    @Test
    void leavesEverythingElseToTheGeneralPath() throws Exception {
        String good = Canonical.of(Event.of(3, AT, new EventData.ExecutionCompleted("ex-1", 10, 20, List.of("a"))));
        assertNotNull(CanonicalEvents.read(good));
        List<String> others = List.of(
                good.replace("\"rows\":10", "\"rows\":010"),                         // leading zero: not JSON
                good.replace("\"rows\":10", "\"rows\":10.0"),                        // a float for a long
                good.replace("\"rows\":10", "\"rows\":1e1"),
                good.replace("\"rows\":10", "\"rows\":\"10\""),                      // a string for a long
                good.replace("\"rows\":10", "\"rows\":null"),                        // null for a number
                good.replace(",\"rows\":10", ""),                                   // a number left out
                good.replace("\"rows\":10", "\"rows\":-1"),                          // refused by the record
                good.replace("\"rows\":10", "\"rows\":99999999999999999999"),        // beyond a long
                good.replace("\"outputs\":[\"a\"],", "\"outputs\":[\"a\"],\"zzz\":1,"),   // an unknown field
                good.replace("\"outputs\":[\"a\"]", "\"outputs\":[\"a\",null]"),      // a null entry
                good.replace("\"outputs\":[\"a\"]", "\"outputs\":[1]"),
                good.replace("\"execution_id\":\"ex-1\"", "\"execution_id\":7"),     // a number for a string
                good.replace("\"duration_ms\":20,\"execution_id\":\"ex-1\"", "\"execution_id\":\"ex-1\",\"duration_ms\":20"), // key order
                good.replace("\"rows\":10", "\"rows\": 10"),                         // a space
                good.replace("\"ro", "\"r\\u006f"),                                 // an escaped key
                good.replace("\"seq\":3", "\"seq\":0"),                              // refused by the event
                good.replace("\"seq\":3", "\"seq\":3.5"),
                good.replace("2026-11-23T08:15:00.123Z", "2026-11-23T08:15:00.123+00:00"),
                good.replace("2026-11-23T08:15:00.123Z", "2026-02-30T08:15:00Z"),
                good + " ",
                good.replace("execution.completed", "execution.future"));
        for (String text : others) {
            assertNotEquals(good, text);
            assertNull(CanonicalEvents.read(text), text);
            Object general;
            try {
                general = Codec.decodeGeneral(text);
            } catch (DecodeException e) {
                general = e.getMessage();
            }
            Object viaCodec;
            try {
                viaCodec = Codec.decodeEvent(text);
            } catch (DecodeException e) {
                viaCodec = e.getMessage();
            }
            assertEquals(general, viaCodec, text);
        }
        String status = Canonical.of(Event.of(4, AT, new EventData.ReadinessChanged("d", "OTC", WEEK, ReadinessStatus.BLOCKED, "r", "b",
                null, 1, 1)));
        assertNull(CanonicalEvents.read(status.replace("\"BLOCKED\"", "\"blocked\"")), "an enum value Jackson does not write");
        assertNull(CanonicalEvents.read(status.replace("\"week_ending\":\"2026-11-20\"", "\"week_ending\":\"2026-11-20T00:00:00\"")));
    }

    @Test
    void stringsWithEscapesReadToTheSameText() throws Exception {
        String text = Canonical.of(Event.of(1, AT, new EventData.ExecutionCancelled("ex-1", "a\"b\\c\u0007d/é")));
        assertEquals("a\"b\\c\u0007d/é", ((EventData.ExecutionCancelled) CanonicalEvents.read(text).data()).by());
        String slash = text.replace("d/é", "d\\/\\u00e9");
        assertEquals(Codec.decodeGeneral(slash), CanonicalEvents.read(slash));
        assertNull(CanonicalEvents.read(text.replace("a\\\"b", "a\u0001b")), "a raw control character is not JSON");
    }

    @Test
    void aStringReadAgainIsTheSameStringAndStringsOfOneHashStayApart() throws DecodeException {
        Event first = CanonicalEvents.read(Canonical.of(Event.of(1, AT, new EventData.ExecutionQueued("ex-1", "finra.otc.ingest",
                Map.of("tier", "Aa"), Trigger.MANUAL, "alice", null))));
        Event second = CanonicalEvents.read(Canonical.of(Event.of(2, AT, new EventData.ExecutionQueued("ex-2", "finra.otc.ingest",
                Map.of("tier", "BB"), Trigger.MANUAL, "alice", null))));
        var a = (EventData.ExecutionQueued) first.data();
        var b = (EventData.ExecutionQueued) second.data();
        // A million events held one pipeline name a million times: now once.
        assertSame(a.pipeline(), b.pipeline());
        assertSame(a.triggeredBy(), b.triggeredBy());
        // "Aa" and "BB" share a hash (and so a slot): each still reads as itself.
        assertEquals("Aa", a.params().get("tier"));
        assertEquals("BB", b.params().get("tier"));
        assertEquals("ex-2", b.executionId());
    }

    @Test
    void paramsKeepTheirOrderAndNullsRefuseChangesAndAKeyTwiceGoesTheGeneralWay() throws DecodeException {
        String text = Canonical.of(Event.of(1, AT, new EventData.ExecutionQueued("ex-1", "p", Map.of("b", 2, "a", "x"), Trigger.MANUAL,
                "alice", null))).replace("{\"a\":\"x\",\"b\":2}", "{\"z\":null,\"a\":\"x\",\"b\":2}");
        Map<String, Object> params = ((EventData.ExecutionQueued) CanonicalEvents.read(text).data()).params();
        assertEquals(List.of("z", "a", "b"), List.copyOf(params.keySet()), "in the order the text gives them");
        assertTrue(params.containsKey("z"));
        assertNull(params.get("z"));
        assertEquals(2, params.get("b"));
        Map<String, Object> same = new LinkedHashMap<>();
        same.put("z", null);
        same.put("a", "x");
        same.put("b", 2);
        assertEquals(same, params);
        assertEquals(same.hashCode(), params.hashCode());
        assertThrows(UnsupportedOperationException.class, () -> params.put("c", 1));
        assertThrows(UnsupportedOperationException.class, () -> params.remove("a"));
        assertThrows(UnsupportedOperationException.class, () -> params.remove("absent"), "refused even when it would change nothing");
        assertThrows(UnsupportedOperationException.class, () -> params.putAll(Map.of()));
        assertThrows(UnsupportedOperationException.class, () -> params.computeIfAbsent("c", k -> null));
        // An item with very many keys is left to the general path (the quick map scans its keys).
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 40; i++) many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        String wide = text.replace("{\"z\":null,\"a\":\"x\",\"b\":2}", many.append('}').toString());
        assertNull(CanonicalEvents.read(wide));
        assertEquals(40, ((EventData.ExecutionQueued) Codec.decodeEvent(wide).data()).params().size());
        // Which of two equal keys wins is the general path's decision, as for any other unusual text.
        String twice = text.replace("{\"z\":null,", "{\"b\":1,\"z\":null,");
        assertNull(CanonicalEvents.read(twice));
        Map<String, Object> general = ((EventData.ExecutionQueued) Codec.decodeEvent(twice).data()).params();
        assertEquals(2, general.get("b"), "Jackson: the last value wins, in the first key's place");
        assertEquals(List.of("b", "z", "a"), List.copyOf(general.keySet()));
    }
}
