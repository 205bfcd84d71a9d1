package io.jerl.shell;

import io.jerl.shell.PipedShell.Kind;
import io.jerl.shell.SeedPair.Role;
import io.jerl.testing.ErlTools;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 (connecting remote nodes) in Erlang syntax: node1 spawns a process that receives one message and
 * prints it, registers it with {@code global:register_name(server, Pid)}, and node2 sends to
 * {@code global:whereis_name(server)}; node1 prints {@code I got a message! "hello from node 2!"}. Run with
 * jerl registering and erl sending, and the other way round; transcripts are held to erl's.
 */
class Seed002SessionTest {
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
        SeedPair.Result r = SeedPair.run("002", new Role(node1, "node1", cookie), new Role(node2, "node2", cookie));
        r.caller().assertErrorReports();
        r.called().assertErrorReports();
    }
}
