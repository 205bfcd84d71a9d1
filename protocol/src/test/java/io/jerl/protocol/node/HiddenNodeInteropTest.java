package io.jerl.protocol.node;

import static io.jerl.testing.JerlTestNode.atom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.term.Atom;
import io.jerl.testing.AcrossReleases;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.ErlangRelease;
import io.jerl.testing.JerlTestNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** A hidden jerl node (-hidden): connected, but only in nodes(hidden) on both sides, as erl does it. */
@AcrossReleases
class HiddenNodeInteropTest {
    @Parameter
    ErlangRelease release;

    @Test
    void aHiddenJerlIsOnlyInNodesHidden() {
        String cookie = ErlTools.randomCookie();
        try (Epmd epmd = Epmd.start(release);
             Node jerl = JerlTestNode.start("shy", cookie, epmd.port(), o -> o.withHidden(true));
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).release(release).cookie(cookie).epmdPort(epmd.port()).start()) {
            assertTrue(jerl.ping(Atom.of(erl.name())));
            assertEquals("[]", erl.eval("nodes()"));
            assertEquals("[" + jerl.name().name() + "]", erl.eval("nodes(hidden)"));
            assertEquals("[" + jerl.name().name() + "]", erl.eval("nodes(connected)"));
            assertEquals(List.of(), jerl.nodes());
            assertEquals(List.of(Atom.of(erl.name())), jerl.nodes(true, false));
            assertEquals("pong", erl.eval("net_adm:ping(" + atom(jerl) + ")"), "hidden, but still reachable");
        }
    }

    @Test
    void aVisibleJerlSeesAHiddenErlOnlyInNodesHidden() {
        String cookie = ErlTools.randomCookie();
        try (Epmd epmd = Epmd.start(release);
             Node jerl = JerlTestNode.start("open", cookie, epmd.port());
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).release(release).cookie(cookie).epmdPort(epmd.port())
                     .args("-hidden").start()) {
            assertTrue(jerl.ping(Atom.of(erl.name())));
            assertEquals(List.of(), jerl.nodes());
            assertEquals(List.of(Atom.of(erl.name())), jerl.nodes(true, false));
            assertEquals("[" + jerl.name().name() + "]", erl.eval("nodes(hidden)"));
        }
    }
}
