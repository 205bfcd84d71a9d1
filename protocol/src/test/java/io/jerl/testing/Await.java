package io.jerl.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for a condition instead of sleeping a fixed time, so slow machines only make tests slower. */
public final class Await {
    private Await() {
    }

    /** Waits until {@code condition} holds; fails naming {@code what} if it does not within {@code limit}. */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Processes.sleep(50);
        }
    }
}
