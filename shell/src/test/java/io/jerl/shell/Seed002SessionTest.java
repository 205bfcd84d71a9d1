package io.jerl.shell;

import io.jerl.shell.PipedShell.Kind;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlTools;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 (connecting remote nodes) in Erlang syntax: node1 spawns a process that receives one message and
 * prints it, registers it with {@code global:register_name(server, Pid)}, and node2 sends to
 * {@code global:whereis_name(server)}; node1 prints {@code I got a message! "hello from node 2!"}. Run with
 * jerl registering and erl sending, and the other way round; transcripts are held to erl's.
 */
class Seed002SessionTest {
    private static final Duration LIMIT = Seed000SessionTest.LIMIT;

    @Test
    void jerlRegistersTheServerAndErlSendsToIt() {
        runSeed(Kind.JERL, Kind.ERL);
    }

    @Test
    void erlRegistersTheServerAndJerlSendsToIt() {
        runSeed(Kind.ERL, Kind.JERL);
    }

    private static void runSeed(Kind node1, Kind node2) {
        String cookie = ErlTools.randomCookie();
        try (Epmd epmd = Epmd.start();
             PipedShell second = PipedShell.start(node2, "node2", cookie, epmd.port(), Transcript.script("002-node2.erl"))) {
            second.awaitOutput(Transcript.prompt("node2", 2), LIMIT); // node2 is up: node1 may connect
            try (PipedShell first = PipedShell.start(node1, "node1", cookie, epmd.port(), Transcript.script("002-node1.erl"))) {
                Transcript firstRun = first.awaitTranscript(LIMIT);
                Transcript secondRun = second.awaitTranscript(LIMIT);
                firstRun.assertMatches("002-node1.out");
                secondRun.assertMatches("002-node2.out");
                firstRun.assertErrorReports();
                secondRun.assertErrorReports();
            }
        }
    }
}
