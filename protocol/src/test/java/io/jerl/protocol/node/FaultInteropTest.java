package io.jerl.protocol.node;

import static io.jerl.testing.JerlTestNode.atom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.testing.Await;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.JerlTestNode;
import io.jerl.testing.LogCapture;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Faults with real peers: a peer killed mid-stream, EPMD killed and brought back, the listen range taken,
 * and sockets that connect and say nothing. (The frozen peer is in ListenAndTickInteropTest, the taken name in
 * ConnectionFailureInteropTest.)
 */
class FaultInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aPeerKilledMidStreamIsDownWhileAnotherPeersStreamArrivesWhole() throws Exception {
        String cookie = ErlTools.randomCookie();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (Epmd epmd = Epmd.start();
             Node jerl = JerlTestNode.start("stream", cookie, epmd.port());
             ErlNode a = ErlNode.builder(ErlTools.uniqueName("a")).cookie(cookie).epmdPort(epmd.port()).start();
             ErlNode b = ErlNode.builder(ErlTools.uniqueName("b")).cookie(cookie).epmdPort(epmd.port()).start()) {
            jerl.addNodeListener(new NodeListener() {
                @Override
                public void nodeUp(Atom node, boolean hidden) {
                }

                @Override
                public void nodeDown(Atom node, String reason) {
                    events.add(node.name() + ": " + reason);
                }
            });
            Mailbox fromA = jerl.spawnMailbox("from_a");
            Mailbox fromB = jerl.spawnMailbox("from_b");
            Atom bNode = Atom.of(b.name());
            // b: a process counting what jerl streams to it, and one streaming to jerl without end.
            b.eval("register(sink, spawn(fun() -> (fun Sink(N) -> receive {n, _} -> Sink(N + 1);"
                    + " {count, P, Ref} -> P ! {Ref, N}, Sink(N) end end)(0) end))");
            b.eval("spawn(fun() -> (fun Loop(I) -> {from_b, " + atom(jerl) + "} ! {b, I}, Loop(I + 1) end)(0) end)");

            AtomicLong readFromB = new AtomicLong();
            AtomicReference<String> gap = new AtomicReference<>();
            Thread reader = new Thread(() -> readInOrder(fromB, readFromB, gap), "read-from-b");
            reader.start();
            AtomicBoolean down = new AtomicBoolean();
            AtomicReference<Throwable> sendFailure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                Tuple sink = new Tuple(Atom.of("sink"), bNode);
                for (long i = 0; !down.get(); i++) {
                    try {
                        fromB.send(sink, new Tuple(Atom.of("n"), ErlInt.of(i)));
                    } catch (RuntimeException e) {
                        sendFailure.set(e);
                        return;
                    }
                    if (i % 1000 == 999) {
                        Thread.yield();
                    }
                }
            }, "write-to-b");
            writer.start();
            Await.until("both streams flowing", WAIT, () -> readFromB.get() > 10_000);
            Await.until("b counted jerl's messages", WAIT, () -> sinkCount(b).matches("\\d{5,}"));

            // a starts a stream of its own, then b dies with no goodbye while both streams run.
            int fromACount = 100_000;
            a.eval("spawn(fun() -> [{from_a, " + atom(jerl) + "} ! {a, I} || I <- lists:seq(1, " + fromACount
                    + ")] end)");
            b.kill();
            String event = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            down.set(true);
            writer.join(WAIT.toMillis());
            assertTrue(event != null && event.startsWith(b.name() + ": "), "nodedown for b, got " + event);
            assertEquals(null, sendFailure.get(), "sends to a dying peer never throw");
            reader.interrupt();
            reader.join(WAIT.toMillis());
            assertEquals(null, gap.get(), "b's messages arrived in order with none missing up to the kill");

            for (int i = 1; i <= fromACount; i++) {
                Term t = fromA.receive(WAIT);
                assertEquals(new Tuple(Atom.of("a"), ErlInt.of(i)), t, "a's message " + i);
            }
            assertEquals(List.of(Atom.of(a.name())), jerl.nodes());
            assertTrue(jerl.ping(Atom.of(a.name())));
            fromB.send(fromB.pid(), Atom.of("still_here"));
            assertTrue(fromB.drain().contains(Atom.of("still_here")), "the mailbox that read from b still works");
            // Later sends to the dead node are dropped quietly, as erl drops them.
            fromB.send(new Tuple(Atom.of("sink"), bNode), Atom.of("too_late"));
        }
    }

    /** Takes {b, I} messages until interrupted, noting the first break in 0, 1, 2, ... */
    private static void readInOrder(Mailbox box, AtomicLong count, AtomicReference<String> gap) {
        try {
            while (true) {
                Term t = box.receive();
                long expected = count.get();
                if (!(t instanceof Tuple m && m.get(1) instanceof ErlInt n && n.value() == expected)) {
                    gap.compareAndSet(null, "expected {b, " + expected + "}, got " + t);
                }
                count.incrementAndGet();
            }
        } catch (InterruptedException stop) {
            // the test is done reading
        }
    }

    @Test
    void whenEpmdDiesConnectionsStayAndTheNameIsRegisteredAgainWhenItReturns() throws Exception {
        String cookie = ErlTools.randomCookie();
        Epmd epmd = Epmd.start();
        int port = epmd.port();
        try (LogCapture logs = LogCapture.start();
             Node jerl = JerlTestNode.start("phoenix", cookie, port);
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).cookie(cookie).epmdPort(port).start()) {
            Mailbox box = jerl.spawnMailbox("box");
            assertEquals("pong", erl.eval("net_adm:ping(" + atom(jerl) + ")"));
            erl.eval("register(shell, self())");

            epmd.kill();
            logs.await(WAIT, "is no longer registered with EPMD on port " + port);
            assertFalse(jerl.isRegistered());
            // The connection does not need EPMD: messages still flow both ways.
            erl.eval("{box, " + atom(jerl) + "} ! during_outage");
            assertEquals(Atom.of("during_outage"), box.receive(WAIT));
            box.send(new Tuple(Atom.of("shell"), Atom.of(erl.name())), Atom.of("back_at_you"));
            assertEquals("back_at_you", erl.eval("receive M -> M after 10000 -> timeout end"));
            assertEquals(List.of(Atom.of(erl.name())), jerl.nodes());

            Thread.sleep(1000); // let a few retries fail first, as in a real outage
            try (Epmd again = Epmd.startOn(port)) {
                Await.until("jerl registered again", WAIT, jerl::isRegistered);
                logs.await(WAIT, jerl.nodeName().alive() + " is registered with EPMD on port " + port + " again");
                // A node that never met jerl finds it by name through the new EPMD.
                try (ErlNode late = ErlNode.builder(ErlTools.uniqueName("late")).cookie(cookie).epmdPort(port).start()) {
                    assertEquals("pong", late.eval("net_adm:ping(" + atom(jerl) + ")"));
                }
                assertTrue(jerl.nodes().contains(Atom.of(erl.name())), "the first connection is still up");
            }
        } finally {
            epmd.close();
        }
    }

    @Test
    void whenTheJerlThatEmbeddedEpmdStopsAnotherRegistersWithTheNextEpmd() throws Exception {
        int port = ErlTools.freePort();
        String cookie = ErlTools.randomCookie();
        try (LogCapture logs = LogCapture.start()) {
            Node first = JerlTestNode.start("first", cookie, port); // no EPMD runs: it embeds one
            try (Node second = JerlTestNode.start("second", cookie, port)) {
                first.close(); // and the embedded EPMD stops with it
                logs.await(WAIT, second.nodeName().alive() + " is no longer registered with EPMD on port " + port);
                assertFalse(second.isRegistered());
                try (Node third = JerlTestNode.start("third", cookie, port)) { // embeds a new one
                    Await.until("second registered with the new EPMD", WAIT, second::isRegistered);
                    try (ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).cookie(cookie).epmdPort(port)
                            .start()) {
                        assertEquals("pong", erl.eval("net_adm:ping(" + atom(second) + ")"));
                    }
                }
            } finally {
                first.close();
            }
        }
    }

    @Test
    void aTakenListenRangeIsAClearErrorNamingTheRange() throws IOException {
        List<ServerSocket> taken = takeConsecutivePorts(3);
        int min = taken.get(0).getLocalPort();
        int max = min + 2;
        try (Epmd epmd = Epmd.start()) {
            String alive = ErlTools.uniqueName("squeezed");
            ProtocolException e = assertThrows(ProtocolException.class, () -> Node.start(NodeName.shortName(alive),
                    "C", NodeOptions.defaults().withEpmdPort(epmd.port()).withListenRange(min, max)));
            assertTrue(e.getMessage().contains("no free port in " + min + ".." + max)
                    && e.getMessage().contains("inet_dist_listen_min"), e.getMessage());
            try (ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).epmdPort(epmd.port()).start()) {
                assertFalse(erl.eval("net_adm:names()").contains(NodeSetupInteropTest.codes(alive)), "nothing was left registered");
            }
        } finally {
            for (ServerSocket s : taken) {
                s.close();
            }
        }
    }

    /** {@code n} listening sockets on consecutive ports, found by trying from free ports the OS hands out. */
    private static List<ServerSocket> takeConsecutivePorts(int n) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ErlTools.freePort();
            if (base + n > 65535) {
                continue;
            }
            List<ServerSocket> held = new ArrayList<>();
            try {
                for (int p = base; p < base + n; p++) {
                    ServerSocket s = new ServerSocket();
                    held.add(s);
                    s.bind(new InetSocketAddress(p));
                }
                return held;
            } catch (IOException busy) {
                for (ServerSocket s : held) {
                    s.close();
                }
            }
        }
        throw new AssertionError("found no " + n + " consecutive free ports");
    }

    @Test
    void silentSocketsTimeOutWithoutUsingThreadsAndErlIsServedMeanwhile() throws Exception {
        int silentCount = Integer.getInteger("jerl.faults.silentSockets", 500);
        Duration handshake = Duration.ofSeconds(3);
        String cookie = ErlTools.randomCookie();
        List<Socket> silent = new ArrayList<>();
        try (Epmd epmd = Epmd.start();
             Node jerl = JerlTestNode.start("quiet", cookie, epmd.port(), o -> o.withHandshakeTimeout(handshake));
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).cookie(cookie).epmdPort(epmd.port()).start()) {
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            long heapBefore = usedHeapAfterGc();
            long openedAt = System.nanoTime();
            for (int i = 0; i < silentCount; i++) {
                Socket s = new Socket();
                silent.add(s);
                s.connect(new InetSocketAddress("127.0.0.1", jerl.port()), 5000);
            }
            long heapWith = usedHeapAfterGc();
            int threadsWith = ManagementFactory.getThreadMXBean().getThreadCount();
            assertEquals("pong", erl.eval("net_adm:ping(" + atom(jerl) + ")"), "a real node gets in meanwhile");
            assertTrue(threadsWith <= threadsBefore + 4,
                    "silent sockets take no thread each: " + threadsBefore + " threads before, " + threadsWith + " with");
            System.out.printf("%d silent sockets: %d threads before, %d with; heap +%d bytes (%d per socket)%n",
                    silentCount, threadsBefore, threadsWith, heapWith - heapBefore,
                    (heapWith - heapBefore) / silentCount);

            for (Socket s : silent) {
                s.setSoTimeout((int) WAIT.toMillis());
                try (InputStream in = s.getInputStream()) {
                    assertEquals(-1, in.read(), "jerl closes a socket that never starts the handshake");
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("a silent socket was still open " + WAIT + " after the handshake timeout");
                } catch (IOException reset) {
                    // a reset is a close too
                }
            }
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openedAt);
            assertTrue(tookMs >= handshake.toMillis() - 500, "not closed before the timeout: " + tookMs + " ms");
            assertEquals(List.of(Atom.of(erl.name())), jerl.nodes(), "the real connection outlived them all");
        } finally {
            for (Socket s : silent) {
                s.close();
            }
        }
    }

    /**
     * What erl's registered {@code sink} process has counted. It answers {@code {count, From, Ref}} with
     * {@code {Ref, N}}; the query is a fun so its variables do not stay bound in erl's evaluator.
     */
    static String sinkCount(ErlNode erl) {
        return erl.eval("(fun() -> Ref = make_ref(), sink ! {count, self(), Ref},"
                + " receive {Ref, C} -> C after 5000 -> busy end end)()");
    }

    static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
