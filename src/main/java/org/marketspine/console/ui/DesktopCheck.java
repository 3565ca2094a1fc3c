package org.marketspine.console.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Before a window is opened on Linux: is there a display, and is GTK 3 (which JavaFX opens
 * windows through) installed? Without either, JavaFX prints a stack trace; this says in one line
 * what is missing and what to do instead.
 */
public final class DesktopCheck {
    /** Set when GTK is installed somewhere this check does not look. */
    static final String SKIP = "SPINE_CONSOLE_NO_GTK_CHECK";
    private static final List<String> LIBRARY_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64",
            "/usr/lib", "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/lib64", "/lib", "/usr/local/lib");

    private DesktopCheck() {}

    /** What stops a window from opening here, or null. */
    public static String problem() {
        return problem(System.getProperty("os.name", ""), System.getProperty("glass.platform"), System.getenv(), Files::isRegularFile);
    }

    static String problem(String os, String glassPlatform, Map<String, String> env, Predicate<Path> exists) {
        if (!os.toLowerCase().contains("linux") || glassPlatform != null) return null; // Monocle (headless) needs neither
        if (blank(env.get("DISPLAY")) && blank(env.get("WAYLAND_DISPLAY"))) {
            return "No display to open a window on (DISPLAY is not set): run it in a desktop session or under xvfb-run, "
                    + "or render the board to a file with: spine-console snapshot --out board.png";
        }
        if (!blank(env.get(SKIP))) return null;
        List<String> dirs = new ArrayList<>(LIBRARY_DIRS);
        if (!blank(env.get("LD_LIBRARY_PATH"))) dirs.addAll(0, List.of(env.get("LD_LIBRARY_PATH").split(File.pathSeparator)));
        for (String dir : dirs) {
            if (!dir.isBlank() && exists.test(Path.of(dir, "libgtk-3.so.0"))) return null;
        }
        return "GTK 3 is not installed, and JavaFX needs it to open a window on Linux: sudo apt-get install libgtk-3-0 "
                + "(or set " + SKIP + "=1 if it is installed where this check does not look)";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
