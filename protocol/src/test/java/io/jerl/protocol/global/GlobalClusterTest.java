package io.jerl.protocol.global;

import static io.jerl.protocol.global.GlobalTesting.SYNC_LIMIT;
import static io.jerl.protocol.global.GlobalTesting.atom;
import static io.jerl.protocol.global.GlobalTesting.await;
import static io.jerl.protocol.global.GlobalTesting.awaitErl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Tuple;
import io.jerl.testing.AcrossReleases;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.ErlangRelease;
import io.jerl.testing.JerlTestNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** A visible jerl node with global, and two erl nodes, all connected to each other. */
@AcrossReleases
class GlobalClusterTest {
    @Parameter
    ErlangRelease release;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static Epmd epmd;
    private static ErlNode a;
    private static ErlNode b;
    private static Node jerl;
    private static Global global;

    @BeforeParameterizedClassInvocation
    static void start(ErlangRelease release) {
        String cookie = ErlTools.randomCookie();
        epmd = Epmd.start(release);
        a = GlobalTesting.erl(release, "ga", cookie, epmd);
        b = GlobalTesting.erl(release, "gb", cookie, epmd);
        jerl = JerlTestNode.start("jerl", cookie, epmd.port());
        global = Global.start(jerl, true);
        assertEquals("pong", a.eval("net_adm:ping(" + b.atom() + ")"));
        assertTrue(jerl.connect(Atom.of(a.name())));
        assertTrue(jerl.connect(Atom.of(b.name())));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        GlobalTesting.closeAll(global, a, b, jerl, epmd);
    }

    @AfterEach
    void noErrorReports() {
        GlobalTesting.assertNoErrorReports(a, b);
    }

    @Test
    void syncReturnsOkOnEveryNodeWithinFiveSeconds() {
        assertEquals("ok", a.eval("global:sync()", SYNC_LIMIT));
        assertEquals("ok", b.eval("global:sync()", SYNC_LIMIT));
        assertTrue(global.sync(SYNC_LIMIT), "jerl's Global.sync");
        assertTrue(global.syncedNodes().containsAll(java.util.List.of(Atom.of(a.name()), Atom.of(b.name()))),
                "jerl synced with both: " + global.syncedNodes());
        // erl's global counts jerl in: jerl is in each erl's synced list
        String jerlAtom = atom(jerl);
        assertEquals("true", a.eval("lists:member(" + jerlAtom + ", gen_server:call(global_name_server, get_synced))"));
        assertEquals("true", b.eval("lists:member(" + jerlAtom + ", gen_server:call(global_name_server, get_synced))"));
    }

    @Test
    void aNameRegisteredOnErlIsFoundAndReachedFromJerl() throws InterruptedException {
        sync();
        assertEquals("yes", a.eval("global:register_name(from_erl, self())"));
        try {
            Pid pid = global.whereisName(Atom.of("from_erl"));
            assertNotNull(pid, "jerl's global knows from_erl");
            assertEquals(Atom.of(a.name()), pid.node());
            assertEquals("true", a.eval("global:whereis_name(from_erl) =:= self()"));
            assertTrue(global.registeredNames().contains(Atom.of("from_erl")));
            Mailbox m = jerl.spawnMailbox();
            try {
                assertEquals(pid, global.send(m.pid(), Atom.of("from_erl"), new Tuple(Atom.of("hi"), m.pid())));
                assertEquals("true", a.eval("receive {hi, P} -> node(P) =:= " + atom(jerl) + " after 5000 -> timeout end"));
            } finally {
                m.close();
            }
            // B has it too, with the same pid
            assertEquals("true", b.eval("node(global:whereis_name(from_erl)) =:= " + a.atom()));
        } finally {
            assertEquals("ok", a.eval("global:unregister_name(from_erl)"));
        }
        assertNull(global.whereisName(Atom.of("from_erl")), "unregistered on erl: gone on jerl");
        assertFalse(global.registeredNames().contains(Atom.of("from_erl")));
        assertEquals("undefined", b.eval("global:whereis_name(from_erl)"));
    }

