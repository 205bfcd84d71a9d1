package io.jerl.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 (samples/002-iex): a real iex on port 9000 and jerl on 9001 exchange messages through global names,
 * both ways. Runs the README's two commands as written inside a private network namespace, where port 9000,
 * EPMD's 4369 and the cookie are the test's own, and types the lines of the sample's script files.
 */
class IexSampleTest {
    private static final Pattern IEX_PROMPT = Pattern.compile("iex\\(node2@127\\.0\\.0\\.1\\)\\d+> ");
    private static final Pattern JERL_PROMPT = Pattern.compile("\\(node1@127\\.0\\.0\\.1\\)\\d+> ");

    @Test
    void iexAndJerlSendThroughGlobalNamesBothWays() {
        requireIex();
        Sample sample = Sample.named("002-iex");
        Path dir = sample.dir();
        try (NetNamespace ns = NetNamespace.create("jerl-iex");
             Console iex = Console.start("iex", ns.insideBash(sample.readmeCommand("iex --name")), dir, Map.of())) {
            iex.expect("iex starts", IEX_PROMPT);
            assertEquals("{:ok, [{'node2', 9000}]}", iex.ask("iex's :net_adm.names shows port 9000",
                    ":net_adm.names", IEX_PROMPT).strip(), "iex's :net_adm.names");

            try (Console jerl = Console.start("jerl", ns.inside(JerlCommand.of(sample.readmeCommand("./jerl "))),
                    dir, Map.of())) {
                jerl.expect("jerl starts", JERL_PROMPT);
                List<String> receives = sample.script("jerl-receives.erl");
                assertEquals(6, receives.size(), "jerl-receives.erl's lines");
                String names = jerl.ask("jerl: net_adm:names()", receives.get(0), JERL_PROMPT);
                assertTrue(names.contains("{\"node2\",9000}") && names.contains("{\"node1\",9001}"),
                        "step \"jerl: net_adm:names()\" should list node2 on 9000 and node1 on 9001, printed: " + names);
                assertEquals("true", jerl.ask("jerl: connect_node", receives.get(1), JERL_PROMPT).strip(),
                        "step \"jerl: connect_node\"");
                assertEquals("ok", jerl.ask("jerl: global:sync", receives.get(2), JERL_PROMPT).strip(),
                        "step \"jerl: global:sync\"");
                String pid = jerl.ask("jerl: spawn the server", receives.get(3), JERL_PROMPT).strip();
                assertTrue(pid.matches("<0\\.\\d+\\.0>"), "step \"jerl: spawn the server\" printed " + pid);
                assertEquals("yes", jerl.ask("jerl: global:register_name", receives.get(4), JERL_PROMPT).strip(),
                        "step \"jerl: global:register_name\"");
                jerl.type(receives.get(5)); // waits for the server to end: the prompt comes back after iex sends

                List<String> sends = sample.script("iex-sends.exs");
                assertEquals("\"hello from node 2!\"", iex.ask("iex: send to :server", sends.get(0), IEX_PROMPT).strip(),
                        "step \"iex: send to :server\"");
                jerl.expect("jerl's server prints the message", "I got a message! <<\"hello from node 2!\">>\n");
                jerl.expect("jerl's monitor sees the server end", "{server_ended,normal}\n");
                jerl.expect("jerl's prompt returns", JERL_PROMPT);

                List<String> iexReceives = sample.script("iex-receives.exs");
                assertTrue(iex.ask("iex: spawn", iexReceives.get(0), IEX_PROMPT).strip().startsWith("#PID<"),
                        "step \"iex: spawn\"");
                assertEquals(":yes", iex.ask("iex: :global.register_name", iexReceives.get(1), IEX_PROMPT).strip(),
                        "step \"iex: :global.register_name\"");

                List<String> jerlSends = sample.script("jerl-sends.erl");
                assertEquals("true", jerl.ask("jerl: connect_node again", jerlSends.get(0), JERL_PROMPT).strip());
                assertEquals("ok", jerl.ask("jerl: global:sync", jerlSends.get(1), JERL_PROMPT).strip());
                assertEquals("<<\"hello from node 1!\">>",
                        jerl.ask("jerl: send to iex_server", jerlSends.get(2), JERL_PROMPT).strip());
                iex.expect("iex's server prints the message", "I got a message! \"hello from node 1!\"\n");
            }
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
