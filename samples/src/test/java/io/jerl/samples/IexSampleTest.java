package io.jerl.samples;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 (samples/002-iex): a real iex on port 9000 and jerl on 9001 exchange messages through global names,
 * both ways. Runs the README's two commands as written on a pretend host of its own (samples/hosts.sh), where
 * port 9000, EPMD's 4369 and the cookie are the test's own, and types the lines of the sample's script files.
 */
class IexSampleTest {
    private static final Sample SAMPLE = Sample.named("002-iex");
    /** The README runs both nodes on the learner's machine; the test gives them a machine of their own. */
    private static final String HOST = "laptop";

    @Test
    void iexAndJerlSendThroughGlobalNamesBothWays() {
        requireIex();
        try (Hosts hosts = Hosts.up("samples/hosts.sh up " + HOST)) {
            Terminal iex = hosts.shellOn(HOST, "iex (node2)", SAMPLE.commandStartingWith("iex --name"));
            iex.enter("iex's :net_adm.names shows port 9000", ":net_adm.names").is("{:ok, [{'node2', 9000}]}");

            Terminal jerl = hosts.shellOn(HOST, "jerl (node1)", SAMPLE.commandStartingWith("./jerl "));
            Sample.Script receives = SAMPLE.script("jerl-receives.erl");
            jerl.enter("jerl: net_adm:names()", receives.next()).shows("{\"node2\",9000}").shows("{\"node1\",9001}");
            jerl.enter("jerl: connect_node", receives.next()).is("true");
            jerl.enter("jerl: global:sync", receives.next()).is("ok");
            jerl.enter("jerl: spawn the server", receives.next()).matches("^\\s*<0\\.\\d+\\.0>\\s*$");
            jerl.enter("jerl: global:register_name", receives.next()).is("yes");
            jerl.type(receives.last()); // waits for the server to end: the prompt comes back after iex sends

            Sample.Script sends = SAMPLE.script("iex-sends.exs");
            iex.enter("iex: send to :server", sends.last()).is("\"hello from node 2!\"");
            jerl.expect("jerl's server prints the message", "I got a message! <<\"hello from node 2!\">>\n");
            jerl.expect("jerl's monitor sees the server end", "{server_ended,normal}\n");
            jerl.awaitPrompt("jerl's prompt returns");

            Sample.Script iexReceives = SAMPLE.script("iex-receives.exs");
            iex.enter("iex: spawn", iexReceives.next()).matches("^\\s*#PID<");
            iex.enter("iex: :global.register_name", iexReceives.last()).is(":yes");

            Sample.Script jerlSends = SAMPLE.script("jerl-sends.erl");
            jerl.enter("jerl: connect_node again", jerlSends.next()).is("true");
            jerl.enter("jerl: global:sync", jerlSends.next()).is("ok");
            jerl.enter("jerl: send to iex_server", jerlSends.last()).is("<<\"hello from node 1!\">>");
            iex.expect("iex's server prints the message", "I got a message! \"hello from node 1!\"\n");
        }
    }

    /** Like erl for the interop tests: a missing iex fails the test (CI installs the elixir package). */
    private static void requireIex() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "iex"))) {
                return;
            }
        }
        throw new AssertionError("'iex' is not on the PATH: this sample needs Elixir. Install it with: apt-get install -y elixir");
    }
}
