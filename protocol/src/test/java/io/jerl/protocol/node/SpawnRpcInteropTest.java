package io.jerl.protocol.node;

import static io.jerl.testing.JerlTestNode.atom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.testing.AcrossReleases;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.ErlangRelease;
import io.jerl.testing.JerlTestNode;
import io.jerl.testing.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** Spawning and rpc between jerl and a real erl, both ways, with erl's answers for every kind of outcome. */
@AcrossReleases
class SpawnRpcInteropTest {
    @Parameter
    ErlangRelease release;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static Epmd epmd;
    private static Node jerl;
    private static ErlNode erl;
    private static Atom erlName;
    private static final BlockingQueue<String> output = new LinkedBlockingQueue<>();

    @BeforeParameterizedClassInvocation
    static void start(ErlangRelease release) {
        epmd = Epmd.start(release);
        String cookie = ErlTools.randomCookie();
        jerl = JerlTestNode.start("rpc", cookie, epmd.port());
        erl = ErlNode.builder(ErlTools.uniqueName("erl")).release(release).cookie(cookie).epmdPort(epmd.port()).start();
        erlName = Atom.of(erl.name());
        jerl.setStandardOutput(output::add);
        FunctionTable f = jerl.functions();
        f.register("jtest", "double", 1, (self, a) -> ErlInt.of(((ErlInt) a.get(0)).value() * 2));
        f.register("jtest", "fail", 1, (self, a) -> {
            throw ErlangException.error(a.get(0));
        });
        f.register("jtest", "quit", 1, (self, a) -> {
            throw ErlangException.exit(a.get(0));
        });
        f.register("jtest", "toss", 1, (self, a) -> {
            throw ErlangException.throwing(a.get(0));
        });
        f.register("jtest", "echo", 1, (self, a) -> {
            self.send(a.get(0), new Tuple(Atom.of("echoed"), self.pid()));
            return Atom.OK;
        });
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

    @Test
    void rpcIntoJerl() {
        String j = atom(jerl);
        assertEquals(jerl.name().name(), erl.eval("rpc:call(" + j + ", erlang, node, [])"));
        assertEquals("42", erl.eval("rpc:call(" + j + ", jtest, double, [21])"));
        assertEquals("{badrpc,{'EXIT',{undef,[{nomod,nofun,[1,2],[]}]}}}", erl.eval("rpc:call(" + j + ", nomod, nofun, [1,2])"));
        assertEquals("{badrpc,{'EXIT',{oops,[]}}}", erl.eval("rpc:call(" + j + ", jtest, fail, [oops])"));
        assertEquals("{badrpc,{'EXIT',bye}}", erl.eval("rpc:call(" + j + ", jtest, quit, [bye])"));
        assertEquals("caught", erl.eval("rpc:call(" + j + ", jtest, toss, [caught])"));
        assertEquals("84", erl.eval("erpc:call(" + j + ", jtest, double, [42])"));
        assertEquals("{error,{exception,oops,[]}}", erl.eval("try erpc:call(" + j + ", jtest, fail, [oops]) catch C1:R1 -> {C1, R1} end"));
        assertEquals("{exit,{exception,bye}}", erl.eval("try erpc:call(" + j + ", jtest, quit, [bye]) catch C2:R2 -> {C2, R2} end"));
        assertEquals("{throw,caught}", erl.eval("try erpc:call(" + j + ", jtest, toss, [caught]) catch C3:R3 -> {C3, R3} end"));
        // The old rex path, still used by rpc:block_call.
        assertEquals("14", erl.eval("rpc:block_call(" + j + ", jtest, double, [7])"));
        assertEquals("{badrpc,{'EXIT',{oops,[]}}}", erl.eval("rpc:block_call(" + j + ", jtest, fail, [oops])"));
        // rpc:cast and erpc:cast run the function without an answer.
        erl.eval("register(cast_target, self()), rpc:cast(" + j + ", jtest, echo, [{cast_target, node()}])");
        assertEquals("echoed", erl.eval("receive {echoed, _} -> echoed after 10000 -> timeout end"));
        erl.eval("unregister(cast_target)");
    }

    @Test
    void spawnIntoJerl() {
        String j = atom(jerl);
        assertEquals("true", erl.eval("P1 = spawn(" + j + ", jtest, echo, [self()]), receive {echoed, P1} -> node(P1) =:= " + j
                + " after 10000 -> timeout end"));
        assertEquals("{undef,[{nomod,nofun,[],[]}]}", erl.eval("{_, M2} = spawn_monitor(" + j + ", nomod, nofun, []),"
                + " receive {'DOWN', M2, process, _, R2} -> R2 after 10000 -> timeout end"));
        assertEquals("normal", erl.eval("{P3, M3} = spawn_monitor(" + j + ", jtest, double, [1]),"
                + " receive {'DOWN', M3, process, P3, R3} -> R3 after 10000 -> timeout end"));
        assertEquals("boom", erl.eval("process_flag(trap_exit, true), P4 = spawn_link(" + j + ", jtest, quit, [boom]),"
                + " receive {'EXIT', P4, R4} -> R4 after 10000 -> timeout end"));
        erl.eval("process_flag(trap_exit, false)");
    }

    @Test
    void spawnRequestAndErpcMulticallFromErl() {
        String j = atom(jerl);
        // spawn_request/5 as OTP 23+ code calls it: a reply tag, a monitor, and the spawned process's messages.
        assertEquals("{ok,true,normal}", erl.eval("ReqId = erlang:spawn_request(" + j + ", jtest, echo, [self()],"
                + " [monitor, {reply_tag, spawned}]),"
                + " receive {spawned, ReqId, ok, P5} -> receive {echoed, P5} -> receive {'DOWN', ReqId, process, P5, R5}"
                + " -> {ok, node(P5) =:= " + j + ", R5} after 10000 -> no_down end after 10000 -> no_echo end"
                + " after 10000 -> no_reply end"));
        // error_only: no reply for a spawn that succeeds; a node that is not there answers with its error.
        assertEquals("{none,noconnection}", erl.eval("R6 = erlang:spawn_request(" + j + ", jtest, double, [1],"
                + " [{reply, error_only}]), R7 = erlang:spawn_request('nobody@nohost', erlang, node, [], []),"
                + " {receive {spawn_reply, R6, _, _} -> got after 500 -> none end,"
                + " receive {spawn_reply, R7, error, E7} -> E7 after 10000 -> timeout end}"));
        assertEquals("[{ok," + jerl.name().name() + "},{ok," + erl.name() + "},{ok,10}]",
                erl.eval("erpc:multicall([" + j + ", node()], erlang, node, []) ++ erpc:multicall([" + j + "], jtest,"
                        + " double, [5])"));
        assertEquals("[{error,{exception,oops,[]}},{error,{erpc,noconnection}}]",
                erl.eval("erpc:multicall([" + j + ", 'nobody@nohost'], jtest, fail, [oops])"));
    }

    @Test
    void rpcOutOfJerl() throws InterruptedException {
        assertEquals(ErlList.of(ErlInt.of(1), ErlInt.of(2), ErlInt.of(3)),
                jerl.rpcCall(erlName, Atom.of("lists"), Atom.of("seq"), List.of(ErlInt.of(1), ErlInt.of(3)), WAIT));
        assertEquals(new Tuple(Atom.of("badrpc"), Atom.of("timeout")),
                jerl.rpcCall(erlName, Atom.of("timer"), Atom.of("sleep"), List.of(ErlInt.of(3000)), Duration.ofMillis(300)));
        assertEquals(new Tuple(Atom.of("badrpc"), Atom.of("nodedown")), jerl.rpcCall(
                Atom.of("nobody@" + NodeName.shortHostName()), Atom.of("erlang"), Atom.of("node"), List.of(), WAIT));
        Tuple err = assertInstanceOf(Tuple.class, jerl.rpcCall(erlName, Atom.of("erlang"), Atom.of("error"),
                List.of(Atom.of("bad")), WAIT));
        assertEquals(Atom.of("badrpc"), err.get(0));
        Tuple exit = assertInstanceOf(Tuple.class, err.get(1));
        assertEquals(Atom.of("EXIT"), exit.get(0));
        assertEquals(Atom.of("bad"), ((Tuple) exit.get(1)).get(0));
        assertEquals(Atom.of("thrown"), jerl.rpcCall(erlName, Atom.of("erlang"), Atom.of("throw"), List.of(Atom.of("thrown")), WAIT));

        ErlangException e = assertThrows(ErlangException.class,
                () -> jerl.erpcCall(erlName, Atom.of("erlang"), Atom.of("exit"), List.of(Atom.of("out")), WAIT));
        assertEquals(ErlangException.EXIT, e.kind());
        assertEquals(new Tuple(Atom.of("exception"), Atom.of("out")), e.reason());
    }

    @Test
    void remoteOutputComesHomeToJerlsGroupLeader() throws InterruptedException {
        output.clear();
        jerl.rpcCall(erlName, Atom.of("io"), Atom.of("put_chars"), List.of(ErlList.ofString("from erl\n")), WAIT);
        assertEquals("from erl\n", output.poll(10, TimeUnit.SECONDS));
        // io:format in a process spawned on erl for jerl: rendered by jerl's io_lib:format, as erl renders it.
        jerl.rpcCall(erlName, Atom.of("io"), Atom.of("format"), List.of(ErlList.ofString("~p and ~s~n"),
                ErlList.of(new Tuple(Atom.of("a"), ErlList.ofString("text")), ErlList.ofString("more"))), WAIT);
        assertEquals("{a,\"text\"} and more\n", output.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void spawnOnErlWithLinkAndMonitor() throws Exception {
        Mailbox m = jerl.spawnMailbox();
        m.trapExit(true);
        Spawned s = jerl.spawn(m, erlName, Atom.of("timer"), Atom.of("sleep"), List.of(ErlInt.of(100)), true, true)
                .get(10, TimeUnit.SECONDS);
        assertEquals(erlName, s.pid().node());
        assertNotNull(s.monitor());
        Term a = m.receive(WAIT);
        Term b = m.receive(WAIT);
        assertTrue(List.of(a, b).contains(new Tuple(Atom.of("DOWN"), s.monitor(), Atom.of("process"), s.pid(),
                Atom.of("normal"))), a + " / " + b);
        assertTrue(List.of(a, b).contains(new Tuple(Atom.of("EXIT"), s.pid(), Atom.of("normal"))), a + " / " + b);

        Spawned undef = jerl.spawn(m, erlName, Atom.of("nomod"), Atom.of("nofun"), List.of(), false, true)
                .get(10, TimeUnit.SECONDS);
        Tuple down = assertInstanceOf(Tuple.class, m.receive(WAIT));
        assertEquals(undef.monitor(), down.get(1));
        assertEquals(Atom.of("undef"), ((Tuple) down.get(4)).get(0));

        ExecutionException gone = assertThrows(ExecutionException.class, () -> jerl.spawn(m,
                Atom.of("nobody@" + NodeName.shortHostName()), Atom.of("a"), Atom.of("b"), List.of(), false, false)
                .get(10, TimeUnit.SECONDS));
        assertTrue(gone.getCause().getMessage().contains("noconnection"), gone.getCause().getMessage());
    }

    @Test
    void aPidSpawnedOnJerlIsAliveUntilItsFunctionReturns() {
        Mailbox waiter = jerl.spawn((self, a) -> {
            self.receive(Duration.ofSeconds(30));
            return Atom.OK;
        });
        assertTrue(waiter.isAlive());
        waiter.send(waiter.pid(), Atom.of("wake"));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (waiter.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(Atom.of("normal"), waiter.exitReason());
        Pid p = waiter.pid();
        assertEquals(null, jerl.process(p), "an ended process leaves the process table");
    }

    @Test
    void aSpawnedProcessThatRaisesIsReportedAsErlReportsItAndOneThatExitsIsNot() {
        try (LogCapture log = LogCapture.start()) {
            Mailbox quitter = jerl.spawn((self, a) -> {
                throw ErlangException.exit(Atom.of("quietly"));
            });
            Mailbox crasher = jerl.spawn((self, a) -> {
                throw ErlangException.error(Atom.of("badarith"));
            });
            String line = log.await(WAIT, "Error in process " + crasher.pid(), "with exit value: {badarith,");
            assertTrue(line.contains("on node " + jerl.name().name()), line);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (quitter.isAlive() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(Atom.of("quietly"), quitter.exitReason());
            assertFalse(log.contains("Error in process " + quitter.pid()), "an exit is not an error:\n" + log.lines());
        }
    }
}
