package org.marketspine.console.ui.readiness;

import static org.junit.jupiter.api.Assertions.*;
import static org.marketspine.console.ui.readiness.ReadinessFixtures.*;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.ui.CommandSender;

/** Certify and block from the grid's view model, on a fake feed: the typed command goes out, the feed's answer comes back by its code. */
class ReadinessCommandsTest {
    static final LocalDate WEEK = LocalDate.parse("2026-11-13");

    @TempDir
    Path dir;

    final List<Command> sent = new ArrayList<>();
    final List<CompletableFuture<Message.CommandResult>> answers = new ArrayList<>();

    final CommandSender feed = new CommandSender() {
        @Override
        public CompletableFuture<Message.CommandResult> command(Command command) {
            sent.add(command);
            CompletableFuture<Message.CommandResult> f = new CompletableFuture<>();
            answers.add(f);
            return f;
        }

        @Override
        public CompletableFuture<Message.Response> request(Message.Request request) {
            return CompletableFuture.failedFuture(new IllegalStateException("not asked here"));
        }

        @Override
        public String nextId(String prefix) {
            return prefix + sent.size();
        }
    };

    @Test
    void certifyingACellSendsCertifyForItsPartitionAndTheRefusalSaysWhyByCode() {
        ReadinessViewModel vm = new ReadinessViewModel(feed, Runnable::run, dir, "feed-test");
        vm.update(snapshot(new ReadinessFixtures().capture("n1", NORMALIZED, "OTC", WEEK, null)
                .readiness(NORMALIZED, "OTC", WEEK, ReadinessStatus.PRELIMINARY, "n1").state(), "feed-A"));
        vm.certify(vm.find(NORMALIZED, "OTC", WEEK), "checks pass");
        assertEquals(List.of(new Command.Certify(NORMALIZED, "OTC", WEEK, "checks pass")), sent);
        answers.getFirst().complete(new Message.CommandResult("certify-0", false,
                new Message.ErrorInfo("critical_anomalies_open", "1 critical anomaly is open on OTC week 2026-11-13"), null));
        assertTrue(vm.feedbackProperty().get().contains("refused by the feed (critical_anomalies_open)"), vm.feedbackProperty().get());

        vm.block(vm.find(NORMALIZED, "OTC", WEEK), "vendor file truncated");
        assertEquals(new Command.Block(NORMALIZED, "OTC", WEEK, "vendor file truncated"), sent.get(1));
        answers.get(1).complete(new Message.CommandResult("block-1", true, null, null));
        assertTrue(vm.feedbackProperty().get().endsWith("accepted."), vm.feedbackProperty().get());
    }
}
