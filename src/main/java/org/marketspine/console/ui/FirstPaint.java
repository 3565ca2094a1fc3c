package org.marketspine.console.ui;

import java.lang.management.ManagementFactory;
import javafx.scene.Scene;

/**
 * For P1: with {@code -Dspine.bench.firstPaint=true}, prints a marker on the first frame that
 * shows the board with live data, so a parent process can time a real cold start.
 */
public final class FirstPaint {
    public static final String MARKER = "FIRST-PAINT";

    private FirstPaint() {}

    /** With the property set, prints how long after JVM start a step was reached (for P1's breakdown). */
    public static void mark(String step) {
        if (!Boolean.getBoolean("spine.bench.firstPaint")) return;
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("STEP " + step + " " + ms + " ms");
    }

    public static void watch(Scene scene, StatePublisher publisher) {
        if (!Boolean.getBoolean("spine.bench.firstPaint")) return;
        mark("shown");
        boolean[] first = {false};
        boolean[] done = {false};
        scene.addPostLayoutPulseListener(() -> {
            if (!first[0]) {
                first[0] = true;
                mark("first-frame");
            }
            ConsoleSnapshot s = publisher.current();
            if (!done[0] && s.connection().isLive() && s.state().seq() > 0) {
                done[0] = true;
                mark("live-data-frame");
                System.out.println(MARKER + " seq=" + s.state().seq());
                System.out.flush();
            }
        });
    }
}
