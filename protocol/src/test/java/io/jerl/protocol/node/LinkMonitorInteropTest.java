package io.jerl.protocol.node;

import static io.jerl.testing.JerlTestNode.atom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.handshake.DistFlags;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.testing.AcrossReleases;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.ErlangRelease;
import io.jerl.testing.JerlTestNode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** Links, exit signals, monitors, aliases and node monitors between jerl and a real erl, in both directions. */
@AcrossReleases
class LinkMonitorInteropTest {
    @Parameter
    ErlangRelease release;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(500);
    private static Epmd epmd;
    private static String cookie;
    private static Node jerl;
    private static ErlNode erl;

    @BeforeParameterizedClassInvocation
    static void start(ErlangRelease release) {
        epmd = Epmd.start(release);
        cookie = ErlTools.randomCookie();
        jerl = JerlTestNode.start("sig", cookie, epmd.port());
        erl = ErlNode.builder(ErlTools.uniqueName("erl")).release(release).cookie(cookie).epmdPort(epmd.port()).start();
        assertTrue(jerl.connect(Atom.of(erl.name())));
    }

    @AfterEach
    void erlLoggedNoErrors() {
        erl.forgetBindings();
        assertFalse(erl.output().stream().anyMatch(l -> l.contains("ERROR REPORT") || l.contains("CRASH REPORT")),
                "erl logged an error:\n" + String.join("\n", erl.output()));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        erl.close();
        jerl.close();
        epmd.close();
    }

    /** An erl process that waits for {die, Reason} and exits with it; returns its pid as jerl sees it. */
    private static Pid erlProcess(String var) {
        erl.eval(var + " = spawn(fun() -> receive {die, R} -> exit(R) end end)");
        return erlPid(var);
    }

