package io.jerl.bench.codec;

import io.jerl.bench.Samples;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermDecoder;
import io.jerl.protocol.term.TermEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The external term format codec on its own: {@code encode} writes a term (with its 131) into a pooled direct
 * buffer that is reused, as the distribution writes frames; {@code decode} reads it back from a direct buffer,
 * as frames arrive. No network, no node.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class TermCodecBench {
    @Param({"smallTuple", "binary1k", "string100", "intList100", "nestedMap"})
    public String term;

    private Term value;
    private ByteBuf out;
    private ByteBuf encoded;

    @Setup(Level.Trial)
    public void setUp() {
        value = Samples.named(term);
        out = PooledByteBufAllocator.DEFAULT.directBuffer(4096);
        byte[] bytes = TermEncoder.toBinary(value);
        encoded = PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
        if (!TermDecoder.DEFAULT.decode(encoded.duplicate()).equals(value)) {
            throw new IllegalStateException(term + " does not survive a round trip");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        out.release();
        encoded.release();
    }

    @Benchmark
    public ByteBuf encode() {
        out.clear();
        TermEncoder.encode(value, out);
        return out;
    }

    @Benchmark
    public Term decode() {
        encoded.readerIndex(0);
        return TermDecoder.DEFAULT.decode(encoded);
    }
}
