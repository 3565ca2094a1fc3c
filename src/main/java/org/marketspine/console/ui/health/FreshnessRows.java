package org.marketspine.console.ui.health;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marketspine.console.model.TierFreshness;
import org.marketspine.console.ui.Icons;
import org.marketspine.console.ui.Styles;
import org.marketspine.console.ui.Times;

/**
 * The freshness card's rows: per tier, the latest week held and whether it is current or how
 * overdue — in the colour of health only when the data is current (R6).
 */
final class FreshnessRows extends VBox {
    private final HealthViewModel vm;

    FreshnessRows(HealthViewModel vm) {
        super(2);
        this.vm = vm;
        setId("freshness");
        vm.staleProperty().addListener((o, a, b) -> render());
        vm.freshness().addListener((ListChangeListener<TierFreshness>) c -> render());
        render();
    }

    private void render() {
        getChildren().clear();
        for (TierFreshness f : vm.freshness()) {
            Label tier = new Label(f.tier());
            tier.getStyleClass().add("tier");
            Label week = new Label(f.hasData() ? f.latestWeek().toString() : "no data");
            // A bundle nobody trusted vouches for: what it says, never in the colour of health.
            boolean untrusted = vm.snapshot() != null && vm.snapshot().isUntrustedBundle();
            boolean current = !untrusted && vm.snapshot() != null && (vm.snapshot().isCurrent() || vm.snapshot().isBundle());
            String judged = switch (f.level()) {
                case GREEN -> "current";
                case YELLOW, RED -> "overdue " + Times.span(f.overdue());
            };
            // Not current: no colour of health, and the words say the judgement is as of the last time the feed was heard.
            boolean never = vm.snapshot() == null || vm.snapshot().state().seq() == 0;
            Label state = new Label(never ? "unknown" : current ? judged : untrusted ? judged + " · not trusted" : judged + " when last heard");
            for (Label l : new Label[] {tier, week, state}) l.setMinWidth(Region.USE_PREF_SIZE);
            // A flow, not a box: a judgement too long for the card's width goes whole onto a second line ("current · not
            // trusted" was cut to "current · not" in a bundle's review at 1280×720).
            FlowPane row = new FlowPane(current ? Icons.of(Icons.health(f.level())) : Icons.of(Icons.UNKNOWN), tier, week, state);
            row.getStyleClass().addAll("fresh-row", current ? Styles.health(f.level()) : "fresh-unknown");
            row.setId("fresh-" + f.tier());
            Tooltip.install(row, new Tooltip("Latest week held: " + f.latestWeek()
                    + (f.latestCapturedAt() == null ? "" : ", captured " + Times.absolute(f.latestCapturedAt()))
                    + "\nNewest week FINRA has published for " + f.tier() + ": " + f.expectedWeek()
                    + "\nYellow after 24 h overdue, red after 3 days."));
            getChildren().add(row);
        }
    }
}
