package io.jerl.protocol.term.format;

import io.jerl.protocol.ProtocolException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Printing recurses once per level of nesting. erl prints any depth; a Java thread's stack holds a few thousand
 * levels. Work that overflows the caller's stack is done again on a thread with a large stack, so a term as deep
 * as the decoder allows (2048 levels) always prints, and only absurd depths fail, with a ProtocolException.
 */
final class Deep {
    private static final long BIG_STACK = 512L << 20;

    private Deep() {
    }

    static String run(Supplier<String> work) {
        try {
            return work.get();
        } catch (StackOverflowError e) {
            return onBigStack(work);
        }
    }

    private static String onBigStack(Supplier<String> work) {
        AtomicReference<String> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "jerl-format-deep", BIG_STACK);
        t.setDaemon(true);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException("interrupted while printing a deeply nested term", e);
        }
        Throwable e = failure.get();
        if (e instanceof StackOverflowError) {
            throw new ProtocolException("the term nests too deeply to print", e);
        } else if (e instanceof RuntimeException r) {
            throw r;
        } else if (e instanceof Error err) {
            throw err;
        }
        return result.get();
    }
}
