package org.marketspine.console.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.EventSink;
import org.marketspine.console.feed.Redact;
import org.marketspine.console.feed.source.SpineDatabaseSource;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.ui.LaunchOptions;
import picocli.CommandLine;

/** Issue 13 (part): open access only for the demo on loopback; no password or token in what is printed. */
class FeedSecurityTest {
    @TempDir
    Path dir;

    @Test
    void aDatabaseFeedWithoutTokensRefusesToStartEvenOnLoopback() throws Exception {
        Path db = Files.createFile(dir.resolve("spine.db"));
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("feed", "--spine-db", db.toString(), "--bind", "127.0.0.1", "--port", "0",
                "--journal", dir.resolve("j.journal").toString());
        assertNotEquals(0, code);
        assertTrue(err.toString().contains("--tokens is required to serve a spine-core database"), err.toString());
        err.getBuffer().setLength(0);
    }

    /** A half-given or doubly-given TLS identity is refused with one sentence before anything listens. */
    @Test
    void aTlsIdentityGivenByHalvesOrTwiceIsRefused() throws Exception {
        Path pem = Files.createFile(dir.resolve("feed.pem"));
        Path p12 = Files.createFile(dir.resolve("feed.p12"));
        String[][] refused = {
            {"--tls-cert", pem.toString()},
            {"--tls-cert", pem.toString(), "--tls-key", pem.toString(), "--tls-keystore", p12.toString()},
            {"--tls-keystore", p12.toString()},
        };
        String[] said = {"--tls-cert and --tls-key go together", "not both", "--tls-keystore needs --tls-keystore-password-file"};
        for (int i = 0; i < refused.length; i++) {
            StringWriter err = new StringWriter();
            CommandLine cli = new CommandLine(new Main());
            cli.setErr(new PrintWriter(err));
            List<String> args = new java.util.ArrayList<>(List.of("feed", "--demo", "--port", "0", "--journal", dir.resolve("j.journal").toString()));
            args.addAll(List.of(refused[i]));
            assertNotEquals(0, cli.execute(args.toArray(String[]::new)));
            assertTrue(err.toString().contains(said[i]), err.toString());
        }
    }

    /** R14: a driver that echoes the URL it was given ("No suitable driver found for …?password=…") never puts the password on the wire. */
    @Test
    void aFailingDatabaseSaysSoWithoutItsPassword() throws Exception {
        var exec = Executors.newSingleThreadScheduledExecutor();
        List<String> said = new CopyOnWriteArrayList<>();
        CountDownLatch failing = new CountDownLatch(1);
        var logged = new CopyOnWriteArrayList<String>();
        Logger log = Logger.getLogger("org.marketspine.console.feed.source");
        Handler capture = new Handler() {
            public void publish(LogRecord r) { logged.add(String.valueOf(r.getMessage())); }
            public void flush() {}
            public void close() {}
        };
        log.addHandler(capture);
        var source = new SpineDatabaseSource("jdbc:nosuchdriver://db.internal/spine?user=spine&password=hunter2",
                "spine", "hunter2", true, Duration.ofSeconds(5), Clock.systemUTC());
        try {
            source.start(new EventSink() {
                public PlatformState emit(Instant at, EventData d) {
                    throw new AssertionError("nothing to emit");
                }
                public PlatformState emitAll(List<Timed> facts) {
                    throw new AssertionError("nothing to emit");
                }
                public PlatformState state() {
                    return PlatformState.EMPTY;
                }
                public void status(SourceState state, String message, Message.Progress p) {
                    said.add(state + " " + message);
                    if (state == SourceState.FAILING) failing.countDown();
                }
                public ScheduledExecutorService platformThread() {
                    return exec;
                }
            });
            assertTrue(failing.await(20, TimeUnit.SECONDS), "said failing: " + said);
        } finally {
            source.close();
            exec.shutdownNow();
            log.removeHandler(capture);
        }
        assertTrue(said.stream().anyMatch(m -> m.contains("password=***")), said.toString());
        assertTrue(said.stream().noneMatch(m -> m.contains("hunter2")), "status sent to clients: " + said);
        assertTrue(logged.stream().noneMatch(m -> m.contains("hunter2")), "log: " + logged);
    }

    @Test
    void passwordsInJdbcUrlsAreRedacted() {
        assertEquals("jdbc:postgresql://db.internal:5432/spine?user=spine&password=***&ssl=true",
                Redact.jdbcUrl("jdbc:postgresql://db.internal:5432/spine?user=spine&password=s3cr3t&ssl=true"));
        assertEquals("jdbc:sqlserver://h;databaseName=spine;password=***", Redact.jdbcUrl("jdbc:sqlserver://h;databaseName=spine;password=p;w"
                .replace(";w", "")));
        assertEquals("jdbc:mysql://spine:***@db/spine", Redact.jdbcUrl("jdbc:mysql://spine:pa55@db/spine"));
        assertEquals("jdbc:sqlite:/var/lib/spine.db", Redact.jdbcUrl("jdbc:sqlite:/var/lib/spine.db"));
        assertFalse(Redact.jdbcUrl("jdbc:postgresql://h/db?PASSWORD=Abc&sslpassword=Def").matches(".*(Abc|Def).*"));
    }

    @Test
    void launchOptionsNeverPrintTheToken() {
        var o = new LaunchOptions(URI.create("wss://feed:8765/feed"), "tok-very-secret", false, 1, 1, dir);
        assertFalse(o.toString().contains("tok-very-secret"), o.toString());
        assertTrue(o.toString().contains("token=***"));
    }
}
