package org.marketspine.console.ui.health;

import javafx.scene.control.Label;
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
        getChildren().addAll(t, value, caption, chart);
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
