package io.jerl.protocol.node;

import static io.jerl.testing.JerlTestNode.atom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.JerlTestNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * jerl and two erl nodes, all visible to each other. Killing one erl with SIGKILL: nodedown everywhere,
 * 'DOWN' with noconnection for monitors on its processes, {'EXIT', Pid, noconnection} for trapping links.
 */
class ClusterInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void threeNodesSeeEachOtherAndSurviveOneBeingKilled() throws InterruptedException {
        String cookie = ErlTools.randomCookie();
        try (Epmd epmd = Epmd.start();
             Node jerl = JerlTestNode.start("trio", cookie, epmd.port());
             ErlNode a = ErlNode.builder(ErlTools.uniqueName("a")).cookie(cookie).epmdPort(epmd.port()).start();
             ErlNode b = ErlNode.builder(ErlTools.uniqueName("b")).cookie(cookie).epmdPort(epmd.port()).start()) {
            assertEquals("true", a.eval("net_kernel:connect_node(" + b.atom() + ")"));
            assertTrue(jerl.connect(Atom.of(a.name())));
            assertTrue(jerl.connect(Atom.of(b.name())));
            assertEquals(Set.of(Atom.of(a.name()), Atom.of(b.name())), new HashSet<>(jerl.nodes()));
            for (ErlNode n : List.of(a, b)) {
                String nodes = n.eval("nodes()");
                assertTrue(nodes.contains(jerl.name().name()), n.name() + " lists jerl: " + nodes);
            }

            Mailbox watcher = jerl.spawnMailbox();
            watcher.trapExit(true);
            watcher.monitorNodes(true);
            b.eval("register(victim, spawn(fun() -> receive stop -> ok end end))");
            Ref mon = watcher.monitor(new Tuple(Atom.of("victim"), Atom.of(b.name())));
            Mailbox courier = jerl.spawnMailbox("courier");
            b.eval("{courier, " + atom(jerl) + "} ! whereis(victim)");
            Pid victim = assertInstanceOf(Pid.class, courier.receive(WAIT));
            watcher.link(victim);
            Thread.sleep(200);
            a.eval("monitor_node(" + b.atom() + ", true)");

            b.kill();

            Set<Term> got = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                got.add(watcher.receive(WAIT));
            }
            assertEquals(Set.of(
                    new Tuple(Atom.of("DOWN"), mon, Atom.of("process"), new Tuple(Atom.of("victim"), Atom.of(b.name())),
                            Atom.of("noconnection")),
                    new Tuple(Atom.of("EXIT"), victim, Atom.of("noconnection")),
                    new Tuple(Atom.of("nodedown"), Atom.of(b.name()))), got);
            assertEquals(List.of(Atom.of(a.name())), jerl.nodes());
            assertEquals("down", a.eval("receive {nodedown, " + b.atom() + "} -> down after 15000 -> timeout end"));
            assertEquals("[" + jerl.name().name() + "]", a.eval("nodes()"));
            assertTrue(a.output().stream().noneMatch(l -> l.contains("ERROR REPORT") || l.contains("CRASH REPORT")),
                    String.join("\n", a.output()));
        }
    }
}
