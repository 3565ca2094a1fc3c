package org.marketspine.console.ui.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import org.marketspine.console.ui.Styles;

/** Paste symbols; see for each which weeks and tiers hold it, and which weeks miss it. */
final class SymbolCheckDialog extends Dialog<Void> {
    SymbolCheckDialog(ReadinessViewModel vm) {
        setTitle("Symbol coverage");
        setHeaderText("Paste symbols (separated by spaces, commas or new lines) to see which weeks hold each.");
        TextArea input = new TextArea();
        input.setId("symbols-input");
        input.setPrefRowCount(4);
        Button check = new Button("Check coverage");
        check.setId("symbols-check");
        ListView<String> results = new ListView<>();
        results.setId("symbols-results");
        results.setPrefHeight(320);
        results.setPlaceholder(new Label("Results appear here."));
        check.setOnAction(e -> {
            List<String> symbols = Arrays.stream(input.getText().split("[\\s,;]+")).filter(x -> !x.isBlank()).distinct().toList();
            if (symbols.isEmpty()) {
                results.getItems().setAll("Paste at least one symbol.");
                return;
            }
            results.getItems().setAll("Asking the feed about " + symbols.size() + " symbols…");
            vm.symbolCoverage(symbols, (r, err) -> {
                if (err != null) results.getItems().setAll("No answer: " + err.getMessage());
                else if (!r.ok()) results.getItems().setAll(r.error().code().equals("unsupported")
                        ? "This feed does not offer symbol coverage." : "Refused: " + r.error().message());
                else results.getItems().setAll(lines(r.data()));
            });
        });
        VBox content = new VBox(10, input, check, results);
        content.setPrefWidth(640);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().getStylesheets().add(Styles.STYLESHEET);
    }

    static List<String> lines(JsonNode data) {
        List<String> out = new ArrayList<>();
        var it = data.path("symbols").fields();
        while (it.hasNext()) {
            var e = it.next();
            var v = e.getValue();
            if (!v.path("known").asBoolean()) {
                out.add(e.getKey() + " — not in any tier's universe");
                continue;
            }
            int present = v.path("present").size();
            List<String> missing = new ArrayList<>();
            v.path("missing").forEach(m -> missing.add(m.path("week_ending").asText()));
            out.add(e.getKey() + " — " + v.path("tier").asText() + ": in " + present + " weeks"
                    + (missing.isEmpty() ? ", missing from none" : ", MISSING from " + missing.size() + ": " + String.join(", ", missing)));
        }
        return out;
    }
}
