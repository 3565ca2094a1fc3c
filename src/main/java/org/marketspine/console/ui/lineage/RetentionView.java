package org.marketspine.console.ui.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.marketspine.console.model.Fact;
import org.marketspine.console.model.PartitionKey;
import org.marketspine.console.model.RetentionReport;
import org.marketspine.console.protocol.EventData.RetentionPurged;
import org.marketspine.console.ui.Styles;
import org.marketspine.console.ui.Times;

/** Per source: license, permitted uses, retention; partitions held past it; every purge with who and why. */
final class RetentionView extends VBox {
    private final FlowPane sources = new FlowPane(12, 12);
    /** The one finding of this view, above the cards: at 1280×720 the cards get a few lines, and this must not scroll away. */
    private final Label finding = new Label();
    private final TableView<Fact<RetentionPurged>> purges = new TableView<>();

    RetentionView(LineageViewModel vm) {
        getStyleClass().add("retention-view");
        sources.setId("retention-sources");
        purges.setId("retention-purges");
        purges.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        purges.getColumns().addAll(List.of(
                column("Purged at", f -> Times.absolute(f.at())), column("Dataset", f -> f.data().dataset()),
                column("Tier", f -> f.data().tier()), column("Week ending", f -> f.data().weekEnding().toString(), 112),
                column("By", f -> f.data().by()), column("Why", f -> f.data().reason())));
        Label none = new Label("No purge recorded at the instant shown.");
        none.getStyleClass().add("empty-state");
        purges.setPlaceholder(none);
        Label purgesTitle = new Label("Purges (soft deletes), newest first");
        purgesTitle.getStyleClass().add(Styles.CARD_TITLE);
        VBox.setVgrow(purges, Priority.ALWAYS);
        ScrollPane top = new ScrollPane(sources);
        top.setFitToWidth(true);
        top.setPrefViewportHeight(250);
        finding.setId("retention-finding");
        finding.setWrapText(true);
        getChildren().addAll(finding, top, purgesTitle, purges);
        vm.retentionProperty().addListener((o, a, r) -> render(r));
        render(vm.retentionProperty().get());
    }

    /** A column at least {@code minWidth} wide: its header read whole. */
    private static TableColumn<Fact<RetentionPurged>, String> column(String title, Function<Fact<RetentionPurged>, String> f, double minWidth) {
        TableColumn<Fact<RetentionPurged>, String> c = column(title, f);
        c.setMinWidth(minWidth);
        return c;
    }

    private static TableColumn<Fact<RetentionPurged>, String> column(String title, Function<Fact<RetentionPurged>, String> f) {
        TableColumn<Fact<RetentionPurged>, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(f.apply(r.getValue())));
        c.setCellFactory(col -> new WholeTextCell<>());
        return c;
    }

    /** "⚠ 2 partitions held PAST RETENTION: …" or "✓ nothing held past retention", over every source. */
    private void summarize(RetentionReport r) {
        List<String> past = new ArrayList<>();
        for (RetentionReport.Source s : r.sources()) {
            for (PartitionKey k : s.pastRetention()) past.add(k.tier() + " " + k.weekEnding() + " (" + s.declared().source() + ")");
        }
        Styles.switchClass(finding, past.isEmpty() ? null : "past-retention", "past-retention");
        finding.setText(past.isEmpty() ? "✓ Nothing held past retention in " + r.sources().size() + " declared source(s)."
                : "⚠ " + past.size() + " partition(s) held PAST RETENTION: " + String.join(", ", past.subList(0, Math.min(4, past.size())))
                        + (past.size() > 4 ? " and " + (past.size() - 4) + " more" : "") + " — see the source cards below.");
    }

    private void render(RetentionReport r) {
        sources.getChildren().clear();
        finding.setText("");
        if (r == null || r.sources().isEmpty()) {
            Label none = new Label("No source declared by the feed at the instant shown.");
            none.getStyleClass().add("empty-state");
            sources.getChildren().add(none);
            purges.getItems().clear();
            return;
        }
        for (RetentionReport.Source s : r.sources()) {
            Label name = new Label(s.declared().source());
            name.getStyleClass().add(Styles.CARD_TITLE);
            Label provider = new Label("provider " + s.declared().provider());
            Label license = new Label("license: " + s.declared().license());
            license.setWrapText(true);
            Label uses = new Label("permitted uses: " + String.join(", ", s.declared().permittedUses()));
            uses.setWrapText(true);
            Label retention = new Label("retention " + s.declared().retentionDays() + " days · cutoff " + s.cutoff()
                    + " · " + s.partitionsHeld() + " partitions held");
            retention.getStyleClass().add(Styles.MUTED);
            VBox card = new VBox(name, provider, license, uses, retention);
            card.getStyleClass().add("source-card");
            card.setId("source-" + s.declared().source());
            card.setPrefWidth(420);
            if (s.pastRetention().isEmpty()) {
                card.getChildren().add(new Label("✓ nothing held past retention"));
            } else {
                Label past = new Label("⚠ " + s.pastRetention().size() + " partition(s) held PAST RETENTION:");
                past.getStyleClass().add("past-retention");
                card.getChildren().add(past);
                for (PartitionKey k : s.pastRetention().subList(0, Math.min(6, s.pastRetention().size()))) {
                    card.getChildren().add(new Label("   " + k.tier() + " · week ending " + k.weekEnding()));
                }
                if (s.pastRetention().size() > 6) card.getChildren().add(new Label("   … and " + (s.pastRetention().size() - 6) + " more"));
            }
            sources.getChildren().add(card);
        }
        purges.getItems().setAll(r.purges());
        summarize(r);
    }
}
