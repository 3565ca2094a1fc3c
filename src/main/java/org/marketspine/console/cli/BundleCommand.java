package org.marketspine.console.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.marketspine.console.audit.BundleKeys;
import org.marketspine.console.audit.BundleVerifier;
import org.marketspine.console.audit.BundleWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import org.marketspine.console.feed.client.Replay;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.DemoPlatform;
import org.marketspine.console.ui.LaunchOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bundle export} and {@code bundle verify}: signed audit bundles from the command line. */
@Command(name = "bundle", description = "Export or verify signed audit bundles.", mixinStandardHelpOptions = true,
        subcommands = {BundleCommand.Export.class, BundleCommand.Verify.class})
final class BundleCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return 2;
    }

    @Command(name = "export", description = "Replay a feed and write a signed bundle of a time range.", mixinStandardHelpOptions = true)
    static final class Export implements Callable<Integer> {
        @CommandLine.Mixin
        Main.FeedOptions feed = new Main.FeedOptions();

        @Option(names = "--from", description = "Start of the range, ISO 8601 (default: the journal's first event).")
        Instant from;

        @Option(names = "--to", description = "End of the range, ISO 8601 (default: the journal's last event).")
        Instant to;

        @Option(names = "--out", required = true, description = "Bundle file to write.")
        Path out;

        @Option(names = "--key", description = "Ed25519 key file (default: generated on first use in the config directory, owner-only).")
        Path key;

        @Option(names = "--wait", defaultValue = "300", description = "Seconds to wait for the replay to complete (default ${DEFAULT-VALUE}).")
        int waitSeconds;

        @Override
        public Integer call() throws Exception {
            BundleKeys keys = key != null ? BundleKeys.load(key) : BundleKeys.loadOrCreate(BundleKeys.defaultFile());
            LaunchOptions o = feed.toLaunchOptions(false);
            FeedServer demo = null;
            Journal journal = null;
            URI url = o.feed();
            try {
                if (url == null) {
                    // No --feed: the embedded demo, over the same journal the app's demo uses.
                    journal = Journal.open(o.dataDir().resolve("feed-demo-" + o.seed() + ".journal"));
                    demo = new FeedServer(journal, new DemoPlatform(o.seed(), o.speed(), Clock.systemUTC()), TokenStore.openAccess(),
                            new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).start();
                    url = URI.create(demo.url());
                    // A new demo writes its history just after it starts: export once it has.
                    long until = System.nanoTime() + 30_000_000_000L;
                    while (journal.headSeq() == 0 && System.nanoTime() < until) Thread.sleep(50);
                    Thread.sleep(500);
                }
                Replay.Result r = Replay.fetch(url, o.token(), o.trustCert(), waitSeconds);
                var w = r.welcome();
                BundleWriter.Written written = BundleWriter.write(out, r.log(), from, to,
                        new BundleWriter.Source(w.feedId() == null ? "unknown" : w.feedId(), w.platform(), w.server(),
                                o.feed() == null ? "embedded demo feed" : o.feed().toString()),
                        w.user() + " (" + w.role().wire() + ") via spine-console bundle export", keys, Instant.now(), p -> { });
                System.out.printf("bundle export: wrote %s — %,d events (seq 1–%,d), %,d bytes, signed by %s%n", written.file(),
                        written.events(), written.lastSeq(), written.bytes(), written.signer());
                return 0;
            } catch (java.io.IOException e) {
                System.err.println("bundle export: " + e.getMessage());
                return 3;
            } finally {
                if (demo != null) demo.close();
                if (journal != null) journal.close();
            }
        }
    }

    @Command(name = "verify", description = "Verify a bundle: prints OK with counts and signer, or the first bad entry.", mixinStandardHelpOptions = true)
    static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                System.err.println("bundle verify: no file at " + file);
                return 2;
            }
            BundleVerifier.Verdict v = BundleVerifier.verify(file, false);
            (v.ok() ? System.out : System.err).println(v.summary());
            return v.ok() ? 0 : 1;
        }
    }
}
