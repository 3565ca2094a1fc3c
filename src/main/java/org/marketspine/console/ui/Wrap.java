package org.marketspine.console.ui;

import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;

/**
 * Text a persona decides from is never cut to "…": it wraps onto more lines instead. A wrapping
 * label must also be allowed its wrapped height (min height = pref height) and to be narrower than
 * its one-line width (min width 0), or layouts shrink it and JavaFX truncates after all.
 */
public final class Wrap {
    private Wrap() {}

    public static <T extends Labeled> T decision(T label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMinWidth(0);
        return label;
    }

    public static void decisions(Labeled... labels) {
        for (Labeled l : labels) decision(l);
    }
}
