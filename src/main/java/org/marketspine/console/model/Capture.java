package org.marketspine.console.model;

import java.time.Instant;
import org.marketspine.console.protocol.EventData.CaptureRecorded;

/** A capture as recorded, plus what later superseded it (captures are never deleted). */
public record Capture(CaptureRecorded recorded, long seq, Instant recordedAt, String supersededBy,
                      Instant supersededAt) {

    public String captureId() {
        return recorded.captureId();
    }

    public PartitionKey partition() {
        return new PartitionKey(recorded.dataset(), recorded.tier(), recorded.weekEnding());
    }

    public boolean isSuperseded() {
        return supersededBy != null;
    }

    Capture supersededBy(String newer, Instant at) {
        return new Capture(recorded, seq, recordedAt, newer, at);
    }
}
