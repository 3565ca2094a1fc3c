package org.marketspine.console.ui;

import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * Invisible styled nodes a canvas reads its colours and fonts from: what a drawn view paints
 * with stays in the stylesheet under semantic names. Add {@link #group()} to the drawn view.
 */
public final class StyleProbes {
    private final Group group = new Group();

    public StyleProbes() {
        group.setVisible(false);
        group.setManaged(false);
    }

    public Group group() {
        return group;
    }

    public Label label(String... styleClasses) {
        Label l = new Label("Xy");
        l.getStyleClass().addAll(styleClasses);
        group.getChildren().add(l);
        return l;
    }

    public Region region(String... styleClasses) {
        Region r = new Region();
        r.getStyleClass().addAll(styleClasses);
        group.getChildren().add(r);
        return r;
    }

    /** The first background fill of a probe, transparent when its CSS gives none. */
    public static Paint fill(Region r) {
        Background b = r.getBackground();
        return b == null || b.getFills().isEmpty() ? Color.TRANSPARENT : b.getFills().get(0).getFill();
    }
}
