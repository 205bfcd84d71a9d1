package io.jerl.testing;

import java.util.concurrent.TimeUnit;

/** Waiting and stopping, the same way for every process a test starts. */
public final class Processes {
    private Processes() {
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Gives {@code p} five seconds to end (after it was asked to), then kills it. */
    public static void awaitOrKill(Process p) {
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
