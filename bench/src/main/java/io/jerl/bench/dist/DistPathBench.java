package io.jerl.bench.dist;

import io.jerl.bench.Samples;
import io.jerl.protocol.dist.ControlMessage;
import io.jerl.protocol.dist.ControlMessage.RegSend;
import io.jerl.protocol.dist.DistConnection;
import io.jerl.protocol.dist.DistHandler;
import io.jerl.protocol.dist.DistPeer;
import io.jerl.protocol.dist.FrameDecoder;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermDecoder;
import io.jerl.protocol.term.TermEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One message through the real distribution code, without a socket: the REG_SEND frame of the messaging race
 * ({@code {bench_rx, Node} ! {msg, I, <<"payload">>}}) sent through {@link DistConnection#send} and read back
 * through {@link FrameDecoder} and {@link DistConnection}, on Netty's {@link EmbeddedChannel}. Messages go in
 * bursts of {@value #BURST}, as in the race (one drain and flush per burst); scores are per message.
 *
 * <p>{@code frameInto64} and {@code frameInto256} repeat what {@code DistConnection.send} does with its buffer
 * (a pooled {@code ioBuffer(64)}, length, 112, control, payload) with two first capacities, to show what
 * growing the buffer costs when a frame does not fit in 64 bytes (the race's frame is about 90 bytes: the
 * sender's pid carries its node name in full, as there is no atom cache).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class DistPathBench {
    static final int BURST = 100;
    /** Names as long as the race's: {@code bench_j_<7 chars>@<host>}. */
    static final Atom FROM_NODE = Atom.of("bench_j_1x2y3z4@benchhost");
    static final Pid FROM = new Pid(FROM_NODE, 91, 0, 1_700_000_001);
    static final Atom RX = Atom.of("bench_rx");

    /** Counts what the connection hands up, so nothing is dead code. */
    static final class CountingHandler implements DistHandler {
        long messages;
        Term last;

        @Override
        public void controlMessage(DistConnection connection, ControlMessage message, Term payload) {
            messages++;
            last = payload;
        }

        @Override
        public void closed(DistConnection connection, String reason) {
        }
    }

    private final CountingHandler handler = new CountingHandler();
    private final Term[] messages = new Term[BURST];
    private EmbeddedChannel out;
    private DistConnection sender;
    private EmbeddedChannel in;
    private ByteBuf burst;
    private int frameBytes;

    @Setup(Level.Trial)
    public void setUp() {
        for (int i = 0; i < BURST; i++) {
            messages[i] = Samples.raceMessage(100_000 + i);
        }
        DistPeer peer = new DistPeer(Atom.of("bench_b_5t6u7v8@benchhost"), 0L, 1_700_000_002);
        out = new EmbeddedChannel();
        sender = new DistConnection(out, peer, handler, TermDecoder.DEFAULT, Duration.ofMinutes(1));

        FrameDecoder frames = new FrameDecoder(4096, 64 << 20);
        frames.switchToConnected();
        in = new EmbeddedChannel();
        in.pipeline().addLast(frames, new DistConnection(in, peer, handler, TermDecoder.DEFAULT, Duration.ofMinutes(1)));

        // A burst of frames as the peer would write them, from the sender's own encoding.
        burst = PooledByteBufAllocator.DEFAULT.directBuffer();
        for (Term m : messages) {
            sender.send(new RegSend(FROM, RX, null), m);
        }
        out.runPendingTasks();
        Object frame;
        while ((frame = out.readOutbound()) != null) {
            ByteBuf b = (ByteBuf) frame;
            frameBytes = b.readableBytes();
            burst.writeBytes(b);
            b.release();
        }
        in.writeInbound(burst.retainedDuplicate());
        if (handler.messages != BURST || !messages[BURST - 1].equals(handler.last)) {
            throw new IllegalStateException("the frames did not read back: " + handler.messages + " messages");
        }
        System.out.println("\n[DistPathBench] one race frame is " + frameBytes + " bytes on the wire");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        burst.release();
        out.finishAndReleaseAll();
        in.finishAndReleaseAll();
    }

    /** DistConnection.send for a burst, then the drain that writes and flushes them, then dropping the bytes. */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public long send() {
        for (Term m : messages) {
            sender.send(new RegSend(FROM, RX, null), m);
        }
        out.runPendingTasks();
        long bytes = 0;
        Object frame;
        while ((frame = out.readOutbound()) != null) {
            bytes += ((ByteBuf) frame).readableBytes();
            ReferenceCountUtil.release(frame);
        }
        return bytes;
    }

    /** A burst of frames cut by FrameDecoder, each decoded (control, payload) and parsed by DistConnection. */
    @Benchmark
    @OperationsPerInvocation(BURST)
    public long receive() {
        in.writeInbound(burst.retainedDuplicate());
        return handler.messages;
    }

    @Benchmark
    public int frameInto64() {
        return frame(64);
    }

    @Benchmark
    public int frameInto256() {
        return frame(256);
    }

    private int frame(int initialCapacity) {
        ByteBuf buf = ByteBufAllocator.DEFAULT.ioBuffer(initialCapacity);
        buf.writeInt(0);
        buf.writeByte(112);
        TermEncoder.encode(new RegSend(FROM, RX, null).toTuple(), buf);
        TermEncoder.encode(messages[0], buf);
        buf.setInt(0, buf.writerIndex() - 4);
        int n = buf.writerIndex();
        buf.release();
        return n;
    }
}
