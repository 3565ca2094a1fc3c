package org.marketspine.console.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.marketspine.console.audit.BundleKeys;
import org.marketspine.console.audit.BundleVerifier;
import org.marketspine.console.audit.BundleWriter;
import org.marketspine.console.audit.FeedProof;
import org.marketspine.console.audit.TrustList;
import org.marketspine.console.feed.client.Replay;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.DemoPlatform;
import org.marketspine.console.protocol.SigningKeys;
import org.marketspine.console.ui.LaunchOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code bundle export} and {@code bundle verify}: signed audit bundles from the command line. */
@Command(name = "bundle", description = "Export, verify and trust signed audit bundles.", mixinStandardHelpOptions = true,
        subcommands = {BundleCommand.Export.class, BundleCommand.Verify.class, BundleCommand.Trust.class})
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

        @Option(names = "--from", description = "Start of the range, ISO 8601 (default: the journal's first event).") Instant from;

        @Option(names = "--to", description = "End of the range, ISO 8601 (default: the journal's last event).") Instant to;

        @Option(names = "--out", required = true, description = "Bundle file to write.") Path out;

        @Option(names = "--key", description = "Ed25519 key file (default: generated on first use in the config directory, owner-only).") Path key;

        @Option(names = "--wait", defaultValue = "300", description = "Seconds to wait for the replay to complete"
                + " (default ${DEFAULT-VALUE}).") int waitSeconds;

        @Override
        public Integer call() throws Exception {
            SigningKeys keys = key != null ? BundleKeys.load(key) : BundleKeys.loadOrCreate(BundleKeys.defaultFile());
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
                BundleWriter.Span[] span = new BundleWriter.Span[1];
                Replay.Result r = Replay.fetch(url, o.token(), o.trustCert(), waitSeconds, log -> {
                    try {
                        span[0] = BundleWriter.span(log, from, to);
                        return span[0].lastSeq();
                    } catch (IOException e) {
                        return 0;
                    }
                });
                var w = r.welcome();
                if (r.integrity() != null) throw new IOException("the feed's history is not trusted: " + r.integrity());
                if (w.feedKey() == null) throw new IOException("the feed signs no checkpoints (no key in its welcome): a bundle of it could not be verified");
                if (span[0] == null) span[0] = BundleWriter.span(r.log(), from, to); // says why there is nothing to bundle
                BundleWriter.Written written;
                try (BundleWriter.ItemTexts texts = BundleWriter.ItemTexts.of(r.texts())) {
                    written = BundleWriter.write(out, r.log(), texts, new FeedProof(w.feedKey(), r.checkpoints()), span[0],
                            new BundleWriter.Source(w.feedId() == null ? "unknown" : w.feedId(), w.platform(), w.server(),
                                    o.feed() == null ? "embedded demo feed" : o.feed().toString()),
                            w.user() + " (" + w.role().wire() + ") via spine-console bundle export", keys, Instant.now(), p -> { });
                }
                System.out.printf("bundle export: wrote %s — %,d events (seq 1–%,d), %,d bytes, signed by %s; feed key %s%n", written.file(),
                        written.events(), written.lastSeq(), written.bytes(), written.signer(), w.feedKey().fingerprint());
                return 0;
            } catch (IOException e) {
                System.err.println("bundle export: " + e.getMessage());
                return 3;
            } finally {
                if (demo != null) demo.close();
                if (journal != null) journal.close();
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Verify a bundle. Prints one verdict and exits with it:",
                    "  0 VERIFIED     intact, and its events are the ones a trusted feed key signed, exported by a trusted key",
                    "  3 NOT TRUSTED  intact, but the feed key or the exporter key is not in the trust list",
                    "  1 FAILED       the first bad entry, named",
                    "  2              no such file, or an unreadable trust list"})
    static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "FILE") Path file;

        @Option(names = "--trust", paramLabel = "FINGERPRINT", description = "Trust this key fingerprint for this run too"
                + " (repeatable).") List<String> trust = new ArrayList<>();

        @Option(names = "--trust-list", paramLabel = "FILE", description = "Trust list to use"
                + " (default: trusted-keys.json in the config directory).") Path trustList;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                System.err.println("bundle verify: no file at " + file);
                return 2;
            }
            TrustList list;
            try {
                for (String fp : trust) {
                    if (!TrustList.isFingerprint(fp)) throw new IOException("--trust " + fp + ": not a key fingerprint (SHA256:…)");
                }
                list = TrustList.load(trustList != null ? trustList : TrustList.defaultFile()).with(TrustList.of(trust));
            } catch (IOException e) {
                System.err.println("bundle verify: " + e.getMessage());
                return 2;
            }
            BundleVerifier.Verdict v = BundleVerifier.verify(file, list, false);
            (v.verified() ? System.out : System.err).println(v.summary());
            return v.outcome().exitCode;
        }
    }

    @Command(name = "trust", description = "The keys you trust: feeds' keys (their checkpoints) and exporters' keys (their bundles).",
            mixinStandardHelpOptions = true, subcommands = {Trust.Add.class, Trust.ListKeys.class, Trust.Remove.class})
    static final class Trust implements Callable<Integer> {
        @Override
        public Integer call() {
            new CommandLine(this).usage(System.err);
            return 2;
        }

        /** The {@code --trust-list} option the trust commands share, and the list it names. */
        static final class ListFile {
            @Option(names = "--trust-list", paramLabel = "FILE", description = "Trust list"
                    + " (default: trusted-keys.json in the config directory).") Path file;

            Path path() {
                return file != null ? file : TrustList.defaultFile();
            }

            TrustList open() throws IOException {
                return TrustList.load(path());
            }
        }

        /** A trust command's work; an unreadable list or a bad argument is said on stderr, exit 2. */
        interface Step {
            int run() throws IOException;
        }

        static int run(String command, Step step) {
            try {
                return step.run();
            } catch (IOException e) {
                System.err.println("bundle trust " + command + ": " + e.getMessage());
                return 2;
            }
        }

        @Command(name = "add", mixinStandardHelpOptions = true,
                description = "Trust a key. Compare the fingerprint with its holder first (the feed's operator: `feed key show`).")
        static final class Add implements Callable<Integer> {
            @Parameters(paramLabel = "FINGERPRINT") String fingerprint;

            @Option(names = "--name", required = true, description = "Who holds the key, e.g. \"Market Spine prod\".") String name;

            @Option(names = "--role", defaultValue = "any", description = "What the key may vouch for: feed (its checkpoints), "
                    + "exporter (its bundles) or any (default ${DEFAULT-VALUE}). "
                    + "Give feed keys --role feed so an exporter's key can never pass as a feed's.") String role;

            @Mixin
            ListFile list;

            @Override
            public Integer call() {
                return run("add", () -> {
                    TrustList.Role r;
                    try {
                        r = TrustList.Role.of(role);
                    } catch (IllegalArgumentException e) {
                        throw new IOException("--role " + e.getMessage(), e);
                    }
                    TrustList now = list.open().add(fingerprint, name, r, Instant.now());
                    System.out.println("bundle trust: now trusting " + fingerprint.trim() + " as \"" + name.trim() + "\" for " + r.wire() + " ("
                            + now.entries().size() + " keys in " + list.path() + ")");
                    return 0;
                });
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "The trusted keys: fingerprint, name, when added.")
        static final class ListKeys implements Callable<Integer> {
            @Mixin
            ListFile list;

            @Override
            public Integer call() {
                return run("list", () -> {
                    TrustList keys = list.open();
                    if (keys.entries().isEmpty()) {
                        System.out.println("bundle trust: no trusted keys yet (" + list.path() + ")");
                        return 0;
                    }
                    System.out.printf("%-52s %-9s %-21s %s%n", "FINGERPRINT", "ROLE", "ADDED", "NAME");
                    for (TrustList.Entry e : keys.entries()) {
                        System.out.printf("%-52s %-9s %-21s %s%n", e.fingerprint(), e.role().wire(), e.addedAt() == null ? "—" : e.addedAt().truncatedTo(
                                ChronoUnit.SECONDS), BundleVerifier.printable(e.name()));
                    }
                    return 0;
                });
            }
        }

        @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop trusting a key.")
        static final class Remove implements Callable<Integer> {
            @Parameters(paramLabel = "FINGERPRINT") String fingerprint;

            @Mixin
            ListFile list;

            @Override
            public Integer call() {
                return run("remove", () -> {
                    list.open().remove(fingerprint);
                    System.out.println("bundle trust: no longer trusting " + fingerprint.trim());
                    return 0;
                });
            }
        }
    }
}
