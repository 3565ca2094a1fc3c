package org.marketspine.console.feed;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.bench.SyntheticHistory;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.feed.client.FeedClient;
import org.marketspine.console.feed.client.FeedListener;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.model.EventLog;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.StateFold;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.Role;
import org.marketspine.console.testing.Await;
import org.marketspine.console.testing.FeedProcess;

/** R2: the feed server is killed with SIGKILL during a replay and restarted on its journal. */
class KillMidReplayTest {
    @TempDir
    Path dir;

    @Test
    void clientResumesWithNoGapNoDuplicateAndTheSameState() throws Exception {
        int n = 300_000;
        Path file = dir.resolve("r2.journal");
        List<EventSink.Timed> facts = SyntheticHistory.facts(n, 5);
        try (Journal j = Journal.open(file)) {
            for (int i = 0; i < n; i += 50_000) j.appendAll(facts.subList(i, i + 50_000));
        }
        EventLog log = new EventLog(); // throws on any gap or repeat
        int[] reconnects = {0};
        try (FeedProcess first = feed(file, 0);
             FeedClient client = new FeedClient(first.url(), token(file), 0,
                FeedListener.of(log::appendAll, st -> {
                    if (st.phase() == ConnectionState.Phase.RECONNECTING) reconnects[0]++;
                }), Clock.systemUTC()).start()) {
            Await.until("20,000 events replayed", Duration.ofSeconds(60), () -> log.headSeq() >= 20_000);
            assertTrue(log.headSeq() >= 20_000 && log.headSeq() < n, "killed mid-replay at " + log.headSeq());
            first.kill();
            long atKill = log.headSeq();
            // The restarted feed serves where the first one did, as an operator's restart does.
            try (FeedProcess second = feed(file, first.port())) {
                Await.until("live at the head after the restart", Duration.ofSeconds(90), () -> client.state().isLive() && log.headSeq() == n);
                assertEquals(n, log.headSeq(), "resumed after " + atKill + " and reached the head");
                assertTrue(reconnects[0] >= 1);
            }
        }
        List<Event> all = log.events(1, n);
        PlatformState uninterrupted = StateFold.applyAll(PlatformState.EMPTY, rebuild(facts));
        assertEquals(uninterrupted, log.head());
        assertEquals(n, all.size());
    }

    private static List<Event> rebuild(List<EventSink.Timed> facts) {
        ArrayList<Event> out = new ArrayList<>(facts.size());
        for (int i = 0; i < facts.size(); i++) out.add(Event.of(i + 1, facts.get(i).at(), facts.get(i).data()));
        return out;
    }

    /** A replay serves a real platform's history: it needs tokens, even on loopback. */
    private static String token(Path journal) throws IOException {
        Path tokens = journal.resolveSibling("tokens.json");
        Path saved = journal.resolveSibling("auditor.token");
        if (Files.exists(saved)) return Files.readString(saved);
        String t = TokenStore.addToken(tokens, "auditor", Role.AUDITOR);
        Files.writeString(saved, t);
        return t;
    }

    private static FeedProcess feed(Path journal, int port) throws Exception {
        token(journal);
        return FeedProcess.start(List.of("--replay-only", "--journal", journal.toString(), "--tokens",
                journal.resolveSibling("tokens.json").toString()), port, journal.resolveSibling("feed-" + System.nanoTime() + ".out"));
    }
}
