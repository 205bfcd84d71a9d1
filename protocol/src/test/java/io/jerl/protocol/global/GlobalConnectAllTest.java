package io.jerl.protocol.global;

import static io.jerl.protocol.global.GlobalTesting.SYNC_LIMIT;
import static io.jerl.protocol.global.GlobalTesting.atom;
import static io.jerl.protocol.global.GlobalTesting.await;
import static io.jerl.protocol.global.GlobalTesting.sleep;
import static io.jerl.protocol.global.GlobalTesting.syncWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transitive connections: jerl connects to erl A only, and A is connected to erl B. With connect_all jerl
 * ends up connected to B; without it, it does not, and erl's global treats it exactly as an erl node started
 * with {@code -connect_all false}: it never syncs with it, so {@code global:sync()} waits for it for ever.
 */
class GlobalConnectAllTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private String cookie;
    private Epmd epmd;
    private ErlNode a;
    private ErlNode b;
    private ErlNode c;
    private Node jerl;
    private Global global;

    @BeforeEach
    void start() {
        cookie = ErlTools.randomCookie();
        epmd = Epmd.start();
        a = GlobalTesting.erl("ta", cookie, epmd);
        b = GlobalTesting.erl("tb", cookie, epmd);
        assertEquals("pong", a.eval("net_adm:ping(" + b.atom() + ")"));
        assertEquals("ok", a.eval("global:sync()", SYNC_LIMIT));
    }

    @AfterEach
    void stop() {
        try {
            GlobalTesting.assertNoErrorReports(a, b, c);
        } finally {
            GlobalTesting.closeAll(global, a, b, c, jerl, epmd);
        }
    }

    @Test
    void withConnectAllJerlConnectsToTheNodesErlTellsItAbout() {
        jerl = JerlTestNode.start("jerl", cookie, epmd.port());
        global = Global.start(jerl, true);
        assertTrue(jerl.connect(Atom.of(a.name())));
        await("jerl connects to " + b.name() + " (which it was never told to connect to)", WAIT,
                () -> jerl.nodes().contains(Atom.of(b.name())));
        assertEquals("true", b.eval("lists:member(" + atom(jerl) + ", nodes())"));
        assertEquals("ok", a.eval("global:sync()", SYNC_LIMIT));
        assertEquals("ok", b.eval("global:sync()", SYNC_LIMIT));
        assertTrue(global.sync(SYNC_LIMIT));

        Mailbox m = jerl.spawnMailbox();
        assertTrue(global.registerName(Atom.of("via_a"), m.pid()));
        assertEquals("true", b.eval("node(global:whereis_name(via_a)) =:= " + atom(jerl)));
        assertEquals("yes", b.eval("global:register_name(via_b, self())"));
        assertEquals(Atom.of(b.name()), global.whereisName(Atom.of("via_b")).node());
    }

    @Test
    void globalStartedAfterTheConnectionsAreUpStillSyncs() {
        // erl's init_connect reached jerl before global_name_server existed there and was dropped; the tag
        // check of init_connect_ack has to recover from that.
        jerl = JerlTestNode.start("jerl", cookie, epmd.port());
        assertTrue(jerl.connect(Atom.of(a.name())));
        assertTrue(jerl.connect(Atom.of(b.name())));
        sleep(300);
        global = Global.start(jerl, true);
        assertEquals("ok", a.eval("global:sync()", SYNC_LIMIT));
        assertEquals("ok", b.eval("global:sync()", SYNC_LIMIT));
        assertTrue(global.sync(SYNC_LIMIT));
        assertEquals("yes", a.eval("global:register_name(late, self())"));
        assertEquals(Atom.of(a.name()), global.whereisName(Atom.of("late")).node());
    }

    @Test
    void withoutConnectAllJerlStaysOutLikeAnErlNodeWithConnectAllFalse() {
        // First what erl does with an erl node started with -connect_all false, for comparison.
        c = GlobalTesting.erl("tc", cookie, epmd, "-connect_all", "false");
        assertEquals("pong", c.eval("net_adm:ping(" + a.atom() + ")"));
        sleep(1500);
        assertEquals("false", c.eval("lists:member(" + b.atom() + ", nodes())"), "no transitive connection");
        assertEquals("timeout", syncWithin(a, Duration.ofSeconds(2)), "erl's sync waits for the connect_all-false node");
        c.close();
        c = null;
        assertEquals("ok", a.eval("global:sync()", SYNC_LIMIT));

        // Now a jerl node with connectAll false, in the same place.
        jerl = JerlTestNode.start("jerl", cookie, epmd.port());
        global = Global.start(jerl, false);
        assertTrue(jerl.connect(Atom.of(a.name())));
        sleep(1500);
        assertFalse(jerl.nodes().contains(Atom.of(b.name())), "jerl did not connect to " + b.name());
        assertEquals("false", b.eval("lists:member(" + atom(jerl) + ", nodes())"));
        assertEquals("timeout", syncWithin(a, Duration.ofSeconds(2)), "erl's sync waits for jerl as for erl");
        assertEquals("ok", b.eval("global:sync()", SYNC_LIMIT), "B never heard of jerl");
        assertFalse(global.sync(Duration.ofMillis(500)), "jerl's own sync does not complete either, as erl's");
        assertTrue(global.syncedNodes().isEmpty());

        // Names stay on their own side, as between erl nodes that do not sync.
        Mailbox m = jerl.spawnMailbox();
        assertTrue(global.registerName(Atom.of("local_only"), m.pid()));
        assertEquals("undefined", a.eval("global:whereis_name(local_only)"));
        assertEquals("yes", a.eval("global:register_name(erl_only, self())"));
        assertEquals(null, global.whereisName(Atom.of("erl_only")));
    }
}
