package org.marketspine.console.ui.lineage;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketspine.console.model.AuditLog;
import org.marketspine.console.model.LineageLayout;
import org.marketspine.console.ui.Times;

/** The compliance workspace's small decisions (issue 12, items 15–18), each checked in a line or two. */
class ComplianceDecisionsTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Instant T = Instant.parse("2026-10-16T14:00:00Z");

    @Test
    void item16_theExportRangeIsTheAuditLogsDayRange_elseThe30DaysUpToTheInstantShown() {
        Instant dayStart = Instant.parse("2026-10-01T00:00:00Z");
        Instant lastMilliOfDay = Instant.parse("2026-10-08T00:00:00Z").minusMillis(1);
        AuditLog.Filter days = new AuditLog.Filter(dayStart, lastMilliOfDay, null, null, null, null);
        assertEquals(new LineageViewModel.Range(dayStart, Instant.parse("2026-10-08T00:00:00Z")), LineageViewModel.exportRange(days, T));
        assertEquals(new LineageViewModel.Range(T.minus(Duration.ofDays(30)), T), LineageViewModel.exportRange(AuditLog.Filter.ALL, T));
        AuditLog.Filter fromOnly = new AuditLog.Filter(dayStart, null, null, null, null, null);
        assertEquals(new LineageViewModel.Range(dayStart, T), LineageViewModel.exportRange(fromOnly, T));
    }

    @Test
    void item17_aBundleUnderReviewIsAsOfItsEnd_neverLive() {
        Instant end = Instant.parse("2026-11-25T12:00:00Z");
        String text = TimelineBar.timelineText(null, end.minusSeconds(60), end);
        assertFalse(text.contains("LIVE"), text);
        assertTrue(text.startsWith("END OF BUNDLE · " + Times.absolute(end)), text);
        assertTrue(TimelineBar.timelineText(null, end, null).startsWith("LIVE · last event "));
        assertTrue(TimelineBar.timelineText(null, end, null, false).startsWith("NOT CURRENT · last event "),
                "never LIVE on data that is not current");
        assertEquals(Times.absolute(T), TimelineBar.timelineText(T, end, end));
    }

    @Test
    void item18_instantFieldsReadInTheDisplayZoneWithItsId_andReadBackAnyIsoForm() {
        String zoned = InstantText.format(T, NEW_YORK);
        assertEquals("2026-10-16T10:00:00-04:00 (America/New_York)", zoned, "as every other time on screen reads");
        assertEquals(T, InstantText.parse(zoned));
        assertEquals(T, InstantText.parse("2026-10-16T10:00:00-04:00[America/New_York]"));
        Instant withMillis = T.plusMillis(608);
        assertEquals(withMillis, InstantText.parse(InstantText.format(withMillis, NEW_YORK)), "a field keeps the exact instant");
        assertEquals(T, InstantText.parse(" 2026-10-16T14:00:00Z "));
        assertEquals(T, InstantText.parse("2026-10-16T10:00:00-04:00 (America/New_York)"));
        assertThrows(DateTimeParseException.class, () -> InstantText.parse("10/16/2026"));
    }

    @Test
    void item15_timelineDatesAreWholeDaysInRange_asManyAsFit() {
        Instant first = Instant.parse("2026-06-01T09:30:00Z");
        Instant last = Instant.parse("2026-12-01T19:00:00Z");
        List<TimelineTicks> ticks = TimelineTicks.of(first, last, NEW_YORK, 12);
        assertTrue(ticks.size() >= 6 && ticks.size() <= 12, ticks.toString());
        for (int i = 0; i < ticks.size(); i++) {
            TimelineTicks t = ticks.get(i);
            assertTrue(t.fraction() >= 0 && t.fraction() <= 1, t.toString());
            if (i > 0) assertTrue(t.day().isAfter(ticks.get(i - 1).day()) && t.fraction() > ticks.get(i - 1).fraction());
        }
        assertEquals(LocalDate.of(2026, 6, 2), ticks.getFirst().day(), "the first whole day after the start");
        assertTrue(TimelineTicks.of(first, first, NEW_YORK, 12).isEmpty());
        assertTrue(TimelineTicks.of(first, last, NEW_YORK, 0).isEmpty());
    }

    @Test
    void item15_theFirstViewOfALargeGraphIs100PercentAroundItsAnchor_aSmallOneIsFitted() {
        Map<String, LineageLayout.Box> boxes = new HashMap<>();
        for (int i = 0; i < 300; i++) boxes.put("n" + i, new LineageLayout.Box(i % 20 * 300, i / 20 * 90));
        var large = new LineageLayout.Result(boxes, List.of(), 6000, 1350);
        LineageViewport v = LineageViewport.first(large, "n150", 900, 400);
        assertEquals(1.0, v.scale(), 1e-9, "a fitted view would be " + LineageViewport.fit(large, 900, 400).scale());
        double nodeCentreX = (150 % 20 * 300 + LineageLayout.NODE_WIDTH / 2) * v.scale() + v.tx();
        assertEquals(450, nodeCentreX, 1e-6, "the anchor in the middle");
        var small = new LineageLayout.Result(Map.of("a", new LineageLayout.Box(0, 0)), List.of(), 300, 90);
        assertEquals(LineageViewport.fit(small, 900, 400), LineageViewport.first(small, "a", 900, 400));
    }

    @Test
    void item15_theFirstViewNeverCutsTheGraphOffBesideBlankSpace() {
        // Four columns that fit the width, a column of eight that does not fit the height; anchored on the last input.
        Map<String, LineageLayout.Box> boxes = new HashMap<>();
        for (int i = 0; i < 8; i++) boxes.put("in" + i, new LineageLayout.Box(300, i * 90));
        boxes.put("ingest", new LineageLayout.Box(0, 630));
        boxes.put("run", new LineageLayout.Box(600, 300));
        boxes.put("out", new LineageLayout.Box(900, 300));
        var graph = new LineageLayout.Result(boxes, List.of(), 900 + LineageLayout.NODE_WIDTH, 7 * 90 + LineageLayout.NODE_HEIGHT);
        double w = 1900, h = 500;
        LineageViewport v = LineageViewport.first(graph, "in7", w, h);
        assertEquals(1.0, v.scale(), 1e-9);
        assertTrue(v.tx() >= 20, "the first column is not cut off at the left: tx " + v.tx());
        assertTrue(v.tx() + graph.width() <= w - 20, "nor the last at the right");
        assertEquals(h - 20, v.ty() + graph.height(), 1e-6, "the bottom of the graph, where its anchor is, without blank below it");
    }
}
