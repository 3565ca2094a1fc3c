package org.marketspine.console.ui;

import java.net.URI;
import java.nio.file.Path;

/**
 * How the app was asked to start. {@code feed} null means the embedded demo feed.
 *
 * @param dataDir where the client keeps its caches (and the embedded demo its journal)
 * @param bundle  an audit bundle to review offline instead of any feed
 * @param trustCert a PEM certificate trusted for {@code wss://} besides the system trust store (null: none)
 */
public record LaunchOptions(URI feed, String token, boolean wall, long seed, double speed, Path dataDir, Path bundle, Path trustCert) {
    public LaunchOptions(URI feed, String token, boolean wall, long seed, double speed, Path dataDir) {
        this(feed, token, wall, seed, speed, dataDir, null, null);
    }

    public LaunchOptions(URI feed, String token, boolean wall, long seed, double speed, Path dataDir, Path bundle) {
        this(feed, token, wall, seed, speed, dataDir, bundle, null);
    }

    public boolean embedded() {
        return feed == null && bundle == null;
    }

    /** Never prints the token (R14): only whether there is one. */
    @Override
    public String toString() {
        return "LaunchOptions[feed=" + feed + ", token=" + (token == null ? "none" : "***") + ", wall=" + wall + ", seed=" + seed
                + ", speed=" + speed + ", dataDir=" + dataDir + ", bundle=" + bundle + ", trustCert=" + trustCert + "]";
    }
}
