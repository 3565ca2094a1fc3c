package org.marketspine.console.ui;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * A notice over the workspaces that stays two lines until asked. An offline bundle's banner (its
 * verdict, range, source and, when not trusted, how to trust it) ran to six lines at 1280×720
 * and pushed the board's decisions below the fold; folded, its verdict still comes first, the
 * whole text is one click ("Show all") or a hover away. The folded height ({@code .notice:folded})
 * and the room kept for the link, folded or not ({@code .folding-notice}), live in the stylesheet.
 */
final class FoldedNotice extends StackPane {
    private static final PseudoClass FOLDED = PseudoClass.getPseudoClass("folded");

    private final Label notice;
    private final Hyperlink toggle = new Hyperlink();
    private boolean open;

    /** Holds {@code notice} (a wrapping label), shown while it is. */
    FoldedNotice(Label notice) {
        super(notice);
        this.notice = notice;
        getChildren().add(toggle);
        StackPane.setAlignment(toggle, Pos.BOTTOM_RIGHT);
        toggle.setId(notice.getId() + "-toggle");
        toggle.getStyleClass().add("notice-toggle");
        toggle.setOnAction(e -> {
            open = !open;
            fold();
        });
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(notice.textProperty());
        whole.setWrapText(true);
        // As wide as the banner, wrapped (a tooltip's width does not come from CSS; unbounded it was one 6,000 px line).
        whole.maxWidthProperty().bind(notice.widthProperty());
        notice.setTooltip(whole);
        notice.getStyleClass().add("folding-notice");
        visibleProperty().bind(notice.visibleProperty());
        managedProperty().bind(notice.visibleProperty());
        // Whether the folded text is cut depends on the width it is laid out in: asked after each layout.
        notice.heightProperty().addListener((o, a, b) -> showToggle());
        notice.widthProperty().addListener((o, a, b) -> showToggle());
        notice.textProperty().addListener((o, a, b) -> {
            // A new notice starts folded, whatever was done with the last one.
            open = false;
            fold();
        });
        fold();
    }

    private void fold() {
        notice.pseudoClassStateChanged(FOLDED, !open);
        toggle.setText(open ? "Show less" : "Show all");
        showToggle();
    }

    private void showToggle() {
        double w = notice.getWidth();
        boolean show = open || w > 0 && notice.prefHeight(w) > notice.getHeight() + 0.5;
        toggle.setVisible(show);
    }
}
