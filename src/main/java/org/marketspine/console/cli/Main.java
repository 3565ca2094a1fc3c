package org.marketspine.console.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marketspine.console.feed.tls.SecretFiles;
import org.marketspine.console.ui.DesktopCheck;
import org.marketspine.console.ui.LaunchOptions;
import org.marketspine.console.ui.SpineConsoleApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code spine-console}: with no subcommand, the desktop app on the embedded demo feed (or on
 * {@code --feed}). Not a JavaFX Application on purpose: the launcher must start with JavaFX on the
 * class path.
 */
@Command(name = "spine-console", mixinStandardHelpOptions = true, version = "spine-console 0.1.0",
        description = "Spine Console: the desktop control plane and metadata feed for Market Spine.",
        subcommands = {FeedCommand.class, SnapshotCommand.class, BundleCommand.class, BenchCommand.class})
public final class Main implements Callable<Integer> {

    @CommandLine.Mixin
    FeedOptions feed = new FeedOptions();

    @Option(names = "--wall", description = "Full-screen wall board: dark, large type, no controls.") boolean wall;

    @Option(names = "--bundle", paramLabel = "FILE", description = "Review a signed audit bundle offline (verified first;"
            + " no feed is contacted).") Path bundle;

    public static void main(String[] args) {
        Logging.configure();
        int code = new CommandLine(new Main()).execute(args);
        if (!(args.length > 0 && args[0].equals("feed") && !(args.length > 1 && args[1].equals("token")) && code == 0)) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        LaunchOptions o = feed.toLaunchOptions(wall);
        if (bundle != null) {
            if (!Files.isRegularFile(bundle)) {
                System.err.println("no bundle file at " + bundle);
                return 2;
            }
            o = new LaunchOptions(null, null, false, o.seed(), o.speed(), o.dataDir(), bundle);
        }
        String noDesktop = DesktopCheck.problem();
        if (noDesktop != null) {
            System.err.println(noDesktop);
            return 2;
        }
        SpineConsoleApp.launch(o);
        return 0;
    }

    /** Where to connect, shared by the app and {@code snapshot}. */
    static final class FeedOptions {
        @Option(names = "--feed", paramLabel = "URL", description = "Feed URL (ws://host:port/feed). Default: the embedded demo feed.") URI url;

        @Option(names = "--token", paramLabel = "TOKEN", description = "Access token (prefer --token-file or SPINE_FEED_TOKEN:"
                + " a command line is visible to others).") String token;

        @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the access token (owner-only: chmod 600).") Path tokenFile;

        @Option(names = "--trust-cert", paramLabel = "FILE.pem", description = "Also trust this certificate for wss:// "
                + "(e.g. the feed's self-signed one); the system trust store is always used, host names are always checked.") Path trustCert;

        @CommandLine.Mixin
        DemoOptions demo = new DemoOptions();

        LaunchOptions toLaunchOptions(boolean wall) throws IOException {
            String t = token;
            if (t == null && tokenFile != null) {
                SecretFiles.requireOwnerOnly(tokenFile, "--token-file");
                t = Files.readString(tokenFile).trim();
            }
            if (t == null) t = System.getenv("SPINE_FEED_TOKEN");
            if (url != null && !"ws".equalsIgnoreCase(url.getScheme()) && !"wss".equalsIgnoreCase(url.getScheme())) {
                throw new IOException("--feed must be a ws:// or wss:// URL, not " + url);
            }
            return new LaunchOptions(url, t, wall, demo.seed, demo.speed, DataDirs.data(), null, trustCert);
        }
    }
}
