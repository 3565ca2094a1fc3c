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
        code = cli.execute("feed", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/spine?password=hunter2", "--port", "0");
        assertNotEquals(0, code);
        assertFalse(err.toString().contains("hunter2"), "the refusal does not echo the password: " + err);
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
