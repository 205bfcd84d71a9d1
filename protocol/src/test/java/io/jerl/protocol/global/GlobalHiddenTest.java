package io.jerl.protocol.global;

import static io.jerl.protocol.global.GlobalTesting.atom;
import static io.jerl.protocol.global.GlobalTesting.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** A hidden jerl node is no part of global: erl's global ignores it and it ignores erl's. */
class GlobalHiddenTest {
    private Epmd epmd;
    private ErlNode a;
    private Node jerl;
    private Global global;

    @AfterEach
    void stop() {
        GlobalTesting.closeAll(global, a, jerl, epmd);
    }

    @Test
    void erlsGlobalIgnoresAHiddenJerlNode() {
        String cookie = ErlTools.randomCookie();
        epmd = Epmd.start();
        a = GlobalTesting.erl("ha", cookie, epmd);
        jerl = JerlTestNode.start("jerl", cookie, epmd.port(), o -> o.withHidden(true));
        global = Global.start(jerl, true);
        assertTrue(jerl.connect(Atom.of(a.name())));

        assertEquals("false", a.eval("lists:member(" + atom(jerl) + ", nodes())"), "not in erl's nodes()");
        assertEquals("true", a.eval("lists:member(" + atom(jerl) + ", nodes(hidden))"), "in nodes(hidden)");
        long t0 = System.nanoTime();
        assertEquals("ok", a.eval("global:sync()", Duration.ofSeconds(2)));
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(1).toNanos(), "sync returns at once");
        assertTrue(global.sync(Duration.ofMillis(200)), "jerl's sync has no visible node to wait for");

        // a jerl name stays on jerl, an erl name stays on erl
        Mailbox m = jerl.spawnMailbox();
        assertTrue(global.registerName(Atom.of("hidden_name"), m.pid()));
        assertEquals(m.pid(), global.whereisName(Atom.of("hidden_name")));
        assertEquals("yes", a.eval("global:register_name(erl_name, self())"));
        sleep(500);
        assertEquals("[erl_name]", a.eval("global:registered_names()"), "no jerl names on erl");
        assertEquals("undefined", a.eval("global:whereis_name(hidden_name)"));
        assertNull(global.whereisName(Atom.of("erl_name")));
        assertEquals("false", a.eval("lists:member(" + atom(jerl) + ", gen_server:call(global_name_server, get_known))"));

        // it still answers a call harmlessly
        assertEquals("8", a.eval("gen_server:call({global_name_server, " + atom(jerl) + "}, get_protocol_version)"));
        assertEquals("true", a.eval("global:set_lock({r, q}, [" + atom(jerl) + "], 0)"));
        assertEquals("true", a.eval("global:del_lock({r, q}, [" + atom(jerl) + "])"));
        GlobalTesting.assertNoErrorReports(a);
    }
}
