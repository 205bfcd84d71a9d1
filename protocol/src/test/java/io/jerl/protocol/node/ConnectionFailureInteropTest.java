package io.jerl.protocol.node;

import static io.jerl.testing.JerlTestNode.atom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.term.Atom;
import io.jerl.testing.AcrossReleases;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.ErlangRelease;
import io.jerl.testing.JerlTestNode;
import io.jerl.testing.LogCapture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** What goes wrong when nodes cannot talk: wrong cookies, a name already taken, and what each side says. */
@AcrossReleases
class ConnectionFailureInteropTest {
    @Parameter
    ErlangRelease release;
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void wrongCookieEitherWayIsRefusedAndBothSidesSayWhy() {
        try (Epmd epmd = Epmd.start(release);
             LogCapture logs = LogCapture.start();
             Node jerl = JerlTestNode.start("jerl", "JERLCOOKIE", epmd.port());
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).release(release).cookie("ERLCOOKIE").epmdPort(epmd.port()).start()) {
            // jerl dials erl: connect returns false, jerl says which node and that the cookies differ...
            assertFalse(jerl.connect(Atom.of(erl.name())));
            logs.await(WAIT, "cannot connect to " + erl.name(), "cookies differ");
            // ...and erl logs its own rejection, naming jerl.
            erl.awaitOutput("Connection attempt from node " + jerl.name().name() + " rejected", WAIT);

            // erl dials jerl: erl gets false, jerl logs erl's line naming the node.
            assertEquals("false", erl.eval("net_kernel:connect_node(" + atom(jerl) + ")"));
            logs.await(WAIT, "** Connection attempt from node " + erl.name() + " rejected. Invalid challenge reply. **");
            assertTrue(jerl.nodes().isEmpty());
            assertFalse(logs.lines().stream().anyMatch(l -> l.contains("JERLCOOKIE") || l.contains("ERLCOOKIE")),
                    "no log line may contain a cookie");
        }
    }

    @Test
    void aFailedDialEndsSoTheNextConnectDialsAgain() throws Exception {
        String name = ErlTools.uniqueName("later");
        Atom peer = Atom.of(name + "@" + ErlTools.shortHostName());
        try (Epmd epmd = Epmd.start(release);
             LogCapture logs = LogCapture.start();
             Node jerl = JerlTestNode.start("jerl", "C", epmd.port())) {
            // EPMD names a port nobody listens on (a node behind a firewall, or one that just died).
            try (var stale = jerl.epmdClient().register(name, ErlTools.freePort(), false).get(10, TimeUnit.SECONDS)) {
                assertFalse(jerl.connect(peer));
                logs.await(WAIT, "cannot connect to " + peer.name(), "cannot reach");
            }
            // Once the node is really there, connecting works: the failed dial left nothing behind.
            try (ErlNode erl = ErlNode.builder(name).release(release).cookie("C").epmdPort(epmd.port()).start()) {
                assertTrue(jerl.connect(peer), "a second connect_node after a failed one");
            }
        }
    }

    @Test
    void aNameErlAlreadyRegisteredIsRefusedWithTheClashNamed() {
        String name = ErlTools.uniqueName("clash");
        try (Epmd epmd = Epmd.start(release);
             ErlNode erl = ErlNode.builder(name).release(release).epmdPort(epmd.port()).start()) {
            ProtocolException e = assertThrows(ProtocolException.class, () ->
                    Node.start(NodeName.shortName(name), "C", NodeOptions.defaults().withEpmdPort(epmd.port())));
            assertTrue(e.getMessage().contains(name), e.getMessage());
            assertTrue(erl.isAlive());
            assertEquals("pong", erl.eval("net_adm:ping(node())"), "the erl holding the name is undisturbed");
        }
    }

    @Test
    void aNameAnotherJerlNodeHoldsIsRefused() {
        try (Epmd epmd = Epmd.start(release);
             Node first = JerlTestNode.start("twin", "C", epmd.port())) {
            ProtocolException e = assertThrows(ProtocolException.class, () ->
                    Node.start(first.nodeName(), "C", NodeOptions.defaults().withEpmdPort(epmd.port())));
            assertTrue(e.getMessage().contains(first.nodeName().alive()), e.getMessage());
        }
    }
}
