package org.marketspine.console.model;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.protocol.Stage;

/** A cell's status is the decision about its own capture: a certification does not pass to a revision. */
class ReadinessGridCellTest {
    static final String N = "finra.otc_transparency.normalized";
    static final LocalDate WEEK = LocalDate.parse("2026-11-13");
    static final PartitionKey KEY = new PartitionKey(N, "OTC", WEEK);
    final List<Event> events = new ArrayList<>();

    private void add(EventData d) {
        events.add(Event.of(events.size() + 1, Instant.parse("2026-11-20T10:00:00Z").plusSeconds(events.size()), d));
    }

    private PlatformState state() {
        return StateFold.applyAll(PlatformState.EMPTY, events);
    }

    @Test
    void aRevisionNotYetAssessedIsNotCertified() {
        add(new EventData.CaptureRecorded("n1", N, "OTC", WEEK, Stage.NORMALIZE, 10, 100, "x", List.of(), null, null));
        add(new EventData.ReadinessChanged(N, "OTC", WEEK, ReadinessStatus.CERTIFIED, "all checks pass", "maria.chen", "n1", 100, 100));
        assertEquals(ReadinessStatus.CERTIFIED, ReadinessGrid.cell(state(), KEY, false, Map.of()).status());

        add(new EventData.CaptureRecorded("n2", N, "OTC", WEEK, Stage.NORMALIZE, 12, 104, "x", List.of(), "n1", null));
        GridCell revised = ReadinessGrid.cell(state(), KEY, false, Map.of());
        assertEquals("n2", revised.captureId());
        assertEquals(ReadinessStatus.PRELIMINARY, revised.status());
        assertTrue(revised.reason().contains("not yet assessed") && revised.reason().contains("n1"), revised.reason());
        assertEquals("", revised.by(), "maria.chen certified n1, not n2");
        assertEquals(104, revised.symbols());
        assertFalse(revised.safeToUse());

        add(new EventData.ReadinessChanged(N, "OTC", WEEK, ReadinessStatus.CERTIFIED, "re-certified", "maria.chen", "n2", 104, 100));
        assertEquals(ReadinessStatus.CERTIFIED, ReadinessGrid.cell(state(), KEY, false, Map.of()).status());
    }
}
