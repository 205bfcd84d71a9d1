package io.jerl.protocol.global;

import static io.jerl.protocol.global.GlobalTesting.SYNC_LIMIT;
import static io.jerl.protocol.global.GlobalTesting.atom;
import static io.jerl.protocol.global.GlobalTesting.await;
import static io.jerl.protocol.global.GlobalTesting.awaitErl;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * Two partitions that registered the same name meet. The node whose name sorts first resolves the conflict
 * with the default method (random_exit_name): the process on the node that sorts first keeps the name, the
 * other is killed. Both directions: erl resolving (erl's node sorts before jerl's) and jerl resolving.
 */
class GlobalConflictTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private Epmd epmd;
    private ErlNode erl;
    private Node jerl;
    private Global global;

    @AfterEach
    void stop() {
        GlobalTesting.closeAll(global, erl, jerl, epmd);
    }

    @Test
    void erlResolvesAndJerlsHolderIsKilled() {
        Mailbox m = meet("aaerl");
        await("jerl's holder is killed", WAIT, () -> !m.isAlive());
        awaitErl(erl, "global:whereis_name(dup) =:= Holder", "true", WAIT);
        await("jerl agrees", WAIT, () -> Atom.of(erl.name()).equals(nodeOfDup()));
        assertEquals("true", erl.eval("is_process_alive(Holder)"));
        GlobalTesting.assertNoErrorReports(erl);
    }

    @Test
    void jerlResolvesAndErlsHolderIsKilled() {
        Mailbox m = meet("zzerl");
        awaitErl(erl, "is_process_alive(Holder)", "false", WAIT);
        awaitErl(erl, "node(global:whereis_name(dup)) =:= " + atom(jerl), "true", WAIT);
        assertEquals(m.pid(), global.whereisName(Atom.of("dup")));
        assertTrue(m.isAlive());
        GlobalTesting.assertNoErrorReports(erl);
    }

    /** Registers dup on each side apart, then connects them and waits for global to sync. */
    private Mailbox meet(String erlPrefix) {
        String cookie = ErlTools.randomCookie();
        epmd = Epmd.start();
        erl = GlobalTesting.erl(erlPrefix, cookie, epmd);
        jerl = JerlTestNode.start("jerl", cookie, epmd.port());
        global = Global.start(jerl, true);
        Mailbox m = jerl.spawnMailbox();
        assertTrue(global.registerName(Atom.of("dup"), m.pid()));
        erl.eval("Holder = spawn(fun() -> receive stop -> ok end end)");
        assertEquals("yes", erl.eval("global:register_name(dup, Holder)"));
        assertTrue(jerl.connect(Atom.of(erl.name())));
        assertEquals("ok", erl.eval("global:sync()", SYNC_LIMIT));
        assertTrue(global.sync(SYNC_LIMIT));
        return m;
    }

    private Atom nodeOfDup() {
        var p = global.whereisName(Atom.of("dup"));
        return p == null ? null : p.node();
    }
}
