package org.marketspine.console.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.marketspine.console.protocol.SigningKeys;

/**
 * Where this user's exporter key and trust list live: the config directory (XDG, Application
 * Support or APPDATA; {@code spine.console.config} / {@code SPINE_CONSOLE_CONFIG} override it).
 * The exporter key is made on first use, readable by the owner only.
 */
public final class BundleKeys {
    private BundleKeys() {}

    public static Path configDir() {
        String override = System.getProperty("spine.console.config", System.getenv("SPINE_CONSOLE_CONFIG"));
        if (override != null && !override.isBlank()) return Path.of(override);
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (os.contains("win")) return Path.of(System.getenv("APPDATA") != null ? System.getenv("APPDATA") : home, "SpineConsole");
        if (os.contains("mac")) return Path.of(home, "Library", "Application Support", "SpineConsole");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config")).resolve("spine-console");
    }

    public static Path defaultFile() {
        return configDir().resolve("bundle-signing-key.pem");
    }

    public static SigningKeys loadOrCreate(Path file) throws IOException {
        return SigningKeys.loadOrCreate(file);
    }

    public static SigningKeys load(Path file) throws IOException {
        return SigningKeys.load(file);
    }
}
