package io.jerl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The harness itself: two real erl nodes on a private EPMD see each other, and teardown stops them. */
class ErlNodeHarnessTest {
    @Test
    void twoErlNodesOnAPrivateEpmdPingEachOther() {
        String cookie = ErlTools.randomCookie();
        try (Epmd epmd = Epmd.start();
             ErlNode a = ErlNode.builder(ErlTools.uniqueName("a")).cookie(cookie).epmdPort(epmd.port()).start();
             ErlNode b = ErlNode.builder(ErlTools.uniqueName("b")).cookie(cookie).epmdPort(epmd.port()).start()) {
            assertEquals("pong", a.eval("net_adm:ping(" + b.atom() + ")"));
            assertEquals("[" + a.name() + "]", b.eval("nodes()"));
            assertEquals("3", a.eval("X = 1 + 2"));
            assertEquals("6", a.eval("X * 2"), "bindings persist between evals");
            assertTrue(a.evalError("1 = 2").contains("badmatch"));
            a.close();
            assertTrue(!a.isAlive());
        }
    }
}
