package org.marketspine.console.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waits for a condition a test expects, never for a length of time: returns the moment it holds,
 * fails naming it when it has not held by the deadline. (The polling is TestFX's.)
 */
public final class Await {
    private Await() {}

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            fail("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
        }
    }

    /** The same, letting the FX thread run its pending work before each look (for conditions on views). */
    public static void untilFx(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }
}
