package org.marketspine.console.protocol;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;

/**
 * One fact in a feed journal. {@code seq} is gap-free per journal; {@code at} is when the fact
 * became true, which may be earlier than its delivery.
 */
@JsonDeserialize(using = EventDeserializer.class)
public record Event(long seq, Instant at, String kind, EventData data) {
    public Event {
        if (seq < 1) throw new IllegalArgumentException("field 'seq' must be >= 1, was " + seq);
        Require.present(at, "at");
        Require.text(kind, "kind");
        Require.present(data, "data");
        String dataKind = data.kind();
        if (!dataKind.equals(kind)) {
            throw new IllegalArgumentException("kind '" + kind + "' does not match data of kind '" + dataKind + "'");
        }
    }

    public static Event of(long seq, Instant at, EventData data) {
        return new Event(seq, at, data.kind(), data);
    }
}
