package org.marketspine.console.protocol;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IsoInstantTest {
    @Test
    void readsTheWireFormsExactlyAsInstantParseDoes() {
        for (String s : new String[] {"2026-11-23T08:15:00Z", "2026-11-23T08:15:00.5Z", "2026-11-23T08:15:00.123Z",
                "2026-11-23T08:15:00.123456789Z", "1999-12-31T23:59:59Z", "2024-02-29T00:00:00Z"}) {
            assertEquals(Instant.parse(s), IsoInstant.parse(s), s);
        }
    }

    @Test
    void refusesWhatIsNotAUtcInstant() {
        for (String s : new String[] {"2026-02-30T08:15:00Z", "2026-11-23T25:00:00Z", "2026-11-23 08:15:00Z",
                "2026-11-23T08:15:00", "2026-11-23T08:15:00+01:00x", "2026-11-23T08:15:00.1234567890Z", "yesterday", ""}) {
            assertNull(IsoInstant.parse(s), s);
        }
    }

    @Test
    void aBadTimeInAnEventIsABadMessageNamingTheField() {
        DecodeException e = assertThrows(DecodeException.class, () -> Codec.decodeEvent(
                "{\"seq\":1,\"at\":\"2026-02-30T00:00:00Z\",\"kind\":\"execution.cancelled\",\"data\":{\"execution_id\":\"x\",\"by\":\"y\"}}"));
        assertTrue(e.getMessage().contains("'at'"), e.getMessage());
    }
}
