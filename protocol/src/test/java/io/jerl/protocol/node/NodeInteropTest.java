package io.jerl.protocol.node;

import static io.jerl.testing.JerlTestNode.atom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.BitString;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.ErlMap;
import io.jerl.protocol.term.ExportFun;
import io.jerl.protocol.term.Fun;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Port;
import io.jerl.protocol.term.Ref;
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
    void aTwentyMegabyteBinaryEachWay() throws Exception {
        int size = 20 << 20;
        Mailbox big = jerl.spawnMailbox("big");
        try {
            erl.eval("B20 = rand:bytes(" + size + "), {big, " + atom(jerl) + "} ! {B20, self()}, ok");
            Tuple got = assertInstanceOf(Tuple.class, big.receive(Duration.ofSeconds(60)));
            Binary fromErl = assertInstanceOf(Binary.class, got.get(0));
            assertEquals(size, fromErl.bytes().length);
            assertEquals(erl.eval("binary_to_list(erlang:md5(B20))"), md5(fromErl.bytes()),
                    "the bytes jerl got are the bytes erl sent");

            byte[] mine = new byte[size];
            new java.util.Random(size).nextBytes(mine);
            big.send(got.get(1), new Tuple(new Binary(mine), Atom.of("md5"), ErlList.ofString(md5(mine))));
            assertEquals("{true," + size + "}", erl.eval("receive {B21, md5, Sum} -> {lists:flatten(io_lib:format(\"~w\","
                    + " [binary_to_list(erlang:md5(B21))])) =:= Sum, byte_size(B21)} after 60000 -> timeout end",
                    Duration.ofSeconds(90)));
        } finally {
            big.close();
            erl.forgetBindings();
        }
    }

    @Test
    void termsNestedTwoThousandDeepEachWay() throws InterruptedException {
        Mailbox echo = jerl.spawnMailbox("deep");
        try {
            erl.eval("Deep = lists:foldl(fun(I, A) -> [A | I] end, bottom, lists:seq(1, 2000)),"
                    + " {deep, " + atom(jerl) + "} ! {Deep, self()}, ok");
            Tuple got = assertInstanceOf(Tuple.class, echo.receive(WAIT));
            Term t = got.get(0);
            int depth = 0;
            while (t instanceof ErlList l) {
                t = l.elements()[0];
                depth++;
            }
            assertEquals(2000, depth);
            assertEquals(Atom.of("bottom"), t);
            // Back as jerl encodes it, and one built in Java.
            Term built = Atom.of("bottom");
            for (int i = 1; i <= 2000; i++) {
                built = new Tuple(built, ErlInt.of(i));
            }
            echo.send(got.get(1), new Tuple(got.get(0), built));
            assertEquals("{true,2000}", erl.eval("receive {Deep2, Built} -> {Deep2 =:= Deep,"
                    + " (fun D({T, _}) -> 1 + D(T); D(bottom) -> 0 end)(Built)} after 10000 -> timeout end"));
        } finally {
            echo.close();
            erl.forgetBindings();
        }
    }

    @Test
    void everyKindOfTermThisReleaseSendsComesBackTheSameAndStillWorks() throws InterruptedException {
        // What this release writes for its own port, ref, pid and shell fun: V4_PORT_EXT (120) since OTP 26,
        // NEW_PORT_EXT (89) before; NEWER_REFERENCE_EXT (90), NEW_PID_EXT (88), NEW_FUN_EXT (112).
        String portTag = release.otp() >= 26 ? "120" : "89";
        assertEquals("[" + portTag + ",90,88,112]", erl.eval("[binary:at(term_to_binary(T), 1) || T <- [hd(erlang:ports()),"
                + " make_ref(), self(), fun() -> ok end]]"));
        Mailbox echo = jerl.spawnMailbox("kinds");
        try {
            erl.eval("Y = 1, Kinds = [fun() -> ok end, fun(X) -> X + Y end, fun lists:map/2, hd(erlang:ports()),"
                    + " make_ref(), alias(), self(), #{a => 1, \"k\" => [1], {t} => <<\"v\">>}, 1 bsl 300,"
                    + " -(1 bsl 70), 'h\u00e9llo_\u65e5\u672c', <<1:3>>, 1.5, \"str\", [1 | 2], <<\"bin\">>, {}, []],"
                    + " {kinds, " + atom(jerl) + "} ! {Kinds, self()}, ok");
            Tuple got = assertInstanceOf(Tuple.class, echo.receive(WAIT));
            Term[] k = ((ErlList) got.get(0)).elements();
            assertEquals(18, k.length);
            assertEquals(Atom.of("erl_eval"), assertInstanceOf(Fun.class, k[0]).module(), "a shell fun is an erl_eval fun");
            assertEquals(1, assertInstanceOf(Fun.class, k[1]).arity());
            assertEquals(new ExportFun(Atom.of("lists"), Atom.of("map"), 2), k[2]);
            assertEquals(Atom.of(erl.name()), assertInstanceOf(Port.class, k[3]).node());
            assertEquals(Atom.of(erl.name()), assertInstanceOf(Ref.class, k[4]).node());
            assertInstanceOf(Ref.class, k[5]);
            assertEquals(Atom.of(erl.name()), assertInstanceOf(Pid.class, k[6]).node());
            assertEquals(ErlInt.of(1), assertInstanceOf(ErlMap.class, k[7]).entries().get(Atom.of("a")));
            assertEquals(ErlInt.of(java.math.BigInteger.ONE.shiftLeft(300)), k[8]);
            assertEquals(ErlInt.of(java.math.BigInteger.ONE.shiftLeft(70).negate()), k[9]);
            assertEquals(Atom.of("h\u00e9llo_\u65e5\u672c"), k[10]);
            assertEquals(new BitString(new byte[] {0x20}, 3), k[11]);
            echo.send(got.get(1), new Tuple(Atom.of("back"), got.get(0)));
            assertEquals("true", erl.eval("receive {back, Back} -> Back =:= Kinds after 10000 -> timeout end"));
            // The echoed funs still run, and the echoed alias still reaches this process.
            assertEquals("{ok,3,[2]}", erl.eval("[F0, F1, F2 | _] = Back, {F0(), F1(2), F2(fun(X) -> X + 1 end, [1])}"));
            assertEquals("via_alias", erl.eval("lists:nth(6, Back) ! via_alias, receive via_alias -> via_alias"
                    + " after 5000 -> lost end"));
        } finally {
            echo.close();
            erl.eval("unalias(lists:nth(6, Kinds))");
            erl.forgetBindings();
        }
    }

    /** An MD5 sum as erl's {@code ~w} prints {@code binary_to_list(erlang:md5(B))}. */
    private static String md5(byte[] b) {
        try {
            byte[] sum = java.security.MessageDigest.getInstance("MD5").digest(b);
            StringBuilder sb = new StringBuilder("[");
            for (byte x : sum) {
                sb.append(sb.length() > 1 ? "," : "").append(x & 0xFF);
            }
            return sb.append(']').toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
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
