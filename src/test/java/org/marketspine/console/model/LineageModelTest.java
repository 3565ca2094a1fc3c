package org.marketspine.console.model;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marketspine.console.feed.source.DemoPlatform;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Stage;

/** Lineage, time travel, audit log and retention as pure functions of the demo's journal. */
class LineageModelTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final List<Event> HISTORY = new DemoPlatform(20261125, 1, Clock.systemUTC()).history(NOW);
    static final EventLog LOG = new EventLog();

    static {
        LOG.appendAll(HISTORY);
    }

    @Test
    void aDerivedCaptureIsLinkedToTheVeryInputCapturesItConsumed() {
        PlatformState s = LOG.head();
        Capture derived = s.captures().values().stream().filter(c -> c.recorded().stage() == Stage.COMPUTE
                && c.recorded().inputs().size() >= 6).findFirst().orElseThrow();
        LineageGraph g = LineageGraph.of(s, k -> k.equals(derived.partition()));
        String exec = LineageGraph.executionNode(derived.recorded().executionId());
        Set<String> into = new HashSet<>();
        for (LineageGraph.Edge e : g.edges()) if (e.to().equals(exec)) into.add(e.from());
        Set<String> expected = new HashSet<>();
        for (String in : derived.recorded().inputs()) expected.add(LineageGraph.captureNode(in));
        assertEquals(expected, into, "edges pinned to the exact input capture ids");
        assertTrue(g.edges().contains(new LineageGraph.Edge(exec, LineageGraph.captureNode(derived.captureId()))));
        // Focus on the derived capture keeps its inputs and drops unrelated nodes.
        LineageGraph focus = g.focus(LineageGraph.captureNode(derived.captureId()));
        assertTrue(focus.nodes().size() <= g.nodes().size());
        for (String in : expected) assertNotNull(focus.node(in));
    }

    @Test
    void beforeARevisionTheOriginalIsCurrentAndTheRevisionAbsent_afterItTheOriginalIsSuperseded() {
        PlatformState s = LOG.head();
        Capture revision = s.captures().values().stream().filter(c -> c.recorded().supersedes() != null).findFirst().orElseThrow();
        Capture original = s.capture(revision.recorded().supersedes());
        LineageGraph g = LineageGraph.of(s, k -> k.equals(revision.partition()));
        Instant before = revision.recordedAt().minusSeconds(1);
        LineageAt then = LineageAt.at(LOG, g, before);
        assertFalse(then.look(LineageGraph.captureNode(revision.captureId())).present());
        assertTrue(then.look(LineageGraph.captureNode(original.captureId())).present());
        assertNotEquals(LineageAt.Tone.SUPERSEDED, then.look(LineageGraph.captureNode(original.captureId())).tone());
        LineageAt after = LineageAt.at(LOG, g, revision.recordedAt());
        assertTrue(after.look(LineageGraph.captureNode(revision.captureId())).present());
        assertEquals(LineageAt.Tone.SUPERSEDED, after.look(LineageGraph.captureNode(original.captureId())).tone());
    }

    /** Persona review: FINRA re-issues a revision at the same URL; both ingests hung off one file node showing the new bytes. */
    @Test
    void aRevisionFetchedFromTheSameUrlIsAnotherFile_eachCaptureKeepsTheBytesItWasReadFrom() {
        String url = "https://api.finra.org/data/group/otcMarket/name/weeklySummary?tier=OTC&weekStartDate=2026-11-02";
        LocalDate week = LocalDate.of(2026, 11, 6);
        EventData.SourceFile first = new EventData.SourceFile(url, 641_718, "f3adee1b");
        EventData.SourceFile revised = new EventData.SourceFile(url, 612_150, "abababab");
        EventLog log = new EventLog();
        log.appendAll(List.of(
                Event.of(1, NOW, new EventData.CaptureRecorded("raw-1", "finra.otc_transparency.raw", "OTC", week, Stage.INGEST,
                        100, 10, "ex-1", List.of(), null, first)),
                Event.of(2, NOW.plusSeconds(3600), new EventData.CaptureRecorded("raw-2", "finra.otc_transparency.raw", "OTC", week,
                        Stage.INGEST, 99, 10, "ex-2", List.of(), "raw-1", revised))));
        LineageGraph g = LineageGraph.of(log.head(), k -> true);
        assertEquals(2, g.nodes().stream().filter(n -> n.kind() == LineageGraph.Kind.SOURCE_FILE).count(), g.nodes().toString());
        assertTrue(g.edges().contains(new LineageGraph.Edge(LineageGraph.fileNode(first), LineageGraph.captureNode("raw-1"))));
        assertTrue(g.edges().contains(new LineageGraph.Edge(LineageGraph.fileNode(revised), LineageGraph.captureNode("raw-2"))));
        assertFalse(g.edges().contains(new LineageGraph.Edge(LineageGraph.fileNode(revised), LineageGraph.captureNode("raw-1"))),
                "the original capture was not read from the revised bytes");
        LineageAt before = LineageAt.at(log, g, NOW.plusSeconds(60));
        assertTrue(before.look(LineageGraph.fileNode(first)).present());
        assertFalse(before.look(LineageGraph.fileNode(revised)).present(), "the revised file was not fetched yet");
    }

    @Test
    void theAuditLogRoundTripsThroughCsv_quotesCommasAndLineBreaks() {
        List<AuditLog.Entry> entries = new ArrayList<>(AuditLog.of(LOG.head()));
        assertFalse(entries.isEmpty());
        entries.add(new AuditLog.Entry(NOW, "command", "c-1", "ana \"the analyst\"", "retry", "analyst", "a=1, b=2",
                "rejected", "forbidden: analysts may not retry,\nask an operator"));
        assertEquals(entries, AuditLog.parseCsv(AuditLog.csv(entries)));
        assertThrows(IllegalArgumentException.class, () -> AuditLog.parseCsv("not,a,log\n1,2,3\n"));
    }

    @Test
    void theDensityStripCountsEveryExecutionOnceAndMarksFailures() {
        PlatformState s = LOG.head();
        ExecutionDensity d = ExecutionDensity.of(s, LOG.firstAt(), LOG.lastAt(), 100);
        int total = 0;
        int failed = 0;
        for (int i = 0; i < 100; i++) {
            total += d.total()[i];
            failed += d.failed()[i];
        }
        long inRange = s.executions().values().stream().filter(e -> e.startedAt() != null || e.queuedAt() != null).count();
        assertEquals(inRange, total);
        assertEquals(s.executions().values().stream().filter(e -> e.status() == ExecutionStatus.FAILED).count(), failed);
        assertTrue(failed > 0);
    }

    @Test
    void retentionFlagsThePartitionKeptPastItsSourcesRetentionAndListsPurges() {
        RetentionReport r = RetentionReport.of(LOG.head(), NOW);
        RetentionReport.Source raw = r.sources().stream().filter(x -> x.declared().source().endsWith(".raw")).findFirst().orElseThrow();
        assertEquals(1, raw.pastRetention().size(), "the partition on legal hold");
        assertFalse(r.purges().isEmpty());
        assertTrue(r.purges().stream().allMatch(f -> !f.data().by().isEmpty() && !f.data().reason().isEmpty()));
    }

    @Test
    void verifyingAWeekFindsEveryScheduledRun() {
        PlatformState s = LOG.head();
        LocalDate week = s.currentCaptures().keySet().stream().map(PartitionKey::weekEnding).sorted().toList().get(20);
        List<AuditLog.ScheduledRun> runs = AuditLog.verifyWeek(s, week, NOW);
        assertFalse(runs.isEmpty());
        assertTrue(runs.stream().anyMatch(AuditLog.ScheduledRun::ran));
    }
}
