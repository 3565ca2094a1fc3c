package org.marketspine.console.ui.bench;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.stage.Stage;
import org.marketspine.console.bench.ScratchDirs;
import org.marketspine.console.feed.client.ConnectionState;
import org.marketspine.console.model.FinraCalendar;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.model.StateFold;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.ReadinessStatus;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.ui.ConsoleRuntime;
import org.marketspine.console.ui.ConsoleSnapshot;
import org.marketspine.console.ui.LaunchOptions;
import org.marketspine.console.ui.Styles;
import org.marketspine.console.ui.readiness.ReadinessView;
import org.marketspine.console.ui.readiness.ReadinessViewModel;

/**
 * P11: the readiness grid over 520 weeks × 3 tiers + 6 derived datasets, in a new 1800×1000
 * window. Prints the time to open it (model, view and first laid-out frame) and, while it scrolls
 * from top to bottom one step per frame, how many frames took longer than a 60 Hz frame and a half
 * (the first frame after the window appears counts). The first, cold-JIT open is printed apart.
 */
public final class GridBenchmark {
    private final PrintStream out;

    public GridBenchmark(PrintStream out) {
        this.out = out;
    }

    static PlatformState tenYears() {
        List<Event> events = new ArrayList<>();
        Instant t = Instant.parse("2016-01-04T14:00:00Z");
        LocalDate first = LocalDate.of(2016, 1, 1);
        String[] derived = {"analytics.volume_avg_6w", "analytics.volume_wow_change"};
        for (int w = 0; w < 520; w++) {
            LocalDate week = first.plusWeeks(w);
            for (String tier : FinraCalendar.TIERS) {
                String base = "n:" + tier + ":" + week;
                add(events, t, new EventData.CaptureRecorded(base, "finra.otc_transparency.normalized", tier, week,
                        org.marketspine.console.protocol.Stage.NORMALIZE, 50_000, 8_100, "ex", List.of(), null, null));
                add(events, t, new EventData.ReadinessChanged("finra.otc_transparency.normalized", tier, week,
                        w % 37 == 0 ? ReadinessStatus.PRELIMINARY : ReadinessStatus.CERTIFIED, "checks pass", "system", base, 8_100, 8_200));
                for (String d : derived) {
                    String id = d + ":" + tier + ":" + week;
                    add(events, t, new EventData.CaptureRecorded(id, d, tier, week, org.marketspine.console.protocol.Stage.COMPUTE, 8_100, 8_100, "ex", List.of(base),
                            null, null));
                    add(events, t, new EventData.ReadinessChanged(d, tier, week, ReadinessStatus.CERTIFIED, "computed", "system", id,
                            8_100, 8_200));
                }
            }
            t = t.plusSeconds(7 * 86_400);
        }
        return StateFold.applyAll(PlatformState.EMPTY, events);
    }

    private static void add(List<Event> events, Instant at, EventData d) {
        events.add(Event.of(events.size() + 1, at, d));
    }

    public void run() throws Exception {
        FxToolkit.ensureStarted();
        PlatformState state = tenYears();
        ConsoleRuntime runtime = new ConsoleRuntime(new LaunchOptions(null, null, false, 1, 1,
                ScratchDirs.temporary("spine-p11")), Clock.systemUTC());
        ConsoleSnapshot snapshot = new ConsoleSnapshot(state, new ConnectionState(ConnectionState.Phase.LIVE, 0, null, null,
                state.seq(), state.seq(), "bench"), null, false, Instant.now(), null,
                new Message.SourceStatus(SourceState.CURRENT,
                        Instant.now(), "bench", null));
        CompletableFuture<double[]> cold = new CompletableFuture<>();
        CompletableFuture<double[]> warm = new CompletableFuture<>();
        // The first scroll of a session runs on a cold JIT: measured and printed, then the figures
        // of the budget come from a second open, as a user finds the grid after their first look.
        runtime.publisher().deliver(() -> {
            long t0 = System.nanoTime();
            scroll(open(runtime, snapshot), t0, cold);
        });
        cold.get(120, TimeUnit.SECONDS);
        runtime.publisher().deliver(() -> {
            long t0 = System.nanoTime();
            scroll(open(runtime, snapshot), t0, warm);
        });
        double[] r = warm.get(120, TimeUnit.SECONDS);
        double[] c = cold.join();
        out.printf("BENCH P11 %.0f ms%n", r[0]);
        out.printf("BENCH P11dropped %.0f frames of %.0f%n", r[1], r[2]);
        out.printf("BENCH P11frame %.1f ms median, %.1f ms p95%n", r[3], r[4]);
        out.printf("BENCH P11cold %.0f ms open, %.0f dropped frames of %.0f%n", c[0], c[1], c[2]);
        runtime.close();
    }

    /** Scrolls from top to bottom, one step a frame: {open ms, dropped, frames, median ms, p95 ms}. */
    private static void scroll(Stage stage, long t0, CompletableFuture<double[]> result) {
        Scene scene = stage.getScene();
        long[] openedAt = {0};
        scene.addPostLayoutPulseListener(() -> {
            if (openedAt[0] == 0) openedAt[0] = System.nanoTime();
        });
        ScrollBar bar = ((ReadinessView) scene.getRoot()).grid().verticalBar();
        List<Long> frames = new ArrayList<>();
        new AnimationTimer() {
            long last;

            @Override
            public void handle(long now) {
                if (openedAt[0] == 0) return;
                if (last != 0) frames.add(now - last);
                last = now;
                if (bar.getValue() >= bar.getMax()) {
                    stop();
                    long dropped = frames.stream().filter(f -> f > 25_000_000L).count();
                    long[] sorted = frames.stream().mapToLong(Long::longValue).sorted().toArray();
                    result.complete(new double[] {(openedAt[0] - t0) / 1e6, dropped, frames.size(),
                            sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6});
                    stage.close();
                    return;
                }
                bar.setValue(Math.min(bar.getMax(), bar.getValue() + bar.getMax() / 300));
            }
        }.start();
    }

    private static Stage open(ConsoleRuntime runtime, ConsoleSnapshot snapshot) {
        ReadinessViewModel vm = ReadinessViewModel.of(runtime);
        vm.update(snapshot);
        ReadinessView view = new ReadinessView(vm);
        Stage stage = new Stage();
        Scene scene = new Scene(view, Integer.getInteger("p11.width", 1800), Integer.getInteger("p11.height", 1000));
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
