package org.marketspine.console.testing;

import java.nio.file.Path;

/**
 * The config dir a test points the console at, and back. The build gives every test JVM one under
 * target/ (pom.xml), so "back" is that one — never the real user's.
 */
public final class TestHome {
    private static final String KEY = "spine.console.config";
    private static final String BUILD_DEFAULT = System.getProperty(KEY);

    private TestHome() {}

    public static void useConfig(Path dir) {
        System.setProperty(KEY, dir.toString());
    }

    public static void restoreConfig() {
        if (BUILD_DEFAULT == null) System.clearProperty(KEY);
        else System.setProperty(KEY, BUILD_DEFAULT);
    }
}
