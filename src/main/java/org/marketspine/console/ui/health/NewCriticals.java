package org.marketspine.console.ui.health;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.marketspine.console.model.FailureItem;

/**
 * Which pinned critical failures are news. The critical failures ever seen on this board only
 * grow, so a list cleared and refilled — the display zone changed, the history was fetched again —
 * announces nothing twice; the first look records without announcing (the history a board loads
 * is not news).
 */
final class NewCriticals {
    private Set<String> known;

    /** The pinned critical failures among {@code failures} not seen before. */
    List<FailureItem> take(List<FailureItem> failures) {
        List<FailureItem> fresh = new ArrayList<>();
        boolean baseline = known == null;
        if (baseline) known = new LinkedHashSet<>();
        for (FailureItem f : failures) {
            if (!f.critical() || !known.add(f.execution().executionId())) continue;
            if (!baseline && f.pinned()) fresh.add(f);
        }
        return fresh;
    }
}
