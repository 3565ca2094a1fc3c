package org.marketspine.console.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.marketspine.console.feed.EventSink;
import org.marketspine.console.feed.server.FeedServer;
import org.marketspine.console.feed.server.Journal;
import org.marketspine.console.feed.server.TokenStore;
import org.marketspine.console.feed.source.JournalOnlySource;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Severity;

/**
 * P13: one feed server, many screens. N clients connect at once and replay a 100,000-event
 * journal until live; then live events go out one by one and each client's arrival is timed;
 * then the same with 20 stalled clients (hello sent, nothing read) present; then 2,000 clients
 * connect at once. The server runs in this JVM, the clients too ({@link LoadClient}: a few KiB
 * each), so "heap" is the server's own up to that.
 */
public final class FanOutBenchmark {
    static final int JOURNAL = 100_000;
    static final int LIVE_EVENTS = 20;
    /** Live events sent before each timed round and not counted: the first ones pay for compiling the live path. */
    static final int WARM_UP = 5;
    static final int STALLED = 20;
    /** FEED-PROTOCOL "Slow consumers": what the server may hold unsent for one client. */
    static final long BOUND = 8L * 1024 * 1024;

    private final PrintStream out;
    private final Path work;

    public FanOutBenchmark(PrintStream out, Path work) {
        this.out = out;
        this.work = work;
    }

    public void run(int clients, int burst) throws Exception {
        try (Journal journal = FeedBenchmarks.journalOf(work, JOURNAL, "p13.journal")) {
            FeedServer server = new FeedServer(journal, new JournalOnlySource("bench"), TokenStore.openAccess(),
                    new InetSocketAddress("127.0.0.1", 0), Clock.systemUTC()).start();
            List<Fleet> fleets = new ArrayList<>();
            try {
                double before = HeapAfterGc.megabytes();
                Fleet screens = Fleet.connect(server.port(), clients, true, 2 * (WARM_UP + LIVE_EVENTS));
                fleets.add(screens);
                double allLive = screens.awaitLive(300);
                out.printf("BENCH P13live %.1f s (%d clients connecting at once, each replaying %,d events, all live; %d refusals retried)%n",
                        allLive, clients, JOURNAL, screens.retries());
                double heap = HeapAfterGc.megabytes();
                out.printf("BENCH P13heap %.0f MB (heap in use with %d clients live: the server, its shared catch-up frames, and ~80 KiB of "
                        + "buffers per load client; %.0f MB before the first)%n", heap, clients, before);
                out.printf("BENCH P13rss %.0f MB (this process: the server and its %d load clients)%n", rssMb(), clients);
                printLatency("P13fanout", fanOut(server, screens, 0), clients, "");

                Fleet stalled = Fleet.connect(server.port(), STALLED, false, 0);
                fleets.add(stalled);
                awaitStalledAtBound(server);
                printLatency("P13fanoutStalled", fanOut(server, screens, WARM_UP + LIVE_EVENTS), clients, " with " + STALLED + " stalled clients");
                long worst = server.backlog().stream().mapToLong(FeedServer.ClientBacklog::unsent).max().orElse(0);
                out.printf("BENCH P13unsentMax %.1f MiB (largest unsent backlog of any client: a stalled one; bound %d MiB)%n", worst / 1048576.0, BOUND >> 20);
                stalled.close();
                screens.close();

                Fleet crowd = Fleet.connect(server.port(), burst, true, 0);
                fleets.add(crowd);
                double crowdLive = crowd.awaitLive(300);
                out.printf("BENCH P13burst %.1f s (%d clients connecting at once, all live; %d refusals retried)%n", crowdLive, burst, crowd.retries());
            } finally {
                fleets.forEach(Fleet::close); // whatever failed: no client keeps retrying a port another server may get
                server.close();
            }
        }
    }

