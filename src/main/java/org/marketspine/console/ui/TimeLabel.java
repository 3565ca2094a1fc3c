package org.marketspine.console.ui;

import java.time.Instant;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/** A relative time ("2 h ago") whose tooltip gives the absolute ISO 8601 time with its zone. */
public final class TimeLabel extends Label {
    private final Tooltip tooltip = new Tooltip();
    private Instant time;

    public TimeLabel() {
        getStyleClass().add("time-label");
        tooltip.setShowDelay(Duration.millis(300));
        setTooltip(tooltip);
    }

    public void show(Instant t, Instant now) {
        time = t;
        setText(Times.relative(t, now));
        tooltip.setText(Times.absolute(t));
    }

    public Instant time() {
        return time;
    }
}
