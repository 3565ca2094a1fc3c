package org.marketspine.console.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The quant's "what is the latest week?" answered as "the latest week safe to use": the newest
 * week in which every dataset of the tier is safe (the same test as the "only weeks safe to use"
 * filter on that tier), and the newer weeks that are not, each with what keeps it out.
 *
 * @param week null when no week of the tier is safe
 */
public record LatestSafe(String tier, LocalDate week, GridCell normalized, List<Newer> newer) {

    /** One dataset of a newer week and why it is not safe; {@code cell} null: nothing recorded. */
    public record Problem(ReadinessGrid.Column column, GridCell cell, Set<GridCell.Unsafe> why) {}

    public record Newer(LocalDate week, List<Problem> problems) {}

    public static LatestSafe of(ReadinessGrid.Grid grid, String tier) {
        List<Newer> newer = new ArrayList<>();
        for (ReadinessGrid.Row row : grid.rows()) {
            List<Problem> problems = new ArrayList<>();
            GridCell base = null;
            boolean any = false;
            for (int i = 0; i < grid.columns().size(); i++) {
                ReadinessGrid.Column col = grid.columns().get(i);
                if (!col.tier().equals(tier)) continue;
                GridCell c = row.cells().get(i);
                if (c == null) {
                    problems.add(new Problem(col, null, Set.of()));
                    continue;
                }
                any = true;
                if (!col.derived() && base == null) base = c;
                if (!c.safeToUse()) problems.add(new Problem(col, c, c.unsafe()));
            }
            if (!any) continue; // nothing of this tier that week: not a week it has
            if (problems.isEmpty()) return new LatestSafe(tier, row.week(), base, List.copyOf(newer));
            newer.add(new Newer(row.week(), List.copyOf(problems)));
        }
        return new LatestSafe(tier, null, null, List.copyOf(newer));
    }
}
