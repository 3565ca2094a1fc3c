package org.marketspine.console.cli;

import java.nio.file.Path;
import java.util.Locale;

/** Where Spine Console keeps its files: XDG on Linux, the usual places elsewhere. */
final class DataDirs {
    private DataDirs() {}

    static Path data() {
        String override = System.getProperty("spine.console.data", System.getenv("SPINE_CONSOLE_DATA"));
        if (override != null && !override.isBlank()) return Path.of(override);
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("LOCALAPPDATA");
            return Path.of(appData != null ? appData : home, "SpineConsole");
        }
        if (os.contains("mac")) return Path.of(home, "Library", "Application Support", "SpineConsole");
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("spine-console");
    }
}
