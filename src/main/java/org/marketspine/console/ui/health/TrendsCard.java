package org.marketspine.console.ui.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marketspine.console.model.Trends;
import org.marketspine.console.ui.Styles;
import org.marketspine.console.ui.Times;
import org.marketspine.console.ui.Wrap;

/**
 * "Is this getting worse?" on the workstation board: failures per hour over 7 days (transient
 * below, systemic or unclassified on top; a click on an hour narrows the failure list to it) and
 * the freshness lag per tier over 30 days, each with its figures in words.
 */
final class TrendsCard extends VBox {
    private final BoardTrends trends;
    private final ReadOnlyBooleanProperty stale;
    private final Label failuresSummary = new Label();
    private final Label lagSummary = new Label();
    /** One label per tier, in the colour of its line: the chart's legend and its figure now. */
    private final FlowPane legend = new FlowPane(10, 2);
    final TrendChart failures = new TrendChart("failures-trend");
    final TrendChart lag = new TrendChart("lag-trend");

    TrendsCard(BoardTrends trends, ReadOnlyBooleanProperty stale) {
        this.trends = trends;
        this.stale = stale;
        getStyleClass().addAll(Styles.CARD, "trends-card");
        setId("trends");
        Label title = new Label("Trends");
        title.getStyleClass().add(Styles.CARD_TITLE);
        failuresSummary.setId("trend-failures-summary");
        lagSummary.setId("trend-lag-summary");
        Wrap.decisions(failuresSummary, lagSummary);
        failures.setId("trend-failures");
        lag.setId("trend-lag");
        failures.setPrefHeight(90);
        lag.setPrefHeight(70);
        VBox.setVgrow(failures, Priority.SOMETIMES);
        VBox.setVgrow(lag, Priority.SOMETIMES);
        failures.setOnPick(i -> {
            Trends t = trends.trendsProperty().get();
            if (t != null && t.failures(i) > 0) trends.hourProperty().set(t.hour(i));
        });
        legend.setId("trend-lag-legend");
        getChildren().addAll(title, failuresSummary, failures, ends("7 days ago", "this hour"), lagSummary, legend, lag,
                ends("30 days ago", "today"));
        setMinHeight(0);
        setSpacing(4);
        trends.trendsProperty().addListener((o, a, t) -> render(t));
        stale.addListener((o, a, b) -> render(trends.trendsProperty().get()));
        render(trends.trendsProperty().get());
    }

    /**
     * Where a chart's time axis starts and ends, under it (its buckets are said in the tooltip); on a board
     * that is not current it ends where its data does.
     */
    private HBox ends(String start, String now) {
        Label a = new Label(start);
        Label b = new Label();
        b.textProperty().bind(Bindings.when(stale).then("when last heard").otherwise(now));
        a.getStyleClass().add(Styles.MUTED);
        b.getStyleClass().add(Styles.MUTED);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        return new HBox(a, grow, b);
    }

    private void render(Trends t) {
        // A lost feed's last figures are not today's: its lag legend said "current" beside a freshness card saying
        // "overdue 7 d when last heard".
        lagSummary.setText("Freshness lag per tier · 30 days (days overdue, " + (stale.get() ? "when last heard — not current):" : "now):"));
        if (t == null) {
            failuresSummary.setText("Failures per hour · 7 days: no data from the feed yet");
            legend.getChildren().setAll(new Label("no data from the feed yet"));
            failures.bars(new int[0], null, i -> "");
            lag.lines(List.of(), i -> "");
            return;
        }
        int day = t.failuresLast24h();
        int before = t.failuresPrevious24h();
        failuresSummary.setText("Failures per hour · 7 days: " + day + " in the last 24 h ("
                + (day > before ? "up from " : day < before ? "down from " : "as many as ") + before + " the day before)"
                + (stale.get() ? " — when last heard, not current" : ""));
        failures.bars(t.transientFailures(), t.systemicFailures(), i -> hourText(t, i));
        List<double[]> series = new ArrayList<>(t.freshnessLagDays().values());
        lag.lines(series, i -> dayText(t, i));
        legend.getChildren().clear();
        int k = 0;
        for (Map.Entry<String, double[]> e : t.freshnessLagDays().entrySet()) {
            double[] v = e.getValue();
            Label tier = new Label(e.getKey() + " " + days(v[v.length - 1]));
            tier.getStyleClass().add("trend-legend-" + k++);
            tier.setMinWidth(Region.USE_PREF_SIZE);
            legend.getChildren().add(tier);
        }
    }

    private static String hourText(Trends t, int i) {
        Instant h = t.hour(i);
        return Times.absolute(h) + " – " + Times.clock(h.plus(Duration.ofHours(1))) + "\n" + t.transientFailures()[i] + " transient, "
                + t.systemicFailures()[i] + " systemic or unclassified; " + t.executions()[i] + " runs began; "
                + t.queueDepth()[i] + " queued at the hour's end" + (t.failures(i) > 0 ? "\nClick to list only these failures." : "");
    }

    private static String dayText(Trends t, int i) {
        StringBuilder b = new StringBuilder(t.daysFrom().plus(Duration.ofDays(i)).toString().substring(0, 10)).append(", at the day's end (UTC):");
        for (Map.Entry<String, double[]> e : t.freshnessLagDays().entrySet()) {
            b.append("\n").append(e.getKey()).append(": ").append(days(e.getValue()[i]));
        }
        return b.toString();
    }

    private static String days(double d) {
        return d <= 0 ? "current" : String.format(Locale.ROOT, "%.1f d", d);
    }

    BoardTrends trends() {
        return trends;
    }
}
