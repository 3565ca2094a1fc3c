package org.marketspine.console.ui.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.marketspine.console.bench.ScratchDirs;
import org.marketspine.console.model.BackfillPlan;
import org.marketspine.console.model.FailureItem;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Trigger;
import org.marketspine.console.ui.ConsoleRuntime;
import org.marketspine.console.ui.FirstPaint;
import org.marketspine.console.ui.LaunchOptions;
import org.marketspine.console.ui.MainWindow;
import org.marketspine.console.ui.StatePublisher;
import org.marketspine.console.ui.Styles;

/** P1 and P2 of BUDGETS.md: they need a display (Xvfb is fine). */
public final class UiBenchmarks {
    private final PrintStream out;

    public UiBenchmarks(PrintStream out) {
        this.out = out;
    }

    public static boolean hasDisplay() {
        return System.getenv("DISPLAY") != null || "Monocle".equals(System.getProperty("glass.platform"));
    }

    /**
     * P1: a fresh process, from its start to the first frame of the health board with live demo
     * data. Cold = a new data directory (the demo writes its history first); warm = a second start.
     */
    public void p1(Path jar) throws Exception {
        Path data = ScratchDirs.temporary("spine-p1");
        out.printf("BENCH P1 %.2f s%n", launch(jar, data) / 1000.0);
        out.printf("BENCH P1warm %.2f s%n", launch(jar, data) / 1000.0);
    }

    private long launch(Path jar, Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Dspine.bench.firstPaint=true",
                "-Dspine.console.data=" + data, "-jar", jar.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith(FirstPaint.MARKER)) return (System.nanoTime() - t0) / 1_000_000;
            }
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        throw new IllegalStateException("the app exited before painting the board");
    }

    /** P2: a failure emitted at the server until the frame that shows it on the board; p99 over 200 events. */
    public void p2() throws Exception {
        FxToolkit.ensureStarted();
        ConsoleRuntime runtime = new ConsoleRuntime(new LaunchOptions(null, null, false, 4242, 1,
                ScratchDirs.temporary("spine-p2")), Clock.systemUTC());
        StatePublisher publisher = runtime.start();
        ConcurrentHashMap<String, Long> emitted = new ConcurrentHashMap<>();
        List<Long> latencies = new ArrayList<>();
        List<String> order = new ArrayList<>();
        CompletableFuture<MainWindow> shown = new CompletableFuture<>();
        publisher.deliver(() -> {
            MainWindow window = new MainWindow(runtime, publisher, Clock.systemUTC());
            Stage stage = new Stage();
            Scene scene = new Scene(window, 1600, 960);
            scene.getStylesheets().add(Styles.STYLESHEET);
            // After each frame's layout: any failure now on the board whose emit time we know is done.
            scene.addPostLayoutPulseListener(() -> {
                long now = System.nanoTime();
                for (FailureItem item : window.health().failures()) {
                    Long t = emitted.remove(item.execution().executionId());
                    if (t != null) synchronized (latencies) { order.add(item.execution().executionId() + "=" + (now - t) / 1_000_000); }
                }
            });
            stage.setScene(scene);
            stage.show();
            shown.complete(window);
        });
        shown.get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(runtime.client().state().isLive() && runtime.log().headSeq() > 1000) && System.nanoTime() < deadline) Thread.sleep(50);
        var sink = runtime.embeddedServer().sink();
        // 30 warm-up events (JIT, first cells), reported apart as P2first; then 200 measured.
        for (int i = -30; i < 200; i++) {
            String id = i < 0 ? "warm" + i : "p2-" + i;
            var params = BackfillPlan.params(LocalDate.of(2024, 1, 5).plusWeeks(i), "OTC");
            sink.platformThread().submit(() -> {
                sink.emit(Instant.now(), new EventData.ExecutionQueued(id, "finra.otc_transparency.ingest_week", params,
                        Trigger.SCHEDULED, "bench", null));
                emitted.put(id, System.nanoTime());
                sink.emit(Instant.now(), new EventData.ExecutionFailed(id, 1, new EventData.ErrorDetail("HTTPError",
                        "HTTP 503 (bench)", Classification.TRANSIENT)));
            }).get();
            Thread.sleep(40);
        }
        Thread.sleep(1000);
        runtime.close();
        Long first = null;
        synchronized (latencies) {
            for (String o : order) if (o.startsWith("warm-30=")) first = Long.parseLong(o.substring(8));
            latencies.clear();
            for (String o : order) if (o.startsWith("p2-")) latencies.add(Long.parseLong(o.substring(o.indexOf('=') + 1)) * 1_000_000);
        }
        long[] sorted;
        synchronized (latencies) { sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray(); }
        if (sorted.length < 190) throw new IllegalStateException("only " + sorted.length + " of 200 events reached the board");
        out.printf("BENCH P2 %.1f ms%n", sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6);
        out.printf("BENCH P2median %.1f ms%n", sorted[sorted.length / 2] / 1e6);
        if (first != null) out.printf("BENCH P2first %d ms%n", first);
        if (Boolean.getBoolean("spine.bench.verbose")) System.err.println(order);
    }
}
