package org.marketspine.console.ui;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Text widths for views that draw on a canvas, remembered per font and string (a drawn view asks
 * for the same few strings every frame), and text cut with an ellipsis to fit a width.
 */
public final class TextMeasure {
    private final Map<String, Double> widths = new HashMap<>();
    private final Map<String, String> clipped = new HashMap<>();

    private static String key(Font font, String text) {
        return font.getName() + "|" + font.getSize() + "|" + text;
    }

    public double width(String text, Font font) {
        return widths.computeIfAbsent(key(font, text), k -> {
            Text t = new Text(text);
            t.setFont(font);
            return t.getLayoutBounds().getWidth();
        });
    }

    /** The text, or its longest start that fits {@code room} with "…" after it. */
    public String clip(String text, Font font, double room) {
        return clipped.computeIfAbsent(room + "|" + key(font, text), k -> {
            if (width(text, font) <= room) return text;
            int lo = 0;
            int hi = text.length();
            while (lo < hi) {
                int mid = (lo + hi + 1) / 2;
                if (width(text.substring(0, mid) + "…", font) <= room) lo = mid;
                else hi = mid - 1;
            }
            return text.substring(0, lo) + "…";
        });
    }
}
