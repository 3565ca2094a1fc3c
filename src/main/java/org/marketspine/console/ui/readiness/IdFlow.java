package org.marketspine.console.ui.readiness;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import org.marketspine.console.ui.Styles;

/**
 * Capture ids and the words around them, wrapped only between the id's parts
 * ({@code dataset:tier:week:hash}): a label wraps a token-free id at any letter, and a text field
 * clips it. Every part keeps its whole width, so nothing is cut or ellipsized.
 */
final class IdFlow extends FlowPane {
    private final StringBuilder text = new StringBuilder();
    private final Tooltip tip = new Tooltip();

    IdFlow() {
        getStyleClass().add("id-flow");
    }

    /** Appends an id, breakable after each ':' only. */
    IdFlow id(String id) {
        if (id == null) return words("—");
        for (String part : parts(id)) add(part, Styles.MONO);
        if (tip.getText().isEmpty()) Tooltip.install(this, tip);
        tip.setText(tip.getText().isEmpty() ? id : tip.getText() + "\n" + id);
        return this;
    }

    /** Appends words (never split: they are short) in the given style classes. */
    IdFlow words(String words, String... styles) {
        add(words, styles);
        return this;
    }

    private void add(String part, String... styles) {
        Label l = new Label(part);
        l.getStyleClass().addAll(styles);
        l.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().add(l);
        text.append(part);
    }

    /** All it shows, as one string. */
    String text() {
        return text.toString();
    }

    /** "a:b:c" → "a:", "b:", "c". */
    static List<String> parts(String id) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = id.indexOf(':'); i >= 0; i = id.indexOf(':', from)) {
            out.add(id.substring(from, i + 1));
            from = i + 1;
        }
        if (from < id.length()) out.add(id.substring(from));
        return out;
    }
}
