package io.jerl.bench.node;

import io.jerl.bench.Samples;
import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.node.NodeName;
import io.jerl.protocol.node.NodeOptions;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Term;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A message from one Mailbox to another on the same node and taken out again, on one thread: the local send
 * (by pid, and by registered name), the mailbox's queue and lock, and {@code receive}. The node is real (it
 * listens and registers with an EPMD it embeds on a free port) but no message leaves the JVM.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class MailboxBench {
    private static final Atom RX = Atom.of("bench_rx");

    private Node node;
    private Mailbox from;
    private Mailbox to;
    private final Term message = Samples.raceMessage(42);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        int epmdPort;
        try (ServerSocket s = new ServerSocket(0)) {
            epmdPort = s.getLocalPort();
        }
        String name = "jerl_bench_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        node = Node.start(NodeName.shortName(name), "benchcookie", NodeOptions.defaults().withEpmdPort(epmdPort));
        from = node.spawnMailbox();
        to = node.spawnMailbox(RX.name());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        node.close();
    }

    @Benchmark
    public Term sendToPidAndReceive() throws InterruptedException {
        from.send(to.pid(), message);
        return to.receive(Duration.ZERO);
    }

    @Benchmark
    public Term sendToNameAndReceive() throws InterruptedException {
        from.send(RX, message);
        return to.receive(Duration.ZERO);
    }
}
