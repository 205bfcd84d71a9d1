package io.jerl.testing;

/**
 * How hard the reliability tests push. CI runs them as they are (scale 1); {@code -Djerl.reliability.scale=N}
 * repeats each flood N times and lets other tests scale their counts, for a long run on request.
 */
public final class LongMode {
    private LongMode() {
    }

    public static int scale() {
        return Math.max(1, Integer.getInteger("jerl.reliability.scale", 1));
    }
}