    /**
     * Emits {@link #WARM_UP} then {@link #LIVE_EVENTS} events one at a time, each once every reading
     * client has the one before; the time from each timed emit to its arrival at every client.
     */
    private long[] fanOut(FeedServer server, Fleet fleet, int offset) throws Exception {
        EventSink sink = server.sink();
        long[] emitted = new long[WARM_UP + LIVE_EVENTS];
        for (int k = 0; k < emitted.length; k++) {
            int n = k;
            EventData data = new EventData.AnomalyDetected("an-p13-" + offset + "-" + k, Severity.LOW, "volume_spike",
                    "finra.otc_transparency.normalized", "OTC", LocalDate.of(2026, 11, 27), null, "p13 live event " + k, List.of());
            sink.platformThread().submit(() -> {
                emitted[n] = System.nanoTime();
                sink.emit(Instant.now(), data);
            }).get(30, TimeUnit.SECONDS);
            fleet.awaitReceived(offset + k + 1, 30);
        }
        long[] nanos = new long[LIVE_EVENTS * fleet.clients.size()];
        int i = 0;
        for (LoadClient c : fleet.clients) {
            for (int k = WARM_UP; k < emitted.length; k++) nanos[i++] = c.arrival(offset + k) - emitted[k];
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private void printLatency(String id, long[] sorted, int clients, String note) {
        out.printf("BENCH %s %.1f ms p99 (p50 %.1f ms, max %.1f ms: %d live events to each of %d clients after " + WARM_UP + " not timed%s)%n", id,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length / 2] / 1e6, sorted[sorted.length - 1] / 1e6,
                LIVE_EVENTS, clients, note);
    }

    /** Waits (at most 30 s) until the stalled clients have filled what the server holds for them: their replay does not fit. */
    private static void awaitStalledAtBound(FeedServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (server.backlog().stream().filter(FeedServer.ClientBacklog::stuck).count() >= STALLED) return;
            Thread.sleep(200);
        }
        throw new IllegalStateException("the stalled clients did not reach the bound in 30 s: " + server.backlog().stream()
                .filter(FeedServer.ClientBacklog::stuck).count() + " of " + STALLED);
    }

    private static double rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
        return Double.NaN;
    }

    /** Clients started together, each on a virtual thread. */
    private record Fleet(List<LoadClient> clients, CountDownLatch live, long startedAt) {
        static Fleet connect(int port, int n, boolean reads, int liveEvents) {
            CountDownLatch live = new CountDownLatch(reads ? n : 0);
            List<LoadClient> clients = new ArrayList<>(n);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                LoadClient c = new LoadClient(port, reads, live, liveEvents);
                clients.add(c);
                Thread.ofVirtual().name("p13-client-" + i).start(c);
            }
            return new Fleet(clients, live, t0);
        }

        /** Seconds from the first connect to the last client live. */
        double awaitLive(int timeoutSeconds) throws InterruptedException {
            if (!live.await(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException(live.getCount() + " of " + clients.size() + " clients not live after " + timeoutSeconds + " s"
                        + failures());
            }
            long last = clients.stream().mapToLong(LoadClient::liveAt).max().orElse(startedAt);
            return (last - startedAt) / 1e9;
        }

        void awaitReceived(int count, int timeoutSeconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (clients.stream().anyMatch(c -> c.received() < count)) {
                if (System.nanoTime() > deadline) {
                    long behind = clients.stream().filter(c -> c.received() < count).count();
                    throw new IllegalStateException(behind + " clients did not receive live event " + count + " in " + timeoutSeconds + " s" + failures());
                }
                Thread.sleep(1);
            }
        }

        int retries() {
            return clients.stream().mapToInt(LoadClient::retries).sum();
        }

        private String failures() {
            List<Throwable> failed = clients.stream().map(LoadClient::failure).filter(f -> f != null).toList();
            return failed.isEmpty() ? "" : "; " + failed.size() + " failed, first: " + failed.getFirst();
        }

        void close() {
            clients.forEach(LoadClient::close);
        }
    }
}
