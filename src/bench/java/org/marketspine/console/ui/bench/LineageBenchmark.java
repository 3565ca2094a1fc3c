package org.marketspine.console.ui.bench;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.marketspine.console.model.LineageAt;
import org.marketspine.console.model.LineageGraph;
import org.marketspine.console.model.LineageLayout;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.ui.StatePublisher;
import org.marketspine.console.ui.Styles;
import org.marketspine.console.ui.lineage.LineageCanvas;

/**
 * P7: a lineage graph of 2,000 nodes and 4,000 edges in six natural stages. Prints layout + first
 * paint (layout off the FX thread, as the workspace does it), then the frame rate while it pans and
 * zooms, fitted (boxes only) and at reading zoom (text drawn).
 */
public final class LineageBenchmark {
    private final PrintStream out;

    public LineageBenchmark(PrintStream out) {
        this.out = out;
    }

    /** A random DAG: 2,000 nodes over six stages, 4,000 edges each from one stage to the next. */
    static LineageGraph graph(long seed) {
        Random rng = new Random(seed);
        int stages = 6;
        int perStage = 2000 / stages;
        List<LineageGraph.Node> nodes = new ArrayList<>();
        List<List<String>> byStage = new ArrayList<>();
        for (int s = 0; s < stages; s++) {
            List<String> ids = new ArrayList<>();
            int count = s == stages - 1 ? 2000 - perStage * (stages - 1) : perStage;
            for (int i = 0; i < count; i++) {
                String id = "n" + s + "-" + i;
                LineageGraph.Kind kind = s == 0 ? LineageGraph.Kind.SOURCE_FILE : s % 2 == 1 ? LineageGraph.Kind.EXECUTION : LineageGraph.Kind.CAPTURE;
                nodes.add(new LineageGraph.Node(id, kind, s, id, "bench.dataset" + s, "OTC", LocalDate.of(2026, 1, 2)));
                ids.add(id);
            }
            byStage.add(ids);
        }
        Set<LineageGraph.Edge> edges = new LinkedHashSet<>();
        while (edges.size() < 4000) {
            int s = 1 + rng.nextInt(stages - 1);
            List<String> to = byStage.get(s);
            List<String> from = byStage.get(s - 1);
            // Mostly local: a node draws from its neighbourhood in the stage before, as weekly lineage does.
            int j = rng.nextInt(to.size());
            int centre = (int) ((double) j / to.size() * from.size());
            int i = Math.max(0, Math.min(from.size() - 1, centre + rng.nextInt(21) - 10));
            edges.add(new LineageGraph.Edge(from.get(i), to.get(j)));
        }
        return new LineageGraph(nodes, List.copyOf(edges));
    }

    /** Every node present and certified: the paint is the same work as a real graph's. */
    private static LineageAt allPresent(LineageGraph g) {
        Map<String, LineageAt.Look> looks = new HashMap<>();
        for (LineageGraph.Node n : g.nodes()) looks.put(n.id(), new LineageAt.Look(true, LineageAt.Tone.CERTIFIED, "CERTIFIED", 0));
        return new LineageAt(PlatformState.EMPTY, looks);
    }

    public void run() throws Exception {
        FxToolkit.ensureStarted();
        LineageGraph warm = graph(1);
        LineageLayout.of(warm); // the first layout of a session also loads ELK: measured apart below
        LineageGraph g = graph(7);
        LineageAt at = allPresent(g);
        List<String> label = List.of("bench.dataset · OTC", "wk 2026-01-02 · 19,000 rows · 2,700 sym", "capture-id-0123456789");
        // The workspace exists before its graph: the window is up, the layout arrives into it.
        CompletableFuture<LineageCanvas> shown = new CompletableFuture<>();
        StatePublisher fx = new StatePublisher(() -> null);
        Stage[] stage = new Stage[1];
        fx.deliver(() -> {
            LineageCanvas canvas = new LineageCanvas();
            stage[0] = new Stage();
            Scene scene = new Scene(canvas, 1400, 900);
            scene.getStylesheets().add(Styles.STYLESHEET);
            stage[0].setScene(scene);
            stage[0].show();
            shown.complete(canvas);
        });
        LineageCanvas canvas = shown.get(30, TimeUnit.SECONDS);
        Thread.sleep(500);
        long t0 = System.nanoTime();
        LineageLayout.Result layout = CompletableFuture.supplyAsync(() -> LineageLayout.of(g)).get(60, TimeUnit.SECONDS);
        long laidOut = System.nanoTime();
        CompletableFuture<long[]> painted = new CompletableFuture<>();
        CompletableFuture<double[]> fps = new CompletableFuture<>();
        fx.deliver(() -> {
            canvas.show(layout, at, id -> label, null);
            int[] pulses = {0};
            new AnimationTimer() {
                long start;
                int frames;
                final double[] rates = new double[3];

                @Override
                public void handle(long now) {
                    // Two pulses after show: the first frame has been rendered.
                    if (++pulses[0] == 2) {
                        painted.complete(new long[] {now});
                        start = now;
                        return;
                    }
                    if (pulses[0] < 2) return;
                    frames++;
                    // Three gestures of 120 frames: pan the fitted graph, pan and zoom it, pan at reading zoom.
                    int phase = (frames - 1) / 120;
                    if (frames > 1 && (frames - 1) % 120 == 0) {
                        rates[phase - 1] = 120 / ((now - start) / 1e9);
                        start = now;
                        if (phase == 2) canvas.zoom(1.0 / canvas.scale(), 700, 450);
                    }
                    switch (phase) {
                        case 0 -> canvas.pan(frames % 40 < 20 ? 7 : -7, 3);
                        case 1 -> {
                            canvas.pan(frames % 40 < 20 ? 7 : -7, 3);
                            canvas.zoom(frames % 30 < 15 ? 1.01 : 1 / 1.01, 700, 450);
                        }
                        case 2 -> canvas.pan(frames % 40 < 20 ? 9 : -9, 4);
                        default -> {
                            stop();
                            fps.complete(rates);
                            stage[0].close();
                        }
                    }
                }
            }.start();
        });
        long paintedAt = painted.get(60, TimeUnit.SECONDS)[0];
        double[] rates = fps.get(120, TimeUnit.SECONDS);
        out.printf("BENCH P7 %.0f ms (layout %.0f ms + first paint %.0f ms; %d nodes, %d edges)%n", (paintedAt - t0) / 1e6,
                (laidOut - t0) / 1e6, (paintedAt - laidOut) / 1e6, g.nodes().size(), g.edges().size());
        out.printf("BENCH P7fps %.0f fps panning the fitted graph, %.0f fps panning+zooming it, %.0f fps panning at reading zoom%n",
                rates[0], rates[1], rates[2]);
    }
}
