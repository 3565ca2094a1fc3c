package org.marketspine.console.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
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
        BiFunction<String, String, List<String>> command = commandFor(System.getProperty("os.name", ""), System.getenv(), Files::isExecutable);
        if (command == null) return NONE;
        Logger log = Logger.getLogger(DesktopNotifier.class.getName());
        return (title, text) -> Thread.ofVirtual().name("desktop-notification").start(() -> {
            try {
                Process p = new ProcessBuilder(command.apply(title, text))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                p.waitFor();
            } catch (IOException e) {
                log.log(Level.WARNING, "the desktop notification could not be shown (" + e.getMessage() + "); the board shows it", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** The command that shows a title and text here (the tool found once), or null when this desktop has none. */
    static BiFunction<String, String, List<String>> commandFor(String os, Map<String, String> env, Predicate<Path> executable) {
        String name = os.toLowerCase();
        if (name.contains("mac")) {
            return (title, text) -> List.of("osascript", "-e", "display notification " + appleString(text) + " with title " + appleString(title));
        }
        if (!name.contains("linux")) return null;
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            String tool = Path.of(dir, "notify-send").toString();
            if (executable.test(Path.of(tool))) {
                return (title, text) -> List.of(tool, "--app-name=Spine Console", "--urgency=critical", title, text);
            }
        }
        return null;
    }

    /** An AppleScript string literal: quotes and backslashes escaped, so a failure's text cannot become script. */
    private static String appleString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
