package org.marketspine.console.model;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marketspine.console.protocol.ReadinessStatus;

/** Issue 12, item 9: a tier's "latest" is the latest week safe to use, and the newer ones say why not. */
class LatestSafeTest {
    static final ReadinessGrid.Column N1 = new ReadinessGrid.Column("finra.otc_transparency.normalized", "NMS_TIER_1", false);
    static final ReadinessGrid.Column A1 = new ReadinessGrid.Column("analytics.volume_avg_6w", "NMS_TIER_1", true);
    static final ReadinessGrid.Column N2 = new ReadinessGrid.Column("finra.otc_transparency.normalized", "OTC", false);
    static final LocalDate W3 = LocalDate.parse("2026-11-13");
    static final LocalDate W2 = W3.minusWeeks(1);
    static final LocalDate W1 = W3.minusWeeks(2);

    static GridCell cell(ReadinessGrid.Column c, LocalDate week, ReadinessStatus status, boolean stale) {
        return new GridCell(new PartitionKey(c.dataset(), c.tier(), week), status, "r", "", null, "id", 100, 100, new int[4],
                stale, false, null, c.derived(), InputStates.State.CERTIFIED);
    }

    static ReadinessGrid.Row row(LocalDate week, GridCell... cells) {
        return new ReadinessGrid.Row(week, new ArrayList<>(Arrays.asList(cells)));
    }

    @Test
    void aCertifiedWeekWithAStaleDerivedDatasetIsNotTheLatestSafe() {
        List<ReadinessGrid.Row> rows = new ArrayList<>();
        rows.add(row(W3, cell(N1, W3, ReadinessStatus.CERTIFIED, false), cell(A1, W3, ReadinessStatus.CERTIFIED, true), null));
        rows.add(row(W2, cell(N1, W2, ReadinessStatus.PRELIMINARY, false), null, cell(N2, W2, ReadinessStatus.CERTIFIED, false)));
        rows.add(row(W1, cell(N1, W1, ReadinessStatus.CERTIFIED, false), cell(A1, W1, ReadinessStatus.CERTIFIED, false),
                cell(N2, W1, ReadinessStatus.CERTIFIED, false)));
        ReadinessGrid.Grid grid = new ReadinessGrid.Grid(List.of(N1, A1, N2), rows);

        LatestSafe t1 = LatestSafe.of(grid, "NMS_TIER_1");
        assertEquals(W1, t1.week());
        assertEquals(List.of(W3, W2), t1.newer().stream().map(LatestSafe.Newer::week).toList());
        assertEquals(Set.of(GridCell.Unsafe.STALE), t1.newer().get(0).problems().get(0).why());
        assertEquals(2, t1.newer().get(1).problems().size(), "PRELIMINARY normalized, and no 6-wk avg at all");
        assertNull(t1.newer().get(1).problems().get(1).cell());

        LatestSafe otc = LatestSafe.of(grid, "OTC");
        assertEquals(W2, otc.week(), "a week the tier has nothing of is not newer than its latest");
        assertTrue(otc.newer().isEmpty());
    }

    /** Persona review: spine-core gives no expected symbol count; the grid read "100.0%" for a week blocked as truncated. */
    @Test
    void withoutAnExpectedCountCompletenessIsUnknown_neitherAPercentNorAReasonToDistrust() {
        GridCell known = new GridCell(new PartitionKey(N1.dataset(), N1.tier(), W3), ReadinessStatus.CERTIFIED, "r", "", null, "id",
                4_900, 5_036, new int[4], false, false, null, false, InputStates.State.CERTIFIED);
        assertEquals("4,900 of 5,036 expected symbols (97.3%)", known.symbolsText());
        assertEquals(Set.of(GridCell.Unsafe.INCOMPLETE), known.unsafe(), "under 98 % of what was expected");
        GridCell unknown = new GridCell(known.key(), ReadinessStatus.CERTIFIED, "r", "", null, "id", 5_018, 0, new int[4], false, false,
                null, false, InputStates.State.CERTIFIED);
        assertFalse(unknown.completenessKnown());
        assertTrue(unknown.safeToUse(), "an unmeasured completeness does not make a certified week unsafe");
        assertEquals("5,018 symbols (the feed gives no expected count: completeness unknown)", unknown.symbolsText());
        assertTrue(CertificationChecks.of(PlatformState.EMPTY, unknown).stream().noneMatch(c -> c.name().equals("Complete")),
                "no tick for a completeness nobody measured");
    }

    @Test
    void noSafeWeekSaysSo() {
        ReadinessGrid.Grid grid = new ReadinessGrid.Grid(List.of(N1),
                List.of(row(W3, cell(N1, W3, ReadinessStatus.BLOCKED, false))));
        LatestSafe t = LatestSafe.of(grid, "NMS_TIER_1");
        assertNull(t.week());
        assertEquals(Set.of(GridCell.Unsafe.NOT_CERTIFIED), t.newer().get(0).problems().get(0).why());
    }
}
