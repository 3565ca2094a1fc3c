package org.marketspine.console.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import org.marketspine.console.feed.PlatformSource;
import org.marketspine.console.feed.Redact;
import org.marketspine.console.feed.alerts.Alerts;
import org.marketspine.console.feed.alerts.Webhooks;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.DemoPlatform;
import org.marketspine.console.feed.source.JournalOnlySource;
import org.marketspine.console.feed.source.SpineDatabaseSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code spine-console feed}: the stand-alone feed server. */
@Command(name = "feed", mixinStandardHelpOptions = true, subcommands = {FeedTokenCommand.class, FeedKeyCommand.class},
        description = "Run the metadata feed server (protocol v1 over WebSocket).")
final class FeedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--demo", description = "Serve the simulated Market Spine platform.") boolean demo;

    @Option(names = "--replay-only", description = "Serve an existing --journal as it stands, with no platform behind it"
            + " (read-only).") boolean replayOnly;

    @Option(names = "--spine-db", paramLabel = "PATH", description = "Serve a real Market Spine: its spine-core SQLite database.") Path spineDb;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "Serve a real Market Spine over JDBC (e.g. jdbc:postgresql://host/db); "
            + "user and password from SPINE_DB_USER / SPINE_DB_PASSWORD or --db-credentials.") String jdbcUrl;

    @Option(names = "--db-credentials", paramLabel = "FILE", description = "Properties file with user= and password="
            + " for --jdbc-url.") Path dbCredentials;

    @Option(names = "--read-only", description = "Open the spine-core database read-only: commands are refused with that reason.") boolean readOnly;

    @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "2", description = "Seconds between polls of the spine-core database"
            + " (default ${DEFAULT-VALUE}).") double pollSeconds;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8765", description = "Port to listen on"
            + " (default ${DEFAULT-VALUE}; 0 picks a free one).") int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on"
            + " (default ${DEFAULT-VALUE}).") String bind;

    @Option(names = "--tokens", paramLabel = "FILE", description = "Tokens file (see `feed token add`)."
            + " Required unless serving the demo on loopback.") Path tokens;

    @Mixin
    ServerTlsOptions tlsOptions = new ServerTlsOptions();

    @Option(names = "--allow-plaintext", description = "Allow ws:// (no TLS) off loopback: tokens then cross the network in clear."
            + " Warned at start and to every client.") boolean allowPlaintext;

    @Option(names = "--allow-origin", paramLabel = "ORIGIN", description = "A web origin (e.g. https://ops.example.com) whose pages may "
            + "connect; repeatable. Handshakes with any other Origin header get HTTP 403. "
            + "Desktop clients send none.") List<String> allowOrigins = new ArrayList<>();

    @Option(names = "--journal", paramLabel = "FILE", description = "Journal file; seq stays stable across restarts"
            + " (default: a file per platform in the user data directory).") Path journal;

    @Option(names = "--journal-url", paramLabel = "URL", description = "A journal in PostgreSQL (jdbc:postgresql://host/db) that several feed "
            + "servers share: one seq, chain and feed key for all, so clients resume on any; one of them runs the platform source and "
            + "another takes over when it stops. User and password as for --jdbc-url.") String journalUrl;

    @Option(names = "--journal-credentials", paramLabel = "FILE", description = "Properties file with user= and password= for --journal-url "
            + "when they differ from the spine-core database's (default: the same as for --jdbc-url).") Path journalCredentials;

    @Option(names = "--alert-webhook", paramLabel = "URL", description = "Post an alert (Slack/Teams-compatible JSON) to this webhook when "
            + "the health turns red, a critical failure appears or the source stops being current. Repeatable. The URL is a secret: "
            + "logs show only its host.") List<URI> alertWebhooks = new ArrayList<>();

    @Mixin
    DemoOptions demoOptions = new DemoOptions();

    @Option(names = "--simulated-clock", hidden = true, description = "WALLMILLIS:SIMINSTANT:SCALE, for soak benchmarks.") String simulatedClock;

    @Override
    public Integer call() throws Exception {
        Clock clock = simulatedClock == null ? Clock.systemUTC() : ScaledClock.parse(simulatedClock);
        boolean database = spineDb != null || jdbcUrl != null;
        int named = (demo ? 1 : 0) + (replayOnly ? 1 : 0) + (database ? 1 : 0) + (spineDb != null && jdbcUrl != null ? 1 : 0);
        if (named != 1) {
            throw new ParameterException(spec.commandLine(), "name one platform to serve: --demo, --spine-db PATH, --jdbc-url URL,"
                    + " or --replay-only with --journal");
        }
        if (spineDb != null && !Files.isRegularFile(spineDb)) {
            throw new ParameterException(spec.commandLine(), "--spine-db " + spineDb + ": no such file (the feed never creates a spine-core"
                    + " database; point it at the one spine-core writes)");
        }
        if (journal != null && journalUrl != null) {
            throw new ParameterException(spec.commandLine(), "give --journal FILE (one feed server) or --journal-url URL (several), not both");
        }
        if (journalUrl != null && !journalUrl.startsWith("jdbc:postgresql:")) {
            throw new ParameterException(spec.commandLine(), "--journal-url must be a PostgreSQL JDBC URL (jdbc:postgresql://host/db), not "
                    + Redact.jdbcUrl(journalUrl));
        }
        if (replayOnly && journal == null && journalUrl == null) {
            throw new ParameterException(spec.commandLine(), "--replay-only needs --journal FILE or --journal-url URL");
        }
        for (URI hook : alertWebhooks) {
            String problem = Webhooks.problem(hook);
            if (problem != null) throw new ParameterException(spec.commandLine(), "--alert-webhook: " + problem);
        }
        InetAddress address = InetAddress.getByName(bind);
        SSLContext tls = tlsOptions.context(spec.commandLine());
        List<String> warnings = new ArrayList<>();
        if (tls == null && !address.isLoopbackAddress()) {
            if (!allowPlaintext) {
                throw new ParameterException(spec.commandLine(), "refusing to listen on " + bind + " without TLS: tokens would cross the"
                        + " network in clear. Give --tls-cert and --tls-key (or --tls-keystore), or --allow-plaintext if you must");
            }
            warnings.add("this feed is not encrypted (ws:// off loopback): tokens and data cross the network in clear");
            System.err.println("spine feed: WARNING: " + warnings.get(0));
        }
        TokenStore store;
        if (tokens != null) {
            store = TokenStore.load(tokens);
        } else if (demo && address.isLoopbackAddress()) {
            store = TokenStore.openAccess();
        } else {
            // A database feed writes to the real platform; a replay serves a real platform's history: both need tokens.
            throw new ParameterException(spec.commandLine(), "--tokens is required "
                    + (demo ? "when listening on " + bind : "to serve " + (database ? "a spine-core database" : "a journal"))
                    + " (open access is only for --demo on loopback; create tokens with `feed token add`)");
        }
        String dbUrl = spineDb != null ? "jdbc:sqlite:" + spineDb.toAbsolutePath() : jdbcUrl;
        Path file = journal != null ? journal : DataDirs.data().resolve(database
                ? "feed-spine-db-" + Integer.toHexString(dbUrl.hashCode()) + ".journal" : "feed-demo-" + demoOptions.seed + ".journal");
        DbCredentials credentials = DbCredentials.read(dbCredentials, "--db-credentials");
        DbCredentials journalLogin = journalCredentials != null ? DbCredentials.read(journalCredentials, "--journal-credentials") : credentials;
        Journal j = journalUrl != null ? Journal.openShared(journalUrl, journalLogin.user(), journalLogin.password()) : Journal.open(file);
        PlatformSource source;
        if (database) {
            boolean ro = readOnly || (spineDb != null && !Files.isWritable(spineDb));
            source = new SpineDatabaseSource(dbUrl, jdbcUrl == null ? null : credentials.user(), credentials.password(), ro,
                    Duration.ofMillis((long) (pollSeconds * 1000)), clock);
        } else {
            source = demo ? new DemoPlatform(demoOptions.seed, demoOptions.speed, clock) : new JournalOnlySource("journal");
        }
        FeedServer server = new FeedServer(j, source, store, new InetSocketAddress(address, port), clock)
                .allowOrigins(allowOrigins).warnings(warnings);
        if (tls != null) server.tls(tls);
        server.onLostLeadership(() -> {
            // Fail fast: restarted by its service manager, it is a candidate again with a fresh source.
            System.err.println("spine feed: lost the leadership of the shared journal (its database connection failed); exiting so"
                    + " that the service manager restarts this server (exit status 75)");
            // Not on the platform thread that called this: the shutdown hook closes the server, which waits for that thread.
            Thread.ofPlatform().name("feed-exit").start(() -> System.exit(75));
        });
        server.start();
        System.err.println("spine feed: serving " + (demo ? "the demo platform" : database ? "the spine-core database " + (spineDb != null ? spineDb
                : Redact.jdbcUrl(jdbcUrl)) : "journal replay") + " at " + server.url() + " (journal " + j.describe()
                + (store.isOpenAccess() ? ", open access on loopback" : ", tokens " + tokens) + ")");
        if (j.isShared()) {
            System.err.println("spine feed: the journal is shared: the feed server that holds its leader lock runs the platform;"
                    + " the others serve it and take over when that one stops");
        }
        System.err.println("spine feed: checkpoints signed by feed key " + j.feedKey().fingerprint() + " (" + (j.isShared()
                ? "stored in the journal database" : Journal.keyFile(file)) + "); auditors trust it with: spine-console bundle trust add "
                + j.feedKey().fingerprint() + " --role feed --name \"<this feed, e.g. Market Spine prod>\"");
        Alerts alerts = alertWebhooks.isEmpty() ? null
                : Alerts.start(server, source.platform(), alertWebhooks, Duration.ofSeconds(1), clock);
        if (alerts != null) System.err.println("spine feed: alerts to " + alertWebhooks.size() + " webhook(s)");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (alerts != null) alerts.close();
            server.close();
            j.close();
            stop.countDown();
        }, "feed-shutdown"));
        stop.await();
        return 0;
    }
}
