package org.marketspine.console.ui.readiness;

import static org.junit.jupiter.api.Assertions.*;
import static org.marketspine.console.ui.readiness.ReadinessFixtures.*;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.testing.FakeFeed;

/** Certify and block from the grid's view model, on a fake feed: the typed command goes out, the feed's answer comes back by its code. */
class ReadinessCommandsTest {
    static final LocalDate WEEK = LocalDate.parse("2026-11-13");

    @TempDir
    Path dir;

    final FakeFeed feed = new FakeFeed();

    @Test
    void certifyingACellSendsCertifyForItsPartitionAndTheRefusalSaysWhyByCode() {
        ReadinessViewModel vm = new ReadinessViewModel(feed, Runnable::run, dir, "feed-test");
        vm.update(snapshot(new ReadinessFixtures().capture("n1", NORMALIZED, "OTC", WEEK, null)
                .readiness(NORMALIZED, "OTC", WEEK, ReadinessStatus.PRELIMINARY, "n1").state(), "feed-A"));
        vm.certify(vm.find(NORMALIZED, "OTC", WEEK), "checks pass");
        assertEquals(List.of(new Command.Certify(NORMALIZED, "OTC", WEEK, "checks pass")), feed.sent);
        feed.answers.getFirst().complete(new Message.CommandResult("certify-0", false,
                new Message.ErrorInfo("critical_anomalies_open", "1 critical anomaly is open on OTC week 2026-11-13"), null));
        assertTrue(vm.feedbackProperty().get().contains("refused by the feed (critical_anomalies_open)"), vm.feedbackProperty().get());

        vm.block(vm.find(NORMALIZED, "OTC", WEEK), "vendor file truncated");
        assertEquals(new Command.Block(NORMALIZED, "OTC", WEEK, "vendor file truncated"), feed.sent.get(1));
        feed.answers.get(1).complete(new Message.CommandResult("block-1", true, null, null));
        assertTrue(vm.feedbackProperty().get().endsWith("accepted."), vm.feedbackProperty().get());
    }
}
