package io.jerl.fuzz;

import io.jerl.protocol.ProtocolException;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import java.lang.management.ManagementFactory;

/**
 * What every protocol fuzz test checks: the only exception that reaches the caller is the layer's own
 * {@link ProtocolException} (bare, or wrapped once by Netty's decoder machinery), and a call allocates no more
 * than a bound that grows with the input. Anything else (an IndexOutOfBounds, a NullPointer, an
 * OutOfMemoryError, a StackOverflowError) propagates and Jazzer reports it as a finding.
 */
public final class FuzzChecks {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private FuzzChecks() {
    }

    /** Rethrows {@code e} unless it is, or Netty-wraps, a {@link ProtocolException} raised on purpose. */
    public static void expectProtocolError(RuntimeException e) {
        Throwable root = e instanceof DecoderException && e.getCause() != null ? e.getCause() : e;
        if (!(root instanceof ProtocolException)) {
            throw e;
        }
        // The term decoder turns its own bugs into ProtocolExceptions (caused by the real exception) so that a
        // peer can never crash a node; for fuzzing those still count as bugs.
        for (Throwable c = root.getCause(); c != null; c = c.getCause()) {
            if (c instanceof RuntimeException && !(c instanceof ProtocolException)) {
                throw new AssertionError("a bug reported as a protocol error: " + root.getMessage(), root);
            }
        }
    }

    /**
     * How many more bytes the input may legitimately cost because of compressed terms: each {@code 131, 80} in it
     * may start one that inflates to {@code maxInflated} bytes.
     */
    public static long compressedAllowance(byte[] data, int maxInflated) {
        long starts = 0;
        for (int i = 0; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == 131 && data[i + 1] == 80) {
                starts++;
            }
        }
        return starts * maxInflated;
    }

    /**
     * Runs {@code action} and fails when it allocated more than {@code perInputByte * inputLength + slack} bytes.
     * The first run of a code path also pays for class loading, instrumentation and call-site bootstrapping, so
     * an action over the bound is run once more and only that second, warm run counts.
     */
    public static void withAllocationBound(long inputLength, long perInputByte, long slack, Runnable action) {
        long bound = perInputByte * inputLength + slack;
        long used = allocatedBy(action);
        if (used > bound) {
            used = allocatedBy(action);
        }
        if (used > bound) {
            throw new AssertionError("allocated " + used + " bytes for " + inputLength + " input bytes (bound " + bound
                    + ")");
        }
    }

    private static long allocatedBy(Runnable action) {
        long before = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        action.run();
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    }

    /**
     * Feeds {@code data[from..]} to {@code channel} in chunks whose size {@code chunking} picks (0: all at once,
     * else chunks of {@code chunking} bytes), so that decoders see their input split at every place; then
     * closes the channel (decoders' end-of-input path) and drops whatever the channel wrote.
     */
    public static void feed(EmbeddedChannel channel, byte[] data, int from, int chunking) {
        RuntimeException failure = null;
        try {
            int step = chunking <= 0 ? Math.max(1, data.length - from) : chunking;
            for (int i = from; i < data.length && channel.isOpen(); i += step) {
                channel.writeInbound(Unpooled.wrappedBuffer(data, i, Math.min(step, data.length - i)));
            }
            channel.finish();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            channel.close(); // after a failure too: the decoders release what they had buffered
        } catch (RuntimeException e) {
            failure = failure != null ? failure : e;
        }
        drain(channel);
        if (failure != null) {
            throw failure;
        }
    }

    /** Releases everything the channel passed on or wrote. */
    public static void drain(EmbeddedChannel channel) {
        Object m;
        while ((m = channel.readInbound()) != null) {
            ReferenceCountUtil.release(m);
        }
        while ((m = channel.readOutbound()) != null) {
            ReferenceCountUtil.release(m);
        }
    }
}
