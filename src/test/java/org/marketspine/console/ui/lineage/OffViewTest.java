package org.marketspine.console.ui.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketspine.console.model.LineageLayout;

/** The marks that say a lineage view cuts nodes off, and where. */
class OffViewTest {
    private static final double W = LineageLayout.NODE_WIDTH;

    @Test
    void aColumnLeftOfTheViewIsCountedAndSaidWithItsArrow() {
        // Three columns of two; the view at 100 % starts halfway through the second column.
        List<LineageLayout.Box> boxes = List.of(new LineageLayout.Box(0, 0), new LineageLayout.Box(0, 90),
                new LineageLayout.Box(300, 0), new LineageLayout.Box(300, 90), new LineageLayout.Box(600, 0), new LineageLayout.Box(600, 90));
        OffView off = OffView.of(boxes, new LineageViewport(1, -400, 20), 700, 400);
        assertEquals(new OffView(4, 0, 0, 0), off, "the first column and the half-shown second");
        assertEquals("◀ 4 more nodes", off.text(OffView.Side.LEFT));
        assertEquals("", off.text(OffView.Side.RIGHT), "nothing cut on the right: no mark");
    }

    @Test
    void aFittedGraphHasNoMarks_andOneNodeIsSaidInTheSingular() {
        List<LineageLayout.Box> boxes = List.of(new LineageLayout.Box(0, 0), new LineageLayout.Box(0, 300));
        assertEquals(OffView.NONE, OffView.of(boxes, new LineageViewport(0.5, 10, 10), W, 400));
        OffView below = OffView.of(boxes, new LineageViewport(1, 0, 0), W, 300);
        assertEquals("▼ 1 more node", below.text(OffView.Side.BELOW));
        assertEquals("", below.text(OffView.Side.ABOVE));
    }
}
