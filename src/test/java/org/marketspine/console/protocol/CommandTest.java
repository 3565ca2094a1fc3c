package org.marketspine.console.protocol;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed commands and their protocol frames: every op survives the wire, and a frame that cannot be carried out is refused by code. */
class CommandTest {
    private static final LocalDate WEEK = LocalDate.of(2026, 10, 16);

    @Test
    void everyCommandSurvivesItsFrameAndTheCodec() throws Exception {
        List<Command> all = List.of(new Command.Retry("ex-1", "transient 503"), new Command.Cancel("ex-2", null),
                new Command.Backfill("finra.otc_transparency.ingest_week", "OTC", WEEK.minusWeeks(2), WEEK, "vendor re-sent"),
                new Command.Certify("finra.otc_transparency.normalized", "OTC", WEEK, "checks pass"),
                new Command.Block("finra.otc_transparency.normalized", "OTC", WEEK, "vendor file truncated"),
                new Command.Acknowledge("an-7", "looking into it"));
        for (Command c : all) {
            Message.Command wire = (Message.Command) Codec.decode(Codec.encode(c.toWire("c1")));
            assertEquals(c.op(), wire.op());
            assertEquals(c, Command.of(wire), c.op());
        }
    }

    @Test
    void aFrameMissingWhatItsOpNeedsIsInvalidParams() {
        var retry = new Message.Command("c1", "retry", null, "why", null, null, null, null, null, null, null, null);
        assertEquals("invalid_params", assertThrows(Command.Malformed.class, () -> Command.of(retry)).code());
        var certify = new Message.Command("c2", "certify", null, null, null, "OTC", null, null, "d", null, null, null);
        assertEquals("invalid_params", assertThrows(Command.Malformed.class, () -> Command.of(certify)).code());
        var ack = new Message.Command("c3", "acknowledge", null, null, null, null, null, null, null, null, " ", null);
        assertEquals("invalid_params", assertThrows(Command.Malformed.class, () -> Command.of(ack)).code());
    }

    @Test
    void anOpTheProtocolDoesNotHaveIsUnsupported() {
        var resolve = new Message.Command("c1", "resolve", null, null, null, null, null, null, null, null, "an-1", null);
        Command.Malformed m = assertThrows(Command.Malformed.class, () -> Command.of(resolve));
        assertEquals("unsupported", m.code());
        assertTrue(m.getMessage().contains("'resolve'"));
    }

    @Test
    void theAuditParamsAreTheFramesOwnFieldsByProtocolName() {
        var params = Command.paramsOf(new Command.Backfill("p", "OTC", WEEK.minusWeeks(1), WEEK, "r").toWire("c1"));
        assertEquals(List.of("pipeline", "tier", "from_week", "to_week", "reason"), List.copyOf(params.keySet()));
        assertEquals("2026-10-09", params.get("from_week"));
    }
}
