package org.marketspine.console.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketspine.console.cli.BundleCliTest.Run;

/** {@code feed token add / list / revoke}, as an operator types them. */
class FeedTokenCliTest {
    @TempDir
    Path dir;

    @Test
    void aTokenIsPrintedOnceListedByItsHashAndRevokedByItsUser() throws Exception {
        String tokens = dir.resolve("tokens.json").toString();
        Run added = BundleCliTest.run("feed", "token", "add", "--tokens", tokens, "--user", "ann", "--role", "analyst", "--expires", "2d");
        assertEquals(0, added.code(), added.err());
        String token = added.out().strip();
        assertFalse(token.isEmpty(), "the token, on standard output, once");
        assertTrue(added.err().contains("token for ann (analyst) added") && added.err().contains("valid until"), added.err());
        assertFalse(added.err().contains(token), "never on standard error");
        assertFalse(Files.readString(Path.of(tokens)).contains(token), "the file keeps only its hash");

        Run listed = BundleCliTest.run("feed", "token", "list", "--tokens", tokens);
        assertEquals(0, listed.code(), listed.err());
        assertTrue(listed.out().lines().anyMatch(l -> l.startsWith("ann ") && l.contains("analyst")), listed.out());
        assertFalse(listed.out().contains(token), "a list never shows a token");

        Run revoked = BundleCliTest.run("feed", "token", "revoke", "--tokens", tokens, "--user", "ann");
        assertEquals(0, revoked.code(), revoked.err());
        assertTrue(revoked.err().contains("revoked 1 token(s) of ann"), revoked.err());
        Run again = BundleCliTest.run("feed", "token", "revoke", "--tokens", tokens, "--user", "ann");
        assertEquals(1, again.code(), "nothing left to revoke is an error the script sees");
        assertTrue(again.err().contains("no token of ann"), again.err());
        Run noUser = BundleCliTest.run("feed", "token", "add", "--tokens", tokens, "--role", "analyst");
        assertEquals(2, noUser.code());
        assertTrue(noUser.err().contains("--user"), noUser.err());
    }
}
