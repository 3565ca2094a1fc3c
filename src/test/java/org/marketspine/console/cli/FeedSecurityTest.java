package org.marketspine.console.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.feed.Redact;
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

    /** R14: a driver that echoes the URL it was given ("No suitable driver found for …?password=…") never puts the password on the wire. */
    @Test
    void aFailingDatabaseSaysSoWithoutItsPassword() throws Exception {
        var exec = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        java.util.List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch failing = new java.util.concurrent.CountDownLatch(1);
        var logged = new java.util.concurrent.CopyOnWriteArrayList<String>();
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.marketspine.console.feed.source");
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            public void publish(java.util.logging.LogRecord r) { logged.add(String.valueOf(r.getMessage())); }
            public void flush() {}
            public void close() {}
        };
        log.addHandler(capture);
        var source = new org.marketspine.console.feed.source.SpineDatabaseSource("jdbc:nosuchdriver://db.internal/spine?user=spine&password=hunter2",
                "spine", "hunter2", true, java.time.Duration.ofSeconds(5), java.time.Clock.systemUTC());
        try {
            source.start(new org.marketspine.console.feed.EventSink() {
                public org.marketspine.console.model.PlatformState emit(java.time.Instant at, org.marketspine.console.protocol.EventData d) {
                    throw new AssertionError("nothing to emit");
                }
                public org.marketspine.console.model.PlatformState emitAll(java.util.List<Timed> facts) {
                    throw new AssertionError("nothing to emit");
                }
                public org.marketspine.console.model.PlatformState state() {
                    return org.marketspine.console.model.PlatformState.EMPTY;
                }
                public void status(org.marketspine.console.protocol.SourceState state, String message, org.marketspine.console.protocol.Message.Progress p) {
                    said.add(state + " " + message);
                    if (state == org.marketspine.console.protocol.SourceState.FAILING) failing.countDown();
                }
                public java.util.concurrent.ScheduledExecutorService platformThread() {
                    return exec;
                }
            });
            assertTrue(failing.await(20, java.util.concurrent.TimeUnit.SECONDS), "said failing: " + said);
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
