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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** The listen port range, and ticks: an idle connection stays up, a frozen peer is declared down. */
@AcrossReleases
class ListenAndTickInteropTest {
    @Parameter
    ErlangRelease release;

    @Test
    void portRangeOf9100Only() {
        String cookie = ErlTools.randomCookie();
        try (Epmd epmd = Epmd.start(release);
             Node jerl = JerlTestNode.start("ranged", cookie, epmd.port(), o -> o.withListenRange(9100, 9100));
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).release(release).cookie(cookie).epmdPort(epmd.port()).start()) {
            assertEquals(9100, jerl.port());
            assertEquals("9100", erl.eval("{ok, Names} = net_adm:names(), proplists:get_value(\""
                    + jerl.nodeName().alive() + "\", Names)"));
            assertEquals("pong", erl.eval("net_adm:ping(" + atom(jerl) + ")"), "erl reaches jerl on that port");
        }
    }

    @Test
    void idleConnectionSurvivesTicksAndAFrozenPeerIsDeclaredDown() throws InterruptedException {
        String cookie = ErlTools.randomCookie();
        Duration tick = Duration.ofSeconds(4);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (Epmd epmd = Epmd.start(release);
             Node jerl = JerlTestNode.start("ticker", cookie, epmd.port(), o -> o.withNetTickTime(tick));
             ErlNode erl = ErlNode.builder(ErlTools.uniqueName("erl")).release(release).cookie(cookie).epmdPort(epmd.port())
                     .args("-kernel", "net_ticktime", "4").start()) {
            jerl.addNodeListener(new NodeListener() {
                @Override
                public void nodeUp(Atom node, boolean hidden) {
                    events.add("up " + node.name());
                }

                @Override
                public void nodeDown(Atom node, String reason) {
                    events.add("down " + node.name() + " " + reason);
                }
            });
            assertTrue(jerl.connect(Atom.of(erl.name())));
            assertEquals("up " + erl.name(), events.poll(5, TimeUnit.SECONDS));

            // Three whole tick periods with no traffic but ticks.
            Thread.sleep(tick.toMillis() * 3 + 500);
            assertEquals(List.of(Atom.of(erl.name())), jerl.nodes());
            assertTrue(erl.eval("nodes()").contains(jerl.name().name()), "erl still lists jerl");
            assertEquals(null, events.poll(), "no nodedown while idle");

            erl.suspend();
            long frozenAt = System.nanoTime();
            String down = events.poll(tick.toMillis() * 2 + 2000, TimeUnit.MILLISECONDS);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozenAt);
            assertTrue(down != null && down.startsWith("down " + erl.name() + " not responding"),
                    "nodedown for the frozen peer, got " + down);
            assertTrue(jerl.nodes().isEmpty());
            assertTrue(tookMs >= tick.toMillis() - 1500, "declared down after about net_ticktime, took " + tookMs + " ms");
            erl.resume();
        }
    }
}
