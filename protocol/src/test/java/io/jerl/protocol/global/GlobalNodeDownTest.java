package io.jerl.protocol.global;

import static io.jerl.protocol.global.GlobalTesting.SYNC_LIMIT;
import static io.jerl.protocol.global.GlobalTesting.atom;
import static io.jerl.protocol.global.GlobalTesting.await;
import static io.jerl.protocol.global.GlobalTesting.awaitErl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.JerlTestNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Names held by processes on a node that goes away disappear, whichever kind of node it was. */
class GlobalNodeDownTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private Epmd epmd;
    private ErlNode a;
    private ErlNode b;
    private Node jerl;
    private Node jerl2;
    private Global global;
    private Global global2;

    @AfterEach
    void stop() {
        GlobalTesting.closeAll(global, global2, a, b, jerl, jerl2, epmd);
    }

    @Test
    void aNameHeldOnAKilledErlNodeDisappearsFromJerl() {
        String cookie = ErlTools.randomCookie();
        epmd = Epmd.start();
        a = GlobalTesting.erl("da", cookie, epmd);
        b = GlobalTesting.erl("db", cookie, epmd);
        jerl = JerlTestNode.start("jerl", cookie, epmd.port());
        global = Global.start(jerl, true);
        assertEquals("pong", a.eval("net_adm:ping(" + b.atom() + ")"));
        assertTrue(jerl.connect(Atom.of(a.name())));
        assertTrue(jerl.connect(Atom.of(b.name())));
        assertEquals("ok", a.eval("global:sync()", SYNC_LIMIT));
        assertEquals("ok", b.eval("global:sync()", SYNC_LIMIT));
        assertTrue(global.sync(SYNC_LIMIT));

        b.eval("Doomed = spawn(fun() -> receive stop -> ok end end)");
        assertEquals("yes", b.eval("global:register_name(doomed, Doomed)"));
        assertEquals("yes", a.eval("global:register_name(survivor, self())"));
        assertNotNull(global.whereisName(Atom.of("doomed")));
        assertEquals(Atom.of(b.name()), global.whereisName(Atom.of("doomed")).node());
        GlobalTesting.assertNoErrorReports(a, b);

        b.kill();
        await("jerl sees " + b.name() + " go down", WAIT, () -> !jerl.nodes().contains(Atom.of(b.name())));
        await("doomed leaves jerl's table", WAIT, () -> global.whereisName(Atom.of("doomed")) == null);
        assertFalse(global.registeredNames().contains(Atom.of("doomed")));
        // The monitor's 'DOWN' (noconnection) may drop the name before global hears the nodedown itself.
        await("jerl's global forgets " + b.name(), WAIT, () -> !global.knownNodes().contains(Atom.of(b.name())));
        assertNotNull(global.whereisName(Atom.of("survivor")), "names on live nodes stay");
        awaitErl(a, "global:whereis_name(doomed)", "undefined", WAIT);

        // what is left still works: sync, and a new registration from each side
        assertEquals("ok", a.eval("global:sync()", SYNC_LIMIT));
        assertTrue(global.sync(SYNC_LIMIT));
        Mailbox m = jerl.spawnMailbox();
        assertTrue(global.registerName(Atom.of("after_the_fall"), m.pid()));
        assertEquals("true", a.eval("node(global:whereis_name(after_the_fall)) =:= " + atom(jerl)));
        GlobalTesting.assertNoErrorReports(a);
    }

    @Test
    void aNameHeldOnAJerlNodeThatStopsDisappearsFromErlAndFromOtherJerls() {
        String cookie = ErlTools.randomCookie();
        epmd = Epmd.start();
        a = GlobalTesting.erl("dc", cookie, epmd);
        jerl = JerlTestNode.start("jerl", cookie, epmd.port());
        jerl2 = JerlTestNode.start("jerlb", cookie, epmd.port());
        global = Global.start(jerl, true);
        global2 = Global.start(jerl2, true);
        assertTrue(jerl.connect(Atom.of(a.name())));
        assertTrue(jerl2.connect(Atom.of(a.name())));
        // connect_all: each jerl hears of the other from erl and connects to it
        await("the jerls connect to each other", WAIT, () -> jerl.nodes().contains(jerl2.name()));
        assertEquals("ok", a.eval("global:sync()", SYNC_LIMIT));
        assertTrue(global.sync(SYNC_LIMIT));
        assertTrue(global2.sync(SYNC_LIMIT));

        Mailbox m = jerl2.spawnMailbox();
        assertTrue(global2.registerName(Atom.of("on_jerl2"), m.pid()));
        assertEquals(m.pid(), global.whereisName(Atom.of("on_jerl2")), "jerl to jerl");
        assertEquals("true", a.eval("node(global:whereis_name(on_jerl2)) =:= " + atom(jerl2)));
        GlobalTesting.assertNoErrorReports(a);

        global2.close();
        jerl2.close();
        awaitErl(a, "global:whereis_name(on_jerl2)", "undefined", WAIT);
        await("on_jerl2 leaves the other jerl", WAIT, () -> global.whereisName(Atom.of("on_jerl2")) == null);
        assertEquals("ok", a.eval("global:sync()", SYNC_LIMIT));
        GlobalTesting.assertNoErrorReports(a);
    }
}
