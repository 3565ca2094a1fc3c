package org.marketspine.console.ui.readiness;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.marketspine.console.model.GridCell;
import org.marketspine.console.model.LatestSafe;
import org.marketspine.console.model.ReadinessSummary;
import org.marketspine.console.ui.Styles;
import org.marketspine.console.ui.Times;

/**
 * One tier's card: the latest week safe to use (not merely the latest held), what newer weeks
 * exist and what keeps each out, and the tier's coverage.
 */
final class TierCard {
    /** Newer weeks named on the card itself; the rest are counted, and all are in the tooltip. */
    static final int NAMED = 2;

    private TierCard() {}

    /** @param current false when the data is not current: the answer is then "when last heard", never a green badge. */
    static VBox of(ReadinessSummary s, LatestSafe latest, boolean current) {
        Label tier = new Label(s.tier());
        tier.getStyleClass().add(Styles.CARD_TITLE);
        VBox card = new VBox(4, tier, safeLine(latest, current));
        if (latest != null && !latest.newer().isEmpty()) card.getChildren().add(newerLine(latest.newer()));
        Label coverage = new Label(s.weeksAvailable() + " weeks · " + (s.gaps().isEmpty() ? "no gaps" : s.gaps().size() + " gaps"));
        coverage.getStyleClass().add(Styles.MUTED);
        if (!s.gaps().isEmpty()) coverage.setTooltip(new Tooltip("Missing weeks: " + s.gaps()));
        card.getChildren().add(coverage);
        card.getStyleClass().addAll(Styles.CARD, "tier-summary");
        card.setId("summary-" + s.tier());
        return card;
    }

    private static FlowPane safeLine(LatestSafe latest, boolean current) {
        FlowPane line = new FlowPane(8, 4);
        line.getStyleClass().add("latest-safe");
        if (latest == null || latest.week() == null) {
            Label none = new Label("No week safe to use");
            none.getStyleClass().add("unsafe-text");
            line.getChildren().add(none);
            return line;
        }
        Label week = new Label((current ? "Latest safe to use: " : "Latest safe to use when last heard: ") + latest.week());
        week.getStyleClass().add("latest-safe-week");
        GridCell n = latest.normalized();
        if (n != null) {
            week.setTooltip(new Tooltip("Every " + latest.tier() + " dataset of this week is CERTIFIED, current, complete "
                    + "and has no open critical or high anomaly.\nnormalized: " + n.reason() + (n.by().isEmpty() ? "" : " — " + n.by())
                    + (n.changedAt() == null ? "" : ", " + Times.absolute(n.changedAt()))));
        }
        Label badge = new Label(current ? "CERTIFIED" : "CERTIFIED · NOT CURRENT");
        badge.getStyleClass().addAll("status-badge", current ? "badge-certified" : "badge-not-current");
        line.getChildren().addAll(week, badge);
        return line;
    }

    private static Label newerLine(List<LatestSafe.Newer> newer) {
        List<String> named = new ArrayList<>();
        StringBuilder all = new StringBuilder("Newer weeks, not safe to use:");
        for (LatestSafe.Newer w : newer) {
            String text = w.week() + " — " + String.join(", ", problems(w));
            if (named.size() < NAMED) named.add(text);
            all.append('\n').append(text);
        }
        int more = newer.size() - named.size();
        Label l = new Label("Newer, not safe: " + String.join("; ", named) + (more > 0 ? "; +" + more + " more" : ""));
        l.getStyleClass().add("newer-unsafe");
        l.setWrapText(true);
        l.setTooltip(new Tooltip(all.toString()));
        return l;
    }

    /** "normalized PRELIMINARY", "6-wk avg PRELIMINARY · STALE", "critical or high anomaly open": each dataset once. */
    static List<String> problems(LatestSafe.Newer w) {
        List<String> out = new ArrayList<>();
        boolean anomaly = false;
        for (LatestSafe.Problem p : w.problems()) {
            String name = ReadinessView.columnName(p.column());
            if (p.cell() == null) {
                out.add(name + " NOT AVAILABLE");
                continue;
            }
            List<String> words = new ArrayList<>();
            for (GridCell.Unsafe why : p.why()) {
                switch (why) {
                    case NOT_CERTIFIED -> words.add(p.cell().badge());
                    case STALE -> words.add("STALE");
                    case INPUTS_NOT_CERTIFIED -> words.add(CellMarks.inputWords(p.cell().inputs()));
                    case INCOMPLETE -> words.add(String.format("%.1f%% of symbols", p.cell().completeness() * 100));
                    case CRITICAL_OR_HIGH_ANOMALY -> anomaly = true;
                }
            }
            if (!words.isEmpty()) out.add(name + " " + String.join(" · ", words));
        }
        if (anomaly) out.add("critical or high anomaly open");
        return out;
    }
}
