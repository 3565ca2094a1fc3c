package org.marketspine.console.feed.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.cli.Main;
import org.marketspine.console.feed.EventSink.Timed;
import org.marketspine.console.protocol.Role;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.FeedChain;
import picocli.CommandLine;

/**
 * Two feed servers' journals over one PostgreSQL database (in-process): one seq, one chain, one
 * feed id and key; each reads what the other wrote, identically. Skipped without PostgreSQL.
 */
class SharedJournalTest {
    private SharedJournals pg;

    @BeforeEach
    void database() throws Exception {
        pg = SharedJournals.create();
    }

    @AfterEach
    void drop() throws Exception {
        if (pg != null) pg.close();
    }

    private Journal open() {
        return pg.open();
    }

    static EventData fact(int i) {
        return new EventData.CommandRecorded("cmd-" + i, "retry", "op" + i, Role.OPERATOR, java.util.Map.of(), 
                org.marketspine.console.protocol.Outcome.ACCEPTED, "reason " + i);
    }

    @Test
    void bothServersShareOneFeedIdentityAndReadWhatTheOtherWroteIdentically() throws Exception {
        Journal a = open();
        Journal b = open();
        assertEquals(a.feedId(), b.feedId(), "one journal, one feed id: a client resumes on either");
        assertEquals(a.feedKey(), b.feedKey(), "one feed key: a checkpoint from either verifies the same way");
        assertTrue(a.isShared());

        a.appendAll(List.of(new Timed(Instant.parse("2026-12-07T08:00:00Z"), fact(1)), new Timed(Instant.parse("2026-12-07T08:00:01Z"), fact(2))));
        b.append(Instant.parse("2026-12-07T08:00:02Z"), fact(3)); // b catches up under the lock before it writes
        a.catchUp();

        assertEquals(3, a.headSeq());
        assertEquals(3, b.headSeq());
        assertEquals(a.readItems(0, 100, Integer.MAX_VALUE), b.readItems(0, 100, Integer.MAX_VALUE), "the same items, byte for byte");
        for (long seq = 1; seq <= 3; seq++) assertEquals(a.chainAt(seq), b.chainAt(seq), "the same chain at seq " + seq);
        assertEquals(FeedChain.next(a.chainAt(2), b.readItems(2, 1, Integer.MAX_VALUE).get(0)), b.chainAt(3),
                "b's row continues a's chain");
        assertEquals(a.state().seq(), b.state().seq());
        assertTrue(FeedChain.verify(a.feedKey(), b.checkpoint(3, Instant.parse("2026-12-07T08:01:00Z"))),
                "b signs with the shared key");
    }

    @Test
    void writesFromBothServersAtOnceGetOneGapFreeSequence() throws Exception {
        Journal a = open();
        Journal b = open();
        List<Event> toldB = new CopyOnWriteArrayList<>();
        b.onWrittenElsewhere(toldB::addAll);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (Journal j : List.of(a, b)) {
                writes.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) j.append(Instant.parse("2026-12-07T08:00:00Z"), fact(i));
                }));
            }
            for (Future<?> f : writes) f.get();
        } finally {
            pool.shutdown();
        }
        a.catchUp();
        b.catchUp();
        assertEquals(100, a.headSeq());
        assertEquals(100, b.headSeq());
        List<String> items = a.readItems(0, 1000, Integer.MAX_VALUE);
        assertEquals(100, items.size());
        String chain = FeedChain.GENESIS;
        for (int i = 0; i < items.size(); i++) {
            assertEquals(i + 1, Codec.decodeEvent(items.get(i)).seq(), "seq " + (i + 1) + " in its place");
            chain = FeedChain.next(chain, items.get(i));
            assertEquals(chain, b.chainAt(i + 1), "one chain through both servers' writes at seq " + (i + 1));
        }
        assertEquals(50, toldB.size(), "b hears of exactly the 50 events a wrote, not its own");
        assertFalse(toldB.stream().anyMatch(e -> e.seq() > 100));
    }

    @Test
    void feedKeyShowReadsTheSharedKeyFromTheJournalDatabaseAndPrintsOnlyItsPublicHalf(@TempDir Path dir) throws Exception {
        Journal a = open();
        Path login = dir.resolve("journal.properties");
        String user = pg.user;
        String password = pg.password;
        Files.writeString(login, (user == null ? "" : "user=" + user + "\n") + (password == null ? "" : "password=" + password + "\n"));
        Files.setPosixFilePermissions(login, PosixFilePermissions.fromString("rw-------"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream was = System.out;
        int code;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            code = new CommandLine(new Main()).execute("feed", "key", "show", "--journal-url", pg.url, "--journal-credentials", login.toString());
        } finally {
            System.setOut(was);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.contains(a.feedKey().fingerprint()), out);
        assertFalse(out.contains("PRIVATE"), "never the private half");
        if (password != null && !password.isEmpty()) assertFalse(out.contains(password), "never the database password");
    }

    @Test
    void onlyOneServerLeadsAndTheOtherTakesOverWhenTheLeaderGoes() throws Exception {
        Journal a = open();
        Journal b = open();
        assertTrue(a.tryLead());
        assertFalse(b.tryLead(), "one leader at a time");
        assertTrue(a.stillLeading());
        assertTrue(b.someoneLeads());
        pg.close(a);
        // The database ends the leader's session a moment after the client closed it.
        assertTrue(SharedJournals.within(() -> b.tryLead()), "the leader's lock went with its connection");
    }

    @Test
    void aServerWhoseLeaderSessionEndedCannotWriteItsSourceFactsBesideTheNewLeader() throws Exception {
        Journal a = open();
        Journal b = open();
        assertTrue(a.tryLead());
        a.appendAsLeader(List.of(new Timed(Instant.parse("2026-12-07T08:00:00Z"), fact(1))));
        // The leader's database session is ended behind its back (a network cut, a killed backend).
        pg.endLeaderSession();
        assertTrue(SharedJournals.within(() -> b.tryLead()), "the other server takes the leadership");
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> a.appendAsLeader(List.of(new Timed(Instant.parse("2026-12-07T08:00:01Z"), fact(2)))));
        assertTrue(refused.getMessage().contains("no longer leads"), refused.getMessage());
        b.appendAsLeader(List.of(new Timed(Instant.parse("2026-12-07T08:00:02Z"), fact(3))));
        a.append(Instant.parse("2026-12-07T08:00:03Z"), fact(4)); // a command: any server may write it
        b.catchUp();
        assertEquals(3, b.headSeq(), "the refused write stored nothing: 1 (a as leader), 3 (b as leader), 4 (a command)");
        assertFalse(a.stillLeading());
    }

}
