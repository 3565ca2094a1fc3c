package org.marketspine.console.ui.lineage;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.marketspine.console.model.AuditLog;
import org.marketspine.console.ui.Styles;
import org.marketspine.console.ui.Times;

/**
 * The selected audit row in full, under the table: a column can only show so much of the params
 * or the reason, and an auditor quotes them whole. Hidden while no row is selected.
 */
final class AuditRowDetail extends GridPane {
    AuditRowDetail() {
        setId("audit-detail");
        getStyleClass().addAll(Styles.CARD, "audit-detail");
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    void show(AuditLog.Entry e) {
        getChildren().clear();
        setVisible(e != null);
        if (e == null) return;
        List<String> kv = List.of("at", Times.absolute(e.at()), "kind", e.kind(), "id", e.id(), "who", e.who(), "what", e.what(),
                "trigger / role", e.trigger(), "params", e.params(), "outcome", e.outcome(), "reason", e.reason().isEmpty() ? "—" : e.reason());
        for (int i = 0; i + 1 < kv.size(); i += 2) {
            Label k = new Label(kv.get(i));
            k.getStyleClass().add(Styles.MUTED);
            k.setMinWidth(Region.USE_PREF_SIZE);
            Label v = new Label(kv.get(i + 1));
            v.setWrapText(true);
            v.setId("audit-detail-" + kv.get(i).replace(" / ", "-"));
            addRow(i / 2, k, v);
        }
    }
}
