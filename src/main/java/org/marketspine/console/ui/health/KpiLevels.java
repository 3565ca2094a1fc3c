package org.marketspine.console.ui.health;

import static org.marketspine.console.model.HealthLevel.GREEN;
import static org.marketspine.console.model.HealthLevel.RED;
import static org.marketspine.console.model.HealthLevel.YELLOW;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.marketspine.console.model.HealthLevel;

/**
 * How alarming each of the board's three figures is: one rule for the workstation's KPI cards and
 * the wall's tiles, so that neither reads milder than the other (or than the banner above them).
 */
public final class KpiLevels {
    private final ReadOnlyObjectWrapper<HealthLevel> running = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HealthLevel> failures = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HealthLevel> anomalies = new ReadOnlyObjectWrapper<>();

    /**
     * @param openMediumOrWorse open anomalies of medium severity or worse (what the figure counts)
     * @param criticalOpen a critical anomaly is open: red whatever the count, like the banner
     */
    void update(int runningNow, int unresolvedFailures, int openMediumOrWorse, boolean criticalOpen) {
        running.set(runningNow > 0 ? YELLOW : null); // a run is a reason for care, not a fault: never green, never red
        failures.set(unresolvedFailures > 2 ? RED : unresolvedFailures > 0 ? YELLOW : GREEN);
        anomalies.set(criticalOpen ? RED : openMediumOrWorse > 0 ? YELLOW : GREEN);
    }

    /** Yellow while anything runs ("deploy with care"), otherwise none. */
    public ReadOnlyObjectProperty<HealthLevel> runningProperty() { return running.getReadOnlyProperty(); }
    /** Unresolved failures of the last 24 h: green at none, yellow at one or two, red from three. */
    public ReadOnlyObjectProperty<HealthLevel> failuresProperty() { return failures.getReadOnlyProperty(); }
    /** Open anomalies (medium+): green at none, yellow with some, red while a critical one is open. */
    public ReadOnlyObjectProperty<HealthLevel> anomaliesProperty() { return anomalies.getReadOnlyProperty(); }
}
