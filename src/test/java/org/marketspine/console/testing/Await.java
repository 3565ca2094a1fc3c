package org.marketspine.console.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waits for a condition a test expects, never for a length of time: returns the moment it holds,
 * fails naming it when it has not held by the deadline. (The polling is TestFX's.)
 */
public final class Await {
    private Await() {}

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        poll(what, timeout, condition::getAsBoolean);
    }

    private static void poll(String what, Duration timeout, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, condition);
        } catch (TimeoutException e) {
            fail("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
        }
    }

    /**
     * The same for conditions on views: each look runs on the FX thread, after its pending work.
     * Read from the test thread, a scene graph can be caught half-way through a layout pass (a
     * list cell moved but not yet re-labelled), which made id look-ups flaky.
     */
    public static void untilFx(String what, Duration timeout, BooleanSupplier condition) {
        poll(what, timeout, () -> onFx(condition));
    }

    private static boolean onFx(BooleanSupplier condition) throws Exception {
        if (Platform.isFxApplicationThread()) return condition.getAsBoolean();
        try {
            return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
