package org.marketspine.console.ui;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * A once-a-second refresh that runs only while its node is in a showing window. A playing
 * timeline is held by the FX pulse: left running after its window closed, it would keep the
 * window's whole view (and its event log) alive for as long as the app runs.
 */
public final class SecondTick {
    private SecondTick() {}

    /** Calls {@code refresh} every second while {@code node} is showing; stops when its window is hidden. */
    public static Timeline whileShowing(Node node, Runnable refresh) {
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh.run()));
        tick.setCycleCount(Timeline.INDEFINITE);
        ObservableValue<Boolean> showing = node.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty)
                .orElse(false);
        showing.subscribe(on -> {
            if (on) tick.play();
            else tick.stop();
        });
        return tick;
    }
}
