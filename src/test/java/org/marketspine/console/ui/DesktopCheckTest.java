package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Linux desktop without a display or without GTK gets one sentence, not JavaFX's stack trace. */
class DesktopCheckTest {
    private static final Path GTK = Path.of("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0");

    @Test
    void noDisplayIsSaidWithWhatToDoInstead() {
        String p = DesktopCheck.problem("Linux", null, Map.of(), GTK::equals);
        assertTrue(p.startsWith("No display") && p.contains("snapshot"), p);
        assertNull(DesktopCheck.problem("Linux", null, Map.of("WAYLAND_DISPLAY", "wayland-0"), GTK::equals));
    }

    @Test
    void missingGtkIsSaidWithThePackageToInstall() {
        String p = DesktopCheck.problem("Linux", null, Map.of("DISPLAY", ":0"), path -> false);
        assertTrue(p.contains("libgtk-3-0"), p);
        assertNull(DesktopCheck.problem("Linux", null, Map.of("DISPLAY", ":0"), GTK::equals));
        assertNull(DesktopCheck.problem("Linux", null, Map.of("DISPLAY", ":0", "LD_LIBRARY_PATH", "/opt/gtk/lib"),
                Path.of("/opt/gtk/lib/libgtk-3.so.0")::equals), "found on LD_LIBRARY_PATH");
        assertNull(DesktopCheck.problem("Linux", null, Map.of("DISPLAY", ":0", "SPINE_CONSOLE_NO_GTK_CHECK", "1"), path -> false));
    }

    @Test
    void otherSystemsAndHeadlessMonocleAreNotChecked() {
        assertNull(DesktopCheck.problem("Windows 11", null, Map.of(), path -> false));
        assertNull(DesktopCheck.problem("Linux", "Monocle", Map.of(), path -> false));
    }
}
