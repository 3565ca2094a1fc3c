package org.marketspine.console.ui.bench;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import org.marketspine.console.ui.ToolkitSettings;

/** Starts the JavaFX toolkit for a benchmark, or finds it already running. */
final class FxToolkit {
    private FxToolkit() {}

    static void ensureStarted() throws InterruptedException {
        ToolkitSettings.apply(); // as the app: what P10 measures is the product's settings
        CountDownLatch ready = new CountDownLatch(1);
        try {
            Platform.startup(ready::countDown);
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown();
        }
        ready.await();
        // Benchmarks open and close their own windows; the toolkit must outlive each of them.
        Platform.setImplicitExit(false);
    }
}
