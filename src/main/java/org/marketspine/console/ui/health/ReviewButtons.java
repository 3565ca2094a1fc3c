package org.marketspine.console.ui.health;

import javafx.scene.control.Button;

/** The buttons an audit bundle under offline review never enables: nothing is sent from a review, nothing in it is marked. */
final class ReviewButtons {
    private ReviewButtons() {}

    /** Disabled for good, saying why in its own text: a disabled button shows no tooltip. */
    static void lock(Button b, String text) {
        b.disableProperty().unbind();
        b.textProperty().unbind();
        b.setDisable(true);
        b.setText(text);
    }
}
