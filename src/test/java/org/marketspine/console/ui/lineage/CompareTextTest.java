package org.marketspine.console.ui.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketspine.console.model.Capture;
import org.marketspine.console.model.StateDiff;
import org.marketspine.console.protocol.EventData.CaptureRecorded;
import org.marketspine.console.protocol.Stage;

/** The compare answer as compliance reads it. */
class CompareTextTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private static Capture capture(String tier, String week, long seq) {
        String id = "finra.otc_transparency.raw:" + tier + ":" + week + ":" + seq;
        return new Capture(new CaptureRecorded(id, "finra.otc_transparency.raw", tier, LocalDate.parse(week), Stage.INGEST, 10, 5, "ex-" + seq,
                List.of(), null, null), seq, AT, null, null);
    }

    @Test
    void capturesAreListedNewestWeekFirstThenByTier_notInArrivalOrder() {
        List<Capture> arrived = List.of(capture("NMS_TIER_2", "2026-10-23", 1), capture("NMS_TIER_1", "2026-11-06", 2),
                capture("OTC", "2026-11-06", 3), capture("NMS_TIER_1", "2026-10-30", 4));
        StateDiff d = new StateDiff(arrived, arrived, List.of(), List.of(), List.of(), List.of());
        CompareText.Result r = CompareText.of(d, AT.minusSeconds(86_400), AT);
        for (int section = 0; section < 2; section++) {
            List<String> lines = r.sections().get(section).groups().getFirst().lines();
            assertEquals(List.of("NMS_TIER_1:2026-11-06", "OTC:2026-11-06", "NMS_TIER_1:2026-10-30", "NMS_TIER_2:2026-10-23"),
                    lines.stream().map(l -> l.split(":", 3)[1] + ":" + l.split(":")[2]).toList(), r.sections().get(section).title());
        }
    }
}
