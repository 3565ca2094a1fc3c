package org.marketspine.console.ui.lineage;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import org.marketspine.console.model.LineageAt.Tone;
import org.marketspine.console.ui.StyleProbes;

/** The lineage canvas's colours and fonts, read from spine.css (`.lineage-*`). */
final class LineagePalette {
    private final StyleProbes probes = new StyleProbes();
    private final Map<Tone, Region> tones = new EnumMap<>(Tone.class);
    private final Region background = probes.region("lineage-background");
    private final Region node = probes.region("lineage-node");
    private final Region border = probes.region("lineage-node-border");
    private final Region selected = probes.region("lineage-selected");
    private final Region edge = probes.region("lineage-edge");
    private final Region edgeFocus = probes.region("lineage-edge-focus");
    private final Label title = probes.label("lineage-title");
    private final Label subtitle = probes.label("lineage-subtitle");
    private final Label badge = probes.label("lineage-badge");

    LineagePalette() {
        for (Tone t : Tone.values()) tones.put(t, probes.region("lineage-tone-" + t.name().toLowerCase()));
    }

    Group group() {
        return probes.group();
    }

    Paint tone(Tone t) { return StyleProbes.fill(tones.get(t)); }
    Paint background() { return StyleProbes.fill(background); }
    Paint node() { return StyleProbes.fill(node); }
    Paint border() { return StyleProbes.fill(border); }
    Paint selected() { return StyleProbes.fill(selected); }
    Paint edge() { return StyleProbes.fill(edge); }
    Paint edgeFocus() { return StyleProbes.fill(edgeFocus); }
    Font titleFont() { return title.getFont(); }
    Paint titleText() { return title.getTextFill(); }
    Font subtitleFont() { return subtitle.getFont(); }
    Paint subtitleText() { return subtitle.getTextFill(); }
    Font badgeFont() { return badge.getFont(); }
}
