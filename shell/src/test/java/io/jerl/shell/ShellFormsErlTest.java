package io.jerl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.grammar.ExprParser;
import io.jerl.grammar.ParseResult;
import io.jerl.protocol.global.Global;
import io.jerl.protocol.node.Node;
import io.jerl.shell.builtins.Builtins;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.JerlTestNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forms typed at a jerl shell (a ShellSession on a real node) that the seed scripts showed wrong, each checked
 * against a real erl: the node built-ins they needed, and how the shell prints results.
 */
class ShellFormsErlTest {
    private Epmd epmd;
    private Node node;
    private ErlNode erl;
    private ShellSession shell;
    private final StringBuffer nodeOutput = new StringBuffer();
    private int number = 1;

    @BeforeEach
    void start() {
        String cookie = ErlTools.randomCookie();
        epmd = Epmd.start();
        node = JerlTestNode.start("jerl", cookie, epmd.port());
        BuiltinRegistry registry = new BuiltinRegistry();
        Builtins.registerPure(registry);
        NodeBuiltins.register(registry, node, Global.start(node, true));
        shell = new ShellSession(node, registry);
        node.setStandardOutput(nodeOutput::append);
        erl = ErlNode.builder(ErlTools.uniqueName("peer")).cookie(cookie).epmdPort(epmd.port()).start();
    }

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {erl, node, epmd}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // tearing down; the next resource must still close
            }
        }
    }

    /** What the shell prints for one form. */
    private String type(String form) {
        ParseResult r = ExprParser.parse(form);
        if (!(r instanceof ParseResult.Parsed p)) {
            throw new AssertionError("does not parse: " + form + " " + r);
        }
        return shell.evaluate(new io.jerl.shell.repl.FormEvaluator.Form(form, p.exprs(), number++)).text();
    }

    @Test
    void monitorNodesDeliversNodeupAndNodedownToTheShell() {
        assertEquals("ok\n", type("net_kernel:monitor_nodes(true)."));
        assertEquals("pong", erl.eval("net_adm:ping(" + JerlTestNode.atom(node) + ")"));
        assertEquals(Transcript.atom(erl.name()) + "\n", type("receive {nodeup, N} -> N after 20000 -> none end."));
        assertEquals("true", erl.eval("erlang:disconnect_node(" + JerlTestNode.atom(node) + ")"));
        assertEquals(Transcript.atom(erl.name()) + "\n", type("receive {nodedown, N} -> N after 20000 -> none end."));
    }

    @Test
    void monitorNodesAnswersABadFlagWithErrorAsErlDoes() {
        assertEquals("error\n", type("net_kernel:monitor_nodes(maybe)."));
    }

    @Test
    void monitorOfAProcessOnErlGetsItsDownMessage() {
        erl.eval("register(victim, spawn(fun() -> receive stop -> ok end end))");
        assertEquals("true\n", type("net_kernel:connect_node(" + Transcript.atom(erl.name()) + ")."));
        type("Ref = monitor(process, {victim, " + Transcript.atom(erl.name()) + "}).");
        // Signals between two nodes keep their order: once this call is answered, erl has the monitor.
        type("rpc:call(" + Transcript.atom(erl.name()) + ", erlang, node, []).");
        erl.eval("victim ! stop");
        assertEquals("normal\n", type("receive {'DOWN', Ref, process, _, Why} -> Why after 20000 -> none end."));
        assertEquals("true\n", type("demonitor(Ref)."), "demonitor of a monitor that has fired");
        assertEquals("noproc\n", type("R2 = monitor(process, {victim, " + Transcript.atom(erl.name()) + "}), "
                + "receive {'DOWN', R2, process, _, Why2} -> Why2 after 20000 -> none end."));
        String badType = type("monitor(port, self()).");
        assertTrue(badType.startsWith("** exception error: bad argument\n"), badType);
    }

    /** Seed 002's server: the fun runs as a process of its own, gets erl's message and prints it at once. */
    @Test
    void aSpawnedFunIsItsOwnProcessAndPrintsToTheNodesOutput() throws InterruptedException {
        assertEquals("true\n", type("Parent = self(), Child = spawn(fun() -> Parent ! {child, self()} end), "
                + "receive {child, C} -> C =/= Parent andalso C =:= Child after 20000 -> none end."));
        type("Server = spawn(fun() -> receive Msg -> io:format(\"I got a message! ~p~n\", [Msg]) end end).");
        assertEquals("true\n", type("register(server, Server)."));
        erl.eval("{server, " + JerlTestNode.atom(node) + "} ! \"hello from node 2!\"");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (nodeOutput.indexOf("\n") < 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals("I got a message! \"hello from node 2!\"\n", nodeOutput.toString());
        assertEquals("empty\n", type("receive Other -> Other after 0 -> empty end."), "the shell's mailbox");
    }

    /** Seed 002 the other way round, with global:send/2: jerl sends to a name erl registered globally. */
    @Test
    void globalSendReachesANameErlRegistered() {
        assertEquals("yes", erl.eval("global:register_name(echo, spawn(fun() -> "
                + "receive {From, M} -> From ! {echoed, M} end end))"));
        assertEquals("true\n", type("net_kernel:connect_node(" + Transcript.atom(erl.name()) + ")."));
        assertEquals("ok\n", type("global:sync()."));
        String sent = type("global:send(echo, {self(), \"hello from node 2!\"}).");
        assertTrue(sent.matches("<\\d+\\.\\d+\\.\\d+>\n") && !sent.startsWith("<0."), "the remote pid: " + sent);
        assertEquals("\"hello from node 2!\"\n", type("receive {echoed, M} -> M after 20000 -> none end."));
        String missing = type("global:send(nobody, hi).");
        assertTrue(missing.startsWith("** exception exit: {badarg,{nobody,hi}}"), missing);
    }

    /** erl's shell prints values with depth 30 and at most 60 characters of a term per line (shell.erl's pp/3). */
    @Test
    void resultsPrintAsErlsShellPrintsThem() {
        String[] values = {
            "{ok, [{\"bar\", 36207}, {\"baz\", 34547}, {\"qux\", 40869}, {\"foo\", 41625}]}",
            "[{\"bar\", 36207}, {\"baz\", 34547}, {\"qux\", 40869}, {\"foo\", 41625}]",
            "lists:seq(1, 40)",
            "lists:duplicate(3, {a_longer_atom, \"and some text\", #{key => [1, 2, 3]}})",
            "\"a string that is longer than sixty characters, printed on a line of its own\"",
            "{" + "[".repeat(32) + "deep" + "]".repeat(32) + "}",
        };
        for (String v : values) {
            String erlText = erl.eval("unicode:characters_to_list(io_lib_pretty:print(" + v + ", [{column, 1}, "
                    + "{line_length, 80}, {depth, 30}, {line_max_chars, 60}, {encoding, unicode}]))");
            String jerlText = type(v + ".");
            assertEquals(erlText, codePoints(jerlText.substring(0, jerlText.length() - 1)), v + " printed\n" + jerlText);
        }
    }

    /** A text as erl's ~w writes a list of characters. */
    private static String codePoints(String text) {
        return text.codePoints().mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
