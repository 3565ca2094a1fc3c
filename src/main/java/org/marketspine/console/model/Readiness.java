package org.marketspine.console.model;

import java.time.Instant;
import org.marketspine.console.protocol.EventData.ReadinessChanged;
import org.marketspine.console.protocol.ReadinessStatus;

/** The latest readiness decision for a partition. */
public record Readiness(ReadinessChanged last, Instant changedAt) {
    public ReadinessStatus status() {
        return last.status();
    }

    public PartitionKey partition() {
        return new PartitionKey(last.dataset(), last.tier(), last.weekEnding());
    }
}
