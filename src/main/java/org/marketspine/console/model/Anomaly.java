package org.marketspine.console.model;

import java.time.Instant;
import org.marketspine.console.protocol.EventData.AnomalyDetected;
import org.marketspine.console.protocol.Severity;

/** An anomaly with its acknowledgement and resolution, if any. */
public record Anomaly(AnomalyDetected detected, Instant detectedAt, String acknowledgedBy, Instant acknowledgedAt,
                      String acknowledgeNote, String resolvedBy, Instant resolvedAt, String resolveNote) {

    public String anomalyId() {
        return detected.anomalyId();
    }

    public Severity severity() {
        return detected.severity();
    }

    /** Open until resolved; acknowledging it does not close it. */
    public boolean isOpen() {
        return resolvedAt == null;
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    public PartitionKey partition() {
        return new PartitionKey(detected.dataset(), detected.tier(), detected.weekEnding());
    }

    Anomaly acknowledged(String by, Instant at, String note) {
        return new Anomaly(detected, detectedAt, by, at, note, resolvedBy, resolvedAt, resolveNote);
    }

    Anomaly resolved(String by, Instant at, String note) {
        return new Anomaly(detected, detectedAt, acknowledgedBy, acknowledgedAt, acknowledgeNote, by, at, note);
    }
}
