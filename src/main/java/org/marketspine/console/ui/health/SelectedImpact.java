package org.marketspine.console.ui.health;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.FailureImpact;
import org.marketspine.console.model.PlatformState;

/** What the selected failure holds up downstream (issue 18), as the failure detail shows it. */
public final class SelectedImpact {
    static final int SHOWN = 3;

    /** The first few held-up partitions and the escalation advice ("" when nothing, or resolved). */
    private final ReadOnlyStringWrapper line = new ReadOnlyStringWrapper("");
    /** Every held-up partition, one a line. */
    private final ReadOnlyStringWrapper all = new ReadOnlyStringWrapper("");
    private String node;

    /** For a failure; {@code resolved}: it has been made good since, and holds up nothing. */
    void show(PlatformState s, Execution failed, boolean resolved) {
        List<FailureImpact.Held> held = resolved || failed.error() == null ? List.of() : FailureImpact.of(s, failed);
        line.set(held.isEmpty() ? "" : FailureImpact.line(held, SHOWN) + "\n" + FailureImpact.escalation(held));
        all.set(String.join("\n", held.stream().map(FailureImpact.Held::describe).toList()));
        node = held.isEmpty() ? null : held.stream().map(h -> s.currentCaptures().get(h.partition()))
                .filter(Objects::nonNull).findFirst().orElse(failed.executionId());
    }

    void clear() {
        line.set("");
        all.set("");
        node = null;
    }

    /** What "Show in lineage" finds: the first held-up partition's capture, else the failed run itself; null with no impact. */
    public String node() {
        return node;
    }

    public ReadOnlyStringProperty lineProperty() { return line.getReadOnlyProperty(); }
    public ReadOnlyStringProperty allProperty() { return all.getReadOnlyProperty(); }
}
