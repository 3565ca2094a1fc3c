package org.marketspine.console;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wall-screen recipe: config files owner-only, a start-on-boot entry that restarts the board, bad input refused. */
class WallInstallTest {
    @TempDir
    Path home;

    private Process run(String... args) throws Exception {
        var cmd = new ArrayList<>(List.of("bash", Path.of("packaging/wall/install-wall.sh").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        pb.environment().put("PATH", "/usr/bin:/bin"); // no systemd user session here: the autostart path
        pb.environment().remove("DBUS_SESSION_BUS_ADDRESS");
        Process p = pb.start();
        p.waitFor();
        return p;
    }

    @Test
    void writesOwnerOnlyConfigAndARestartingAutostartEntry() throws Exception {
        Path token = Files.writeString(home.resolve("token.txt"), "s3cret-token\n");
        Process p = run("ws://feed.example:8765/feed", token.toString());
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), out);
        Path config = home.resolve(".config/spine-console");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config.resolve("wall-token"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config.resolve("wall.env"))));
        assertEquals("s3cret-token", Files.readString(config.resolve("wall-token")));
        assertEquals("SPINE_FEED_URL=ws://feed.example:8765/feed\n", Files.readString(config.resolve("wall.env")));
        String entry = Files.readString(home.resolve(".config/autostart/spine-console-wall.desktop"));
        assertTrue(entry.contains("while true; do /opt/spine-console/bin/spine-console --wall"), entry);
        assertTrue(entry.contains("--token-file " + config.resolve("wall-token")), entry);
        assertFalse(entry.contains("s3cret-token"), "the token itself is never in the entry");
        assertFalse(out.contains("s3cret-token"), "the token is never echoed");
    }

    @Test
    void refusesABadFeedUrlOrAMissingToken() throws Exception {
        assertEquals(2, run("http://feed.example/feed", "/nonexistent").exitValue());
        assertEquals(2, run("ws://feed.example:8765/feed", home.resolve("missing").toString()).exitValue());
        assertFalse(Files.exists(home.resolve(".config/spine-console/wall.env")));
    }

    @Test
    void theSystemdUnitRestartsTheBoardAndReadsTheOwnerOnlyFiles() throws Exception {
        String unit = Files.readString(Path.of("packaging/wall/spine-console-wall.service"));
        assertTrue(unit.contains("Restart=always"));
        assertTrue(unit.contains("EnvironmentFile=%h/.config/spine-console/wall.env"));
        assertTrue(unit.contains("--wall --feed ${SPINE_FEED_URL} --token-file %h/.config/spine-console/wall-token"));
        assertTrue(unit.contains("WantedBy=graphical-session.target"));
    }
}
