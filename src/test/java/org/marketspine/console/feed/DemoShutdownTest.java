package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.DemoPlatform;
import org.marketspine.console.model.Execution;
import org.marketspine.console.model.ExecutionStatus;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.testing.ThreadLeakCheck;

/** Issue 12 item 7: a clean shutdown of the embedded demo finishes its runs; it does not fail them at the next start. */
@ExtendWith(ThreadLeakCheck.class)
class DemoShutdownTest {
    @TempDir
    Path dir;

    private FeedServer start(Journal journal, DemoPlatform demo) throws Exception {
        FeedServer server = new FeedServer(journal, demo, TokenStore.openAccess(), new InetSocketAddress("127.0.0.1", 0),
                Clock.systemUTC()).start();
        assertTrue(server.awaitSource(SourceState.CURRENT, Duration.ofSeconds(60)), "demo current");
        return server;
    }

    @Test
    void aCleanRestartLosesNoRunToWorkerLost() throws Exception {
        Path file = dir.resolve("demo.journal");
        String retried;
        try (Journal journal = Journal.open(file)) {
            DemoPlatform demo = new DemoPlatform(7, 1, Clock.systemUTC());
            FeedServer server = start(journal, demo);
            // Queue a run the way an operator's retry would: the demo carries it out on its own platform thread.
            Execution failed = journal.state().failuresNewestFirst().getFirst();
            retried = server.sink().platformThread().submit(() -> {
                var effect = demo.perform(new Command.Retry(failed.executionId(), "test"), "alice", journal.state());
                server.sink().emitAll(effect.events().stream().map(e -> new EventSink.Timed(Instant.now(), e)).toList());
                return effect.data().path("execution_ids").get(0).asText();
            }).get();
            assertTrue(journal.state().execution(retried).status().isActive(), "the retry is in flight at shutdown");
            server.close();
            assertEquals(ExecutionStatus.SUCCEEDED, journal.state().execution(retried).status(), "a clean shutdown finishes it");
        }
        try (Journal journal = Journal.open(file)) {
            FeedServer again = start(journal, new DemoPlatform(7, 1, Clock.systemUTC()));
            try {
                List<Execution> lost = journal.state().executions().values().stream()
                        .filter(x -> x.error() != null && x.error().type().equals("WorkerLost")).toList();
                assertEquals(List.of(), lost, "no run failed by the restart itself");
                assertEquals(ExecutionStatus.SUCCEEDED, journal.state().execution(retried).status());
            } finally {
                again.close();
            }
        }
    }
}