    /** The pid bound to {@code var} on erl, as jerl receives it in a message. */
    private static Pid erlPid(String var) {
        try {
            Mailbox courier = jerl.spawnMailbox("courier");
            try {
                erl.eval("{courier, " + atom(jerl) + "} ! " + var);
                return assertInstanceOf(Pid.class, courier.receive(WAIT));
            } finally {
                courier.close();
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Makes erl bind {@code var} to a jerl term by sending it to erl's shell process. */
    private static void giveErl(String var, Term t) {
        Mailbox courier = jerl.spawnMailbox();
        erl.eval("Shell = self()");
        courier.send(erlPid("Shell"), new Tuple(Atom.of("given"), t));
        erl.eval(var + " = receive {given, Given" + var + "} -> Given" + var + " after 10000 -> timeout end");
        courier.close();
    }

    @Test
    void jerlLinksToAnErlProcessAndTrapsItsExit() throws InterruptedException {
        Mailbox m = jerl.spawnMailbox();
        m.trapExit(true);
        Pid p = erlProcess("P1");
        m.link(p);
        assertEquals("1", erl.eval("timer:sleep(100), length(element(2, process_info(P1, links)))"),
                "erl's side of the link exists");
        erl.eval("P1 ! {die, boom}");
        assertEquals(new Tuple(Atom.of("EXIT"), p, Atom.of("boom")), m.receive(WAIT));
        m.close();
    }

    @Test
    void aNonTrappingJerlProcessDiesWithItsLinkedErlProcess() throws InterruptedException {
        Mailbox m = jerl.spawnMailbox();
        erlProcess("P2");
        m.link(erlPid("P2"));
        Thread.sleep(100);
        erl.eval("P2 ! {die, crashed}");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (m.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(Atom.of("crashed"), m.exitReason());
    }

    @Test
    void anErlProcessLinkedToJerlGetsItsExitReason() throws InterruptedException {
        Mailbox m = jerl.spawnMailbox();
        giveErl("J3", m.pid());
        erl.eval("process_flag(trap_exit, true), link(J3)");
        Thread.sleep(100);
        m.exit(Atom.of("bye"));
        assertEquals("bye", erl.eval("receive {'EXIT', J3, R3} -> R3 after 10000 -> timeout end"));
        erl.eval("process_flag(trap_exit, false)");
    }

    @Test
    void unlinkingEitherWayMeansNoExitSignal() throws InterruptedException {
        Mailbox m = jerl.spawnMailbox();
        m.trapExit(true);
        Pid p = erlProcess("P4");
        m.link(p);
        Thread.sleep(100);
        m.unlink(p);
        Thread.sleep(100);
        assertEquals("[]", erl.eval("element(2, process_info(P4, links))"), "erl's side of the link is gone");
        erl.eval("P4 ! {die, unseen}");
        assertNull(m.receive(QUIET), "no exit signal after unlink");

        // erl links then unlinks (UNLINK_ID, which jerl must acknowledge), then jerl exits: erl hears nothing.
        Mailbox n = jerl.spawnMailbox();
        giveErl("J4", n.pid());
        erl.eval("process_flag(trap_exit, true), link(J4), unlink(J4)");
        Thread.sleep(100);
        n.exit(Atom.of("gone"));
        assertEquals("none", erl.eval("receive {'EXIT', J4, _} -> got after 500 -> none end"));
        erl.eval("process_flag(trap_exit, false)");
    }

    @Test
    void exit2BothWays() throws InterruptedException {
        Mailbox m = jerl.spawnMailbox();
        Pid p = erlProcess("P5");
        m.exit(p, Atom.of("kill"));
        Thread.sleep(200);
        assertEquals("false", erl.eval("is_process_alive(P5)"));

        Mailbox trapping = jerl.spawnMailbox();
        trapping.trapExit(true);
        Mailbox plain = jerl.spawnMailbox();
        giveErl("T5", trapping.pid());
        giveErl("N5", plain.pid());
        erl.eval("exit(T5, shutdown), exit(N5, shutdown)");
        Tuple got = assertInstanceOf(Tuple.class, trapping.receive(WAIT));
        assertEquals(Atom.of("EXIT"), got.get(0));
        assertEquals(Atom.of("shutdown"), got.get(2));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (plain.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(Atom.of("shutdown"), plain.exitReason());
        erl.eval("exit(T5, normal)");
        assertTrue(trapping.receive(WAIT) instanceof Tuple t && t.get(2).equals(Atom.of("normal")),
                "a trapping process sees exit(P, normal) as a message");
    }

    @Test
    void jerlMonitorsErlProcessesByPidAndByName() throws InterruptedException {
        Mailbox m = jerl.spawnMailbox();
        Pid p = erlProcess("P6");
        Ref byPid = m.monitor(p);
        erl.eval("register(watched6, P6)");
        Ref byName = m.monitor(new Tuple(Atom.of("watched6"), Atom.of(erl.name())));
        Thread.sleep(100);
        erl.eval("P6 ! {die, done}");
        Term a = m.receive(WAIT);
        Term b = m.receive(WAIT);
        assertTrue(java.util.List.of(a, b).contains(
                new Tuple(Atom.of("DOWN"), byPid, Atom.of("process"), p, Atom.of("done"))), a + " / " + b);
        assertTrue(java.util.List.of(a, b).contains(new Tuple(Atom.of("DOWN"), byName, Atom.of("process"),
                new Tuple(Atom.of("watched6"), Atom.of(erl.name())), Atom.of("done"))), a + " / " + b);

        Ref missing = m.monitor(new Tuple(Atom.of("nobody6"), Atom.of(erl.name())));
        assertEquals(new Tuple(Atom.of("DOWN"), missing, Atom.of("process"),
                new Tuple(Atom.of("nobody6"), Atom.of(erl.name())), Atom.of("noproc")), m.receive(WAIT));
        Ref dead = m.monitor(p);
        assertEquals(new Tuple(Atom.of("DOWN"), dead, Atom.of("process"), p, Atom.of("noproc")), m.receive(WAIT));

        Pid q = erlProcess("Q6");
        Ref undone = m.monitor(q);
        assertTrue(m.demonitor(undone));
        Thread.sleep(100);
        assertEquals("[]", erl.eval("element(2, process_info(Q6, monitored_by))"), "erl's side of the monitor is gone");
        erl.eval("Q6 ! {die, quiet}");
        assertNull(m.receive(QUIET));
    }

    @Test
    void erlMonitorsJerlProcessesByPidAndByName() throws InterruptedException {
        Mailbox m = jerl.spawnMailbox("watched7");
        giveErl("J7", m.pid());
        erl.eval("R7a = monitor(process, J7), R7b = monitor(process, {watched7, " + atom(jerl) + "})");
        Thread.sleep(100);
        m.exit(Atom.of("finished"));
        assertEquals("[finished,finished]", erl.eval("[receive {'DOWN', R, process, _, Why} -> Why after 10000 -> timeout end"
                + " || R <- [R7a, R7b]]"));
        assertEquals("{nobody7," + jerl.name().name() + "}", erl.eval("R7c = monitor(process, {nobody7, " + atom(jerl)
                + "}), receive {'DOWN', R7c, process, Obj, noproc} -> Obj after 10000 -> timeout end"));
    }

    @Test
    void aliasesReceiveUntilUnaliasedAndCarryGenCallReplies() throws InterruptedException {
        Mailbox m = jerl.spawnMailbox();
        Ref alias = m.alias();
        giveErl("A8", alias);
        erl.eval("A8 ! via_alias");
        assertEquals(Atom.of("via_alias"), m.receive(WAIT));
        assertTrue(m.unalias(alias));
        erl.eval("A8 ! after_unalias");
        assertNull(m.receive(QUIET));

        // A gen:call from jerl with an OTP 24+ [alias | Ref] tag: erl's gen_server replies to the alias.
        Ref callAlias = m.alias();
        Term tag = new ErlList(new Term[] {Atom.of("alias")}, callAlias);
        m.send(new Tuple(Atom.of("net_kernel"), Atom.of(erl.name())),
                new Tuple(Atom.of("$gen_call"), new Tuple(m.pid(), tag), new Tuple(Atom.of("is_auth"), jerl.name())));
        assertEquals(new Tuple(tag, Atom.of("yes")), m.receive(WAIT));
    }

    @Test
    void prioritySignalsOfOtp28AndLaterReachJerlAsOrdinaryOnes() throws Exception {
        // OTP 28 replaced ALIAS_SEND with ALTACT_SIG_SEND (which also carries priority messages and exit signals)
        // for peers that offer DFLAG_ALTACT_SIG, as jerl does; older releases keep ALIAS_SEND.
        boolean altact = release.otp() >= 28;
        assertEquals(altact, jerl.connectAsync(Atom.of(erl.name())).get(10, TimeUnit.SECONDS).peer()
                .has(DistFlags.ALTACT_SIG), "ALTACT_SIG negotiated");
        Mailbox m = jerl.spawnMailbox();
        m.trapExit(true);
        giveErl("A11", m.alias());
        giveErl("P11", m.pid());
        if (!altact) {
            assertTrue(erl.evalError("erlang:send(A11, urgent, [priority])").contains("badarg"),
                    release + " has no priority messages");
            return;
        }
        erl.eval("erlang:send(A11, urgent, [priority]), A11 ! plain");
        assertEquals(Atom.of("urgent"), m.receive(WAIT));
        assertEquals(Atom.of("plain"), m.receive(WAIT));
        erl.eval("true = erlang:exit(P11, stop_now, [priority])");
        Tuple exit = assertInstanceOf(Tuple.class, m.receive(WAIT));
        assertEquals(Atom.of("EXIT"), exit.get(0));
        assertEquals(Atom.of("stop_now"), exit.get(2));
        m.close();
    }

    @Test
    void jerlSendsToAnAliasErlMade() throws InterruptedException {
        erl.eval("A10 = alias()");
        Mailbox m = jerl.spawnMailbox("courier10");
        erl.eval("{courier10, " + atom(jerl) + "} ! A10");
        Ref erlAlias = assertInstanceOf(Ref.class, m.receive(WAIT));
        m.send(erlAlias, Atom.of("to_erl_alias"));
        assertEquals("to_erl_alias", erl.eval("receive to_erl_alias = X10 -> X10 after 10000 -> timeout end"));
        erl.eval("unalias(A10)");
        m.send(erlAlias, Atom.of("dropped"));
        assertEquals("none", erl.eval("receive dropped -> got after 500 -> none end"), "an inactive alias drops messages");
        m.close();
    }

    @Test
    void rexAnswersFeaturesRequestsWithErpc() {
        assertEquals("{features_reply," + jerl.name().name() + ",[erpc]}", erl.eval("{rex, " + atom(jerl)
                + "} ! {self(), features_request}, receive {features_reply, _, _} = F11 -> F11 after 10000 -> timeout end"));
    }

    @Test
    void genServerCallsFromErlReachAJerlServer() throws InterruptedException {
        Mailbox server = jerl.spawnMailbox("jerl_server9");
        Thread t = new Thread(() -> {
            try {
                Tuple call = (Tuple) server.receive(WAIT);
                Tuple from = (Tuple) call.get(1);
                server.send(from.get(0), new Tuple(from.get(1), new Tuple(Atom.of("pong"), call.get(2))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        assertEquals("{pong,ping}", erl.eval("gen_server:call({jerl_server9, " + atom(jerl) + "}, ping, 5000)"));
        t.join();
        server.close();
    }

    @Test
    void erlsNetKernelMonitorNodesSeesJerlComeAndGo() {
        erl.eval("ok = net_kernel:monitor_nodes(true, [nodedown_reason])");
        try (Node brief = JerlTestNode.start("seen", cookie, epmd.port())) {
            assertTrue(brief.connect(Atom.of(erl.name())));
            assertEquals("up", erl.eval("receive {nodeup, " + atom(brief) + ", _} -> up after 10000 -> timeout end"));
            brief.close();
            assertEquals("connection_closed", erl.eval("receive {nodedown, " + atom(brief) + ", Info} ->"
                    + " proplists:get_value(nodedown_reason, Info) after 10000 -> timeout end"));
        } finally {
            erl.eval("net_kernel:monitor_nodes(false, [nodedown_reason])");
        }
    }

    @Test
    void nodeMonitorsOnBothSides() throws InterruptedException {
        try (ErlNode other = ErlNode.builder(ErlTools.uniqueName("doomed")).release(release).cookie(cookie).epmdPort(epmd.port()).start()) {
            Mailbox m = jerl.spawnMailbox();
            Mailbox all = jerl.spawnMailbox();
            all.monitorNodes(true);
            m.monitorNode(Atom.of(other.name()), true);
            assertEquals(new Tuple(Atom.of("nodeup"), Atom.of(other.name())), all.receive(WAIT));
            other.eval("monitor_node(" + atom(jerl) + ", true)");
            other.kill();
            assertEquals(new Tuple(Atom.of("nodedown"), Atom.of(other.name())), m.receive(WAIT));
            assertEquals(new Tuple(Atom.of("nodedown"), Atom.of(other.name())), all.receive(WAIT));
            all.monitorNodes(false);
        }
        Mailbox lonely = jerl.spawnMailbox();
        Atom nowhere = Atom.of("nowhere@" + NodeName.shortHostName());
        lonely.monitorNode(nowhere, true);
        assertEquals(new Tuple(Atom.of("nodedown"), nowhere), lonely.receive(WAIT), "an unreachable node is down at once");

        try (Node shortLived = JerlTestNode.start("brief", cookie, epmd.port())) {
            erl.eval("monitor_node(" + atom(shortLived) + ", true)");
            shortLived.close();
            assertEquals("down", erl.eval("receive {nodedown, " + atom(shortLived) + "} -> down after 10000 -> timeout end"));
        }
    }
}
