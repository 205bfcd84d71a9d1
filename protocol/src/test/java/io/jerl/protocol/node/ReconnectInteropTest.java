package io.jerl.protocol.node;

import static io.jerl.testing.JerlTestNode.atom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.testing.Await;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.JerlTestNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A peer that restarts under the same name is a new incarnation with a new creation: jerl connects to it on
 * the next send, and the pids of the old incarnation stay dead even where the new one has a process with the
 * very same numbers. A real erl (the witness) shows what erl answers for the same old pid.
 */
class ReconnectInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aRestartedPeerIsReachedAgainAndItsOldPidsAreNotTheNewOnes() throws Exception {
        String cookie = ErlTools.randomCookie();
        String name = ErlTools.uniqueName("phoenix");
        try (Epmd epmd = Epmd.start();
             Node jerl = JerlTestNode.start("keeper", cookie, epmd.port());
             ErlNode witness = ErlNode.builder(ErlTools.uniqueName("witness")).cookie(cookie).epmdPort(epmd.port())
                     .start()) {
            Mailbox box = jerl.spawnMailbox("box");
            witness.eval("register(shell, self())");
            Pid old;
            String oldText;
            try (ErlNode first = ErlNode.builder(name).cookie(cookie).epmdPort(epmd.port()).start()) {
                // Past the processes a fresh node starts, so the next incarnation can reach the same numbers.
                oldText = first.eval("[spawn(fun() -> ok end) || _ <- lists:seq(1, 500)],"
                        + " Old = spawn(fun() -> receive _ -> ok end end), {box, " + atom(jerl) + "} ! Old,"
                        + " {shell, " + witness.atom() + "} ! {old, Old}, pid_to_list(Old)");
                old = assertInstanceOf(Pid.class, box.receive(WAIT));
                // erl's send returns before delivery: the witness must have it before the sender dies.
                assertEquals("ok", witness.eval("receive {old, OldPid} -> ok after 10000 -> timeout end"));
                first.kill();
            }
            Await.until("jerl saw the first incarnation go", WAIT, () -> jerl.nodes().stream()
                    .noneMatch(n -> n.name().equals(old.node().name())));

            try (ErlNode second = ErlNode.builder(name).cookie(cookie).epmdPort(epmd.port()).start()) {
                // The next send by name connects again, as erl's auto-connect does.
                second.eval("register(shell, self())");
                box.send(new Tuple(Atom.of("shell"), Atom.of(second.name())), new Tuple(Atom.of("hello"), box.pid()));
                assertEquals("hello", second.eval("receive {hello, _} -> hello after 10000 -> timeout end"));
                int newCreation = Integer.parseUnsignedInt(second.eval("erlang:system_info(creation)"));
                assertNotEquals(old.creation(), newCreation, "a new incarnation has a new creation");

                // A process of the new incarnation with the old pid's numbers, telling jerl what it gets first.
                String twin = second.eval("Target = " + oldText + ", (fun Twin() -> P = spawn(fun() -> receive M ->"
                        + " {box, " + atom(jerl) + "} ! {twin_got, M} end end), case pid_to_list(P) of Target -> Target;"
                        + " _ -> exit(P, kill), Twin() end end)()");
                assertEquals(oldText, twin, "the twin has the old numbers");
                box.send(old, Atom.of("for_the_old_one"));
                second.eval("list_to_pid(" + oldText + ") ! probe");
                assertEquals(new Tuple(Atom.of("twin_got"), Atom.of("probe")), box.receive(WAIT),
                        "the message to the old pid did not reach the twin");

                // Monitor and link on the old pid: the answers erl gives for the same pid.
                assertEquals("pong", witness.eval("net_adm:ping(" + second.atom() + ")"));
                String erlSays = witness.eval("process_flag(trap_exit, true), MRef = monitor(process, OldPid),"
                        + " link(OldPid), {receive {'DOWN', MRef, process, _, R1} -> R1 after 15000 -> timeout end,"
                        + " receive {'EXIT', OldPid, R2} -> R2 after 15000 -> timeout end}", Duration.ofSeconds(40));
                System.out.println("erl's {monitor, link} answers for a pid of the old incarnation: " + erlSays);
                Mailbox watcher = jerl.spawnMailbox();
                watcher.trapExit(true);
                Ref mon = watcher.monitor(old);
                Term down = watcher.receive(t -> t instanceof Tuple d && d.get(0).equals(Atom.of("DOWN")), WAIT);
                watcher.link(old);
                Term exit = watcher.receive(t -> t instanceof Tuple d && d.get(0).equals(Atom.of("EXIT")), WAIT);
                assertEquals(new Tuple(Atom.of("DOWN"), mon, Atom.of("process"), old, downReason(erlSays, 0)), down);
                assertEquals(new Tuple(Atom.of("EXIT"), old, downReason(erlSays, 1)), exit);
                assertTrue(jerl.nodes().contains(Atom.of(second.name())), "still connected to the new incarnation");
            }
        }
    }

    /** Element {@code i} of erl's {R1,R2} answer, as an atom. */
    private static Atom downReason(String pair, int i) {
        return Atom.of(pair.replaceAll("[{}]", "").split(",")[i]);
    }
}
