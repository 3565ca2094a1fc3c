package org.marketspine.console.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;

/**
 * Finds text a user cannot read whole: a {@link Labeled} whose drawn text is not its text (cut to
 * "…" or clipped) or a {@link TextField} narrower than its text — unless a tooltip carries the
 * whole string. Only what is showing counts (visible, inside the window).
 */
public final class Truncation {
    private Truncation() {}

    public static List<String> in(Parent root) {
        List<String> out = new ArrayList<>();
        for (Node n : root.lookupAll("*")) {
            if (!showing(n)) continue;
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
                String drawn = drawnText(l);
                if (drawn != null && !drawn.equals(l.getText()) && !tooltipCarries(l, l.getText())) {
                    out.add(describe(l) + " shows \"" + drawn + "\" of \"" + l.getText() + "\"");
                }
            } else if (n instanceof TextField f && f.getText() != null && !f.getText().isEmpty()) {
                Text probe = new Text(f.getText());
                probe.setFont(f.getFont());
                double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
                if (probe.getLayoutBounds().getWidth() > room + 1 && !tooltipCarries(f, f.getText())) {
                    out.add(describe(f) + " is " + Math.round(room) + " px wide for \"" + f.getText() + "\" and has no tooltip with it");
                }
            }
        }
        return out;
    }

    private static String drawnText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && t.getStyleClass().contains("text")) return t.getText(); // the label's own text, not an icon font glyph
        }
        return null; // not laid out yet, or a graphic only
    }

    private static boolean tooltipCarries(Control c, String full) {
        return c.getTooltip() != null && c.getTooltip().getText() != null && c.getTooltip().getText().contains(full);
    }

    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        if (n.getScene() == null) return false;
        var b = n.localToScene(n.getLayoutBounds());
        return b.getWidth() > 0 && b.getMaxX() > 0 && b.getMaxY() > 0 && b.getMinX() < n.getScene().getWidth()
                && b.getMinY() < n.getScene().getHeight();
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId())
                + (n.getStyleClass().isEmpty() ? "" : "." + String.join(".", n.getStyleClass()));
    }
}
