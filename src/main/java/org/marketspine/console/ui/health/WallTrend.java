package org.marketspine.console.ui.health;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One trend on the wall, sized for five metres: a title and a figure in large type, a caption, the chart. */
final class WallTrend extends VBox {
    private final Label value = new Label("—");
    private final Label caption = new Label();
    final TrendChart chart;

    WallTrend(String title, String id, String chartStyle) {
        Label t = new Label(title);
        t.getStyleClass().add("wall-trend-title");
        value.getStyleClass().add("wall-trend-value");
        value.setId(id + "-value");
        caption.getStyleClass().add("wall-trend-caption");
        caption.setWrapText(true);
        chart = new TrendChart(chartStyle);
        chart.setMinHeight(0);
        chart.setPrefHeight(90);
        VBox.setVgrow(chart, Priority.ALWAYS);
        // Title and figure on one line: the chart keeps the height the wall has left.
        HBox head = new HBox(24, t, value);
        head.setAlignment(Pos.BASELINE_LEFT);
        getChildren().addAll(head, caption, chart);
        getStyleClass().add("wall-trend");
        setId(id);
        setMinHeight(0);
        setPrefWidth(0);
        setMaxWidth(Double.MAX_VALUE);
    }

    void show(String figure, String meaning) {
        value.setText(figure);
        caption.setText(meaning);
    }
}
