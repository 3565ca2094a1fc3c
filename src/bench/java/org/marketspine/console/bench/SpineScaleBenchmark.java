package org.marketspine.console.bench;

import static org.marketspine.console.bench.SpineCoreDatabase.row;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.marketspine.console.feed.client.FeedClient;
import org.marketspine.console.feed.client.FeedListener;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.SpineDatabaseSource;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.SourceState;

/**
 * P12 of BUDGETS.md: a feed over a ten-year spine-core database ({@link TenYearSpineDatabase}),
 * on SQLite and — when {@code SPINE_TEST_PG_URL} is set — on PostgreSQL: first start → the
 * source is {@code current}; CPU of this process per minute while idle; a new row → its event at
 * a client; heap in use after a collection. The client only counts what it receives, so the heap
 * is the feed server's (journal state and source memory).
 */
final class SpineScaleBenchmark {
    private static final Duration POLL = Duration.ofSeconds(2);
    private final PrintStream out;
    private final Path work;

    SpineScaleBenchmark(PrintStream out, Path work) {
        this.out = out;
        this.work = work;
    }

    void run() throws Exception {
        Path file = work.resolve("p12-spine.db");
        Files.deleteIfExists(file);
        run("sqlite", "jdbc:sqlite:" + file, null, null);
        String pg = System.getenv("SPINE_TEST_PG_URL");
        if (pg != null && !pg.isBlank()) {
            run("postgresql", pg, System.getenv("SPINE_TEST_PG_USER"), System.getenv("SPINE_TEST_PG_PASSWORD"));
        } else {
            out.println("BENCH P12-postgresql skipped: set SPINE_TEST_PG_URL (and _USER, _PASSWORD) to measure it");
        }
    }

    private Connection connect(String url, String user, String password) throws Exception {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    private void run(String name, String url, String user, String password) throws Exception {
        long t0 = System.nanoTime();
        TenYearSpineDatabase.Built built;
        try (Connection c = connect(url, user, password)) {
            built = TenYearSpineDatabase.build(c, 520, Instant.now(), 12);
        }
        out.printf("P12-%s database: %,d weeks x 3 tiers, %,d executions, %,d rows, built in %.1f s%n", name, built.weeks(),
                built.executions(), built.rows(), (System.nanoTime() - t0) / 1e9);
        long baseline = HeapAfterGc.bytes();
        // The same process doing nothing, for comparison: what the JVM alone costs on this machine.
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long idle0 = os.getProcessCpuTime();
        long idleWall0 = System.nanoTime();
        Thread.sleep(20_000);
        double jvmAlone = 100.0 * (os.getProcessCpuTime() - idle0) / (System.nanoTime() - idleWall0);
        Path journalFile = work.resolve("p12-" + name + ".journal");
        Files.deleteIfExists(journalFile);
        AtomicLong received = new AtomicLong();
        AtomicReference<String> waitingFor = new AtomicReference<>();
        AtomicLong arrivedAt = new AtomicLong();
        long start = System.nanoTime();
        try (Journal journal = Journal.open(journalFile);
             FeedServer server = new FeedServer(journal, new SpineDatabaseSource(url, user, password, false, POLL, Clock.systemUTC()),
                     TokenStore.openAccess(), new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).start();
             FeedClient client = new FeedClient(URI.create(server.url()), null, 0, FeedListener.of(batch -> {
                 received.addAndGet(batch.size());
                 String want = waitingFor.get();
                 if (want != null && batch.stream().anyMatch(e -> e.data() instanceof EventData.ExecutionQueued q && q.executionId().equals(want))) {
                     arrivedAt.set(System.nanoTime());
                 }
             }, s -> { }), Clock.systemUTC()).start()) {
            if (!server.awaitSource(SourceState.CURRENT, Duration.ofMinutes(5))) throw new IllegalStateException("never current");
            double firstStart = (System.nanoTime() - start) / 1e9;
            out.printf("BENCH P12-%s-first-start %.2f s (%,d events journaled)%n", name, firstStart, journal.headSeq());
            while (received.get() < journal.headSeq()) Thread.sleep(50);

            // Idle: a minute of polls with nothing new, once the first load's garbage and compilation have settled.
            Thread.sleep(15_000);
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            Thread.sleep(Long.getLong("p12.idle", 60_000));
            double idle = 100.0 * (os.getProcessCpuTime() - cpu0) / (System.nanoTime() - wall0);
            out.printf("BENCH P12-%s-idle-cpu %.2f %% of one core (the same process before the feed started: %.2f %%)%n", name, idle, jvmAlone);

            // A new row → its event at the client, five times, at random points of the poll cycle.
            double[] ms = new double[5];
            for (int i = 0; i < ms.length; i++) {
                String id = "p12-live-" + i + "-" + System.nanoTime();
                arrivedAt.set(0);
                waitingFor.set(id);
                long written;
                try (Connection c = connect(url, user, password)) {
                    Instant now = Instant.now();
                    new SpineCoreDatabase(c, SpineCoreDatabase.Generation.V0_4).insert("core_executions", row("id", id,
                            "workflow", "operation:finra.otc_transparency.ingest_week",
                            "params", "{\"tier\": \"OTC\", \"week_ending\": \"2099-01-02\"}", "lane", "normal", "trigger_source", "api",
                            "status", "pending", "created_at", now.toString(), "retry_count", 0));
                    written = System.nanoTime();
                }
                while (arrivedAt.get() == 0) {
                    if (System.nanoTime() - written > 30e9) throw new IllegalStateException("the new row never arrived");
                    Thread.sleep(5);
                }
                ms[i] = (arrivedAt.get() - written) / 1e6;
                Thread.sleep(300 + 350L * i);
            }
            Arrays.sort(ms);
            out.printf("BENCH P12-%s-row-to-event %.0f ms max (median %.0f ms; poll every %d s)%n", name, ms[ms.length - 1],
                    ms[ms.length / 2], POLL.toSeconds());
            long heap = HeapAfterGc.bytes();
            out.printf("BENCH P12-%s-heap %.0f MB in use after GC (%.0f MB above the process before the feed started)%n", name,
                    heap / 1e6, (heap - baseline) / 1e6);
        }
    }
}
