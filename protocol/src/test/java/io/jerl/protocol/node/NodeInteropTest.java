package io.jerl.protocol.node;

import static io.jerl.testing.JerlTestNode.atom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.testing.AcrossReleases;
import io.jerl.testing.Await;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.ErlangRelease;
import io.jerl.testing.JerlTestNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * jerl and a real erl node of each tested release on one private EPMD: ping and handshakes initiated by each side,
 * messages and nodes() both ways, terms through the wire.
 */
@AcrossReleases
class NodeInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static Epmd epmd;
    private static Node jerl;
    private static ErlNode erl;
    @Parameter
    ErlangRelease release;

    @BeforeParameterizedClassInvocation
    static void start(ErlangRelease release) {
        String cookie = ErlTools.randomCookie();
        epmd = Epmd.start(release);
        jerl = JerlTestNode.start("jerl", cookie, epmd.port());
        erl = ErlNode.builder(ErlTools.uniqueName("erl")).release(release).cookie(cookie).epmdPort(epmd.port()).start();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (erl != null) {
            erl.close();
        }
        if (jerl != null) {
            jerl.close();
        }
        if (epmd != null) {
            epmd.close();
        }
    }

    /** Ends any connection, on both sides, so that the next ping makes a new handshake from its sender. */
    private static void disconnected() {
        jerl.disconnect(Atom.of(erl.name()));
        Await.until("erl drops jerl", WAIT, () -> !erl.eval("nodes(connected)").contains(jerl.name().name()));
        assertTrue(jerl.nodes(true, false).isEmpty(), "jerl still connected: " + jerl.nodes(true, false));
    }

    @Test
    void erlPingsJerl() {
        disconnected();
        assertEquals("pong", erl.eval("net_adm:ping(" + atom(jerl) + ")"));
        assertTrue(erl.eval("nodes()").contains(jerl.name().name()), "erl's nodes() lists jerl");
    }

    @Test
    void jerlPingsErl() {
        disconnected();
        assertTrue(jerl.ping(Atom.of(erl.name())));
        assertTrue(jerl.nodes().contains(Atom.of(erl.name())), "jerl's nodes() lists erl: " + jerl.nodes());
    }

    @Test
    void pingOfANodeThatDoesNotExistIsPang() {
        assertFalse(jerl.ping(Atom.of("nobody_here@" + NodeName.shortHostName())));
        assertEquals("pang", erl.eval("net_adm:ping('nobody_here@" + NodeName.shortHostName() + "')"));
    }

    @Test
    void seed000HelloAndItSpeaksBothWays() throws InterruptedException {
        Mailbox shell = jerl.spawnMailbox("shell");
        try {
            erl.eval("register(shell, self())");
            // erl -> jerl by {Name, Node}, as in the seed: {shell, bus@server1} ! {hello, from, self()}.
            erl.eval("{shell, " + atom(jerl) + "} ! {hello, from, self()}");
            Term got = shell.receive(WAIT);
            assertNotNull(got, "jerl's shell got nothing");
            Tuple hello = assertInstanceOf(Tuple.class, got);
            assertEquals(Atom.of("hello"), hello.get(0));
            Pid erlShell = assertInstanceOf(Pid.class, hello.get(2));
            assertEquals(Atom.of(erl.name()), erlShell.node());

            // jerl -> erl by pid and by {Name, Node}.
            shell.send(erlShell, new Tuple(ErlList.ofString("It speaks!"), Atom.of("from"), shell.pid()));
            shell.send(new Tuple(Atom.of("shell"), Atom.of(erl.name())), new Tuple(Atom.of("by_name"), ErlInt.of(2)));
            assertEquals("true", erl.eval("receive {\"It speaks!\", from, P1} -> node(P1) =:= " + atom(jerl)
                    + " after 10000 -> timeout end"));
            assertEquals("2", erl.eval("receive {by_name, N1} -> N1 after 10000 -> timeout end"));

            // erl -> jerl by the pid it was given.
            erl.eval("P1 ! {direct, self()}");
            Tuple direct = assertInstanceOf(Tuple.class, shell.receive(WAIT));
            assertEquals(Atom.of("direct"), direct.get(0));
            assertEquals(erlShell, direct.get(1), "erl's pid survives the trip unchanged");
        } finally {
            shell.close();
            erl.eval("unregister(shell)");
        }
    }

    @Test
    void burstsFromSeveralThreadsAllArriveWithoutWaitingForATick() throws InterruptedException {
        // Regression: the last frames of a burst once sat unflushed until the next tick (15 s by default).
        erl.eval("register(sink, self())");
        int threads = 4;
        int each = 2_000;
        Thread[] senders = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            senders[t] = new Thread(() -> {
                Mailbox m = jerl.spawnMailbox();
                Tuple sink = new Tuple(Atom.of("sink"), Atom.of(erl.name()));
                for (int i = 0; i < each; i++) {
                    m.send(sink, new Tuple(Atom.of("n"), ErlInt.of(id), ErlInt.of(i)));
                }
                m.close();
            });
            senders[t].start();
        }
        for (Thread t : senders) {
            t.join();
        }
        String count = erl.eval("Count = fun C(N) -> receive {n, _, _} -> C(N + 1) after 2000 -> N end end, Count(0)",
                Duration.ofSeconds(60));
        assertEquals(Integer.toString(threads * each), count, "every message arrives within 2 s of the last send");
        erl.eval("unregister(sink)");
    }

    @Test
    void thousandsOfGeneratedTermsComeBackExactlyEqual(@TempDir Path dir) throws InterruptedException {
        // Compiled by the erl under test: a newer release need not load an older one's beams.
        erl.loadModule(NodeInteropTest.class, "jerl_terms", dir);
        int count = Integer.parseInt(erl.eval("Ts = jerl_terms:edge() ++ jerl_terms:random(20261123, 3000), length(Ts)"));
        assertTrue(count > 3000);
        Mailbox echo = jerl.spawnMailbox("echo");
        Thread echoer = new Thread(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    Tuple t = (Tuple) echo.receive(WAIT);
                    if (t == null) {
                        return;
                    }
                    echo.send(t.get(2), new Tuple(Atom.of("echo"), t.get(0), t.get(1)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "echo");
        echoer.start();
        try {
            erl.eval("Me = self(), lists:foreach(fun({I, T}) -> {echo, " + atom(jerl) + "} ! {I, T, Me} end,"
                    + " lists:zip(lists:seq(1, length(Ts)), Ts))");
            String mismatches = erl.eval("Back = [receive {echo, I, T2} -> T2 after 10000 -> timeout end"
                    + " || I <- lists:seq(1, length(Ts))],"
                    + " [{A, B} || {A, B} <- lists:zip(Ts, Back), A =/= B]", Duration.ofSeconds(120));
            assertEquals("[]", mismatches, "terms that did not come back =:= to what erl sent");
        } finally {
            echoer.join(WAIT.toMillis());
            echo.close();
        }
    }
}
