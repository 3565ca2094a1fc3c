package org.marketspine.console.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The operating system's own notification (outside the window): {@code notify-send} on a Linux
 * desktop, Notification Center on macOS; nothing where the desktop offers none (or headless).
 * Sent on a thread of its own: a notification never holds up the board.
 */
public interface DesktopNotifier {
    void notify(String title, String text);

    DesktopNotifier NONE = (title, text) -> { };

    /** This desktop's notifier, or {@link #NONE}. */
    static DesktopNotifier forThisDesktop() {
        if (System.getProperty("glass.platform") != null) return NONE; // Monocle: headless, nobody to tell
        List<String> probe = command(System.getProperty("os.name", ""), System.getenv(), Files::isExecutable, "t", "t");
        if (probe == null) return NONE;
        Logger log = Logger.getLogger(DesktopNotifier.class.getName());
        String os = System.getProperty("os.name", "");
        Map<String, String> env = System.getenv();
        return (title, text) -> Thread.ofVirtual().name("desktop-notification").start(() -> {
            try {
                Process p = new ProcessBuilder(command(os, env, Files::isExecutable, title, text))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                p.waitFor();
            } catch (IOException e) {
                log.log(Level.WARNING, "the desktop notification could not be shown (" + e.getMessage() + "); the board shows it", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** The command that shows {@code title}/{@code text} here, or null when this desktop has none. */
    static List<String> command(String os, Map<String, String> env, Predicate<Path> executable, String title, String text) {
        String name = os.toLowerCase();
        if (name.contains("mac")) {
            return List.of("osascript", "-e", "display notification " + appleString(text) + " with title " + appleString(title));
        }
        if (!name.contains("linux")) return null;
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path tool = Path.of(dir, "notify-send");
            if (executable.test(tool)) return List.of(tool.toString(), "--app-name=Spine Console", "--urgency=critical", title, text);
        }
        return null;
    }

    /** An AppleScript string literal: quotes and backslashes escaped, so a failure's text cannot become script. */
    private static String appleString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