    @Test
    void aNameHeldByAnErlProcessThatDiesWhileItsNodeStaysUpDisappearsOnJerl() {
        sync();
        assertEquals("yes", a.eval("Doomed = spawn(fun() -> receive stop -> ok end end),"
                + " global:register_name(doomed_name, Doomed)"));
        assertNotNull(global.whereisName(Atom.of("doomed_name")));
        a.eval("Doomed ! stop");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (global.whereisName(Atom.of("doomed_name")) != null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertNull(global.whereisName(Atom.of("doomed_name")), "jerl's monitor on the holder dropped the name");
        assertFalse(global.registeredNames().contains(Atom.of("doomed_name")));
    }

    @Test
    void aNameRegisteredOnJerlIsFoundAndReachedFromBothErls() throws InterruptedException {
        sync();
        Mailbox m = jerl.spawnMailbox();
        try {
            assertTrue(global.registerName(Atom.of("from_jerl"), m.pid()));
            assertEquals(m.pid(), global.whereisName(Atom.of("from_jerl")));
            for (ErlNode erl : new ErlNode[] {a, b}) {
                assertEquals("true", erl.eval("node(global:whereis_name(from_jerl)) =:= " + atom(jerl)));
                assertEquals("true", erl.eval("lists:member(from_jerl, global:registered_names())"));
                erl.eval("global:send(from_jerl, {hello, node()})");
                Tuple got = assertInstanceOf(Tuple.class, m.receive(WAIT), "global:send from " + erl.name());
                assertEquals(new Tuple(Atom.of("hello"), Atom.of(erl.name())), got);
            }
            // the pid erl holds is the mailbox's own
            Mailbox probe = jerl.spawnMailbox("probe_gc");
            try {
                a.eval("{probe_gc, " + atom(jerl) + "} ! global:whereis_name(from_jerl)");
                assertEquals(m.pid(), probe.receive(WAIT));
            } finally {
                probe.close();
            }
        } finally {
            global.unregisterName(Atom.of("from_jerl"));
            m.close();
        }
        assertNull(global.whereisName(Atom.of("from_jerl")));
        assertEquals("undefined", a.eval("global:whereis_name(from_jerl)"));
        assertEquals("undefined", b.eval("global:whereis_name(from_jerl)"));
    }

    @Test
    void aTakenNameIsRefusedOnEitherSide() throws InterruptedException {
        sync();
        Mailbox m1 = jerl.spawnMailbox();
        Mailbox m2 = jerl.spawnMailbox();
        a.eval("Holder1 = spawn(fun() -> receive stop -> ok end end)");
        b.eval("Holder2 = spawn(fun() -> receive stop -> ok end end)");
        try {
            assertEquals("yes", a.eval("global:register_name(taken_on_erl, Holder1)"));
            assertFalse(global.registerName(Atom.of("taken_on_erl"), m1.pid()), "jerl is told no");
            assertEquals("true", b.eval("node(global:whereis_name(taken_on_erl)) =:= " + a.atom()));

            assertTrue(global.registerName(Atom.of("taken_on_jerl"), m2.pid()));
            assertEquals("no", b.eval("global:register_name(taken_on_jerl, Holder2)"));
            assertEquals(m2.pid(), global.whereisName(Atom.of("taken_on_jerl")), "still jerl's");
            assertEquals("true", a.eval("node(global:whereis_name(taken_on_jerl)) =:= " + atom(jerl)));
        } finally {
            a.eval("global:unregister_name(taken_on_erl), Holder1 ! stop");
            global.unregisterName(Atom.of("taken_on_jerl"));
            b.eval("Holder2 ! stop");
            m1.close();
            m2.close();
        }
        assertNull(global.whereisName(Atom.of("taken_on_erl")));
        assertEquals("undefined", b.eval("global:whereis_name(taken_on_jerl)"));
    }

    @Test
    void unregisteringWorksBothWays() throws InterruptedException {
        sync();
        Mailbox m = jerl.spawnMailbox();
        try {
            a.eval("Holder3 = spawn(fun() -> receive stop -> ok end end)");
            assertEquals("yes", a.eval("global:register_name(unreg_by_jerl, Holder3)"));
            assertTrue(global.registerName(Atom.of("unreg_by_erl"), m.pid()));
            assertNotNull(global.whereisName(Atom.of("unreg_by_jerl")));

            global.unregisterName(Atom.of("unreg_by_jerl"));
            assertNull(global.whereisName(Atom.of("unreg_by_jerl")));
            assertEquals("undefined", a.eval("global:whereis_name(unreg_by_jerl)"));
            assertEquals("undefined", b.eval("global:whereis_name(unreg_by_jerl)"));

            assertEquals("ok", b.eval("global:unregister_name(unreg_by_erl)"));
            assertNull(global.whereisName(Atom.of("unreg_by_erl")));
            assertEquals("undefined", a.eval("global:whereis_name(unreg_by_erl)"));
        } finally {
            a.eval("Holder3 ! stop");
            m.close();
        }
    }

    @Test
    void sendingToAnUnregisteredNameIsBadarg() {
        Mailbox m = jerl.spawnMailbox();
        try {
            ProtocolException e = assertThrows(ProtocolException.class,
                    () -> global.send(m.pid(), Atom.of("nobody_has_this"), ErlInt.of(42)));
            assertEquals("{badarg,{nobody_has_this,42}}", e.getMessage());
            assertTrue(a.eval("catch global:send(nobody_has_this, 42)").contains("{badarg,{nobody_has_this,42}}"),
                    "the same reason as erl's");
        } finally {
            m.close();
        }
    }

    @Test
    void aNameHeldByAJerlProcessGoesEverywhereWhenTheProcessEnds() {
        sync();
        Mailbox m = jerl.spawnMailbox();
        assertTrue(global.registerName(Atom.of("short_lived"), m.pid()));
        assertEquals("true", b.eval("node(global:whereis_name(short_lived)) =:= " + atom(jerl)));
        m.close();
        global.processExited(m.pid());
        assertNull(global.whereisName(Atom.of("short_lived")));
        assertFalse(global.registeredNames().contains(Atom.of("short_lived")));
        awaitErl(a, "global:whereis_name(short_lived)", "undefined", WAIT);
        awaitErl(b, "global:whereis_name(short_lived)", "undefined", WAIT);
        awaitErl(a, "lists:member(short_lived, global:registered_names())", "false", WAIT);
    }

    @Test
    void aJerlProcessThatEndsWithoutBeingReportedIsNoticedAnyway() {
        sync();
        Mailbox m = jerl.spawnMailbox();
        assertTrue(global.registerName(Atom.of("unreported"), m.pid()));
        m.close();
        assertNull(global.whereisName(Atom.of("unreported")), "whereis checks that a local pid is alive, as erl's");
        await("the name leaves jerl's table", WAIT, () -> !global.registeredNames().contains(Atom.of("unreported")));
        awaitErl(a, "global:whereis_name(unreported)", "undefined", WAIT);
    }

    @Test
    void jerlAnswersTheCallsErlMakes() {
        sync();
        assertEquals("8", a.eval("gen_server:call({global_name_server, " + atom(jerl) + "}, get_protocol_version)"));
        String known = a.eval("gen_server:call({global_name_server, " + atom(jerl) + "}, get_known)");
        assertTrue(known.contains(a.name()) && known.contains(b.name()), "jerl knows both erls: " + known);
        // global:trans/2 takes and releases a lock on every node, jerl included
        assertEquals("done", a.eval("global:trans({my_resource, self()}, fun() -> done end)"));
        // jerl keeps locks as erl does: one requester id per resource at a time
        assertEquals("true", a.eval("global:set_lock({res1, req1}, [node(), " + atom(jerl) + "], 0)"));
        assertEquals("false", b.eval("global:set_lock({res1, other}, [" + atom(jerl) + "], 0)"),
                "jerl refuses a lock held by another requester");
        assertEquals("true", a.eval("global:del_lock({res1, req1}, [node(), " + atom(jerl) + "])"));
        assertEquals("true", b.eval("global:set_lock({res1, other}, [" + atom(jerl) + "], 0)"));
        assertEquals("true", b.eval("global:del_lock({res1, other}, [" + atom(jerl) + "])"));
    }

    private static void sync() {
        assertEquals("ok", a.eval("global:sync()", SYNC_LIMIT));
        assertEquals("ok", b.eval("global:sync()", SYNC_LIMIT));
        assertTrue(global.sync(SYNC_LIMIT));
    }
}
