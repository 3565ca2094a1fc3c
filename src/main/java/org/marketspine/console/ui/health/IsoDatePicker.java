package org.marketspine.console.ui.health;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import javafx.collections.MapChangeListener;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * A date picker that reads and writes ISO 8601 dates (2026-11-13), as every other date in the
 * app. Text that is not a date keeps the previous value and is reported, never silently dropped.
 */
final class IsoDatePicker {
    private IsoDatePicker() {}

    private static final String BAD = "iso-bad-text";

    static DatePicker create(String id) {
        DatePicker p = new DatePicker();
        p.setId(id);
        p.setPromptText("yyyy-mm-dd");
        // A date chosen (calendar pop-up or a valid entry) replaces whatever bad text came before.
        p.valueProperty().addListener((o, a, b) -> p.getProperties().remove(BAD));
        p.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : d.toString();
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    p.getProperties().remove(BAD);
                    return null;
                }
                try {
                    LocalDate d = LocalDate.parse(text.strip());
                    p.getProperties().remove(BAD);
                    return d;
                } catch (DateTimeParseException e) {
                    p.getProperties().put(BAD, text.strip());
                    return p.getValue();
                }
            }
        });
        return p;
    }

    /** "From week: “3/4/2026” is not a date; use yyyy-mm-dd." or "" when the text was a date. */
    static String problem(DatePicker p, String label) {
        Object bad = p.getProperties().get(BAD);
        return bad == null ? "" : label + ": “" + bad + "” is not a date; use yyyy-mm-dd (e.g. 2026-11-13).\n";
    }

    /** Calls {@code r} when the typed text turns out not to be a date (the value itself did not change). */
    static void onProblem(DatePicker p, Runnable r) {
        p.getProperties().addListener((MapChangeListener<Object, Object>) c -> {
            if (BAD.equals(c.getKey())) r.run();
        });
    }
}
