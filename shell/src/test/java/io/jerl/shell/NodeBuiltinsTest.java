package io.jerl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.grammar.ExprParser;
import io.jerl.grammar.ParseResult;
import io.jerl.protocol.global.Global;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.node.NodeName;
import io.jerl.protocol.node.NodeOptions;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.format.TermStyle;
import io.jerl.shell.builtins.Builtins;
import io.jerl.shell.eval.Bindings;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.shell.eval.CallContext;
import io.jerl.shell.eval.Evaluator;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Node built-ins the seeds' scripts lean on: spawned funs as processes of their own, monitors, monitor_nodes. */
class NodeBuiltinsTest {
    private final StringBuffer standardOutput = new StringBuffer();
    private final Bindings bindings = new Bindings();
    private Epmd epmd;
    private Node node;
    private Evaluator evaluator;
    private CallContext shell;

    @BeforeEach
    void start() {
        epmd = Epmd.start();
        node = Node.start(NodeName.shortName(ErlTools.uniqueName("builtins")), "cookie",
                NodeOptions.defaults().withEpmdPort(epmd.port()));
        node.setStandardOutput(standardOutput::append);
        BuiltinRegistry registry = new BuiltinRegistry();
        Builtins.registerPure(registry);
        NodeBuiltins.register(registry, node, Global.start(node, true));
        evaluator = new Evaluator(registry);
        shell = evaluator.context(node.spawnMailbox(), node, TermStyle.of(node.name()), null);
    }

    @AfterEach
    void stop() {
        node.close();
        epmd.close();
    }

    private String run(String text) throws InterruptedException {
        ParseResult r = ExprParser.parse(text);
        if (!(r instanceof ParseResult.Parsed p)) {
            throw new AssertionError("syntax error in " + text + ": " + r);
        }
        Term value = evaluator.evalBody(p.exprs(), bindings, shell);
        return io.jerl.protocol.term.format.PrettyPrinter.print(value, TermStyle.of(node.name()));
    }

    private void awaitOutput(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!standardOutput.toString().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(text, standardOutput.toString());
    }

    @Test
    void aSpawnedFunReceivesInItsOwnMailboxAndPrintsThroughTheGroupLeader() throws Exception {
        run("Pid = spawn(fun() -> receive Msg -> io:format(\"I got a message! ~p~n\", [Msg]) end end).");
        run("Pid ! <<\"hello\">>.");
        awaitOutput("I got a message! <<\"hello\">>\n");
        assertEquals("true", run("Parent = self(), spawn(fun() -> Parent ! {child, self()} end),"
                + " receive {child, Child} -> Child =/= Parent andalso is_pid(Child) after 10000 -> timeout end."));
    }

    @Test
    void monitorOfAProcessDeliversDownWithItsReason() throws Exception {
        run("P = spawn(fun() -> receive stop -> exit(done) end end), Ref = monitor(process, P).");
        run("P ! stop.");
        assertEquals("done", run("receive {'DOWN', Ref, process, P, Why} -> Why after 10000 -> timeout end."));
        assertEquals("true", run("demonitor(monitor(process, P))."));
        assertEquals("noproc", run("receive {'DOWN', _, process, _, Why2} -> Why2 after 10000 -> timeout end."));
        assertEquals("error", run("net_kernel:monitor_nodes(maybe)."));
    }

    @Test
    void monitorNodesReportsARealErlComingAndGoing() throws Exception {
        try (ErlNode erl = ErlNode.builder(ErlTools.uniqueName("peer")).cookie("cookie").epmdPort(epmd.port()).start()) {
            assertEquals("ok", run("net_kernel:monitor_nodes(true)."));
            assertEquals("pong", run("net_adm:ping(" + erl.atom() + ")."));
            assertEquals(erl.name(), run("receive {nodeup, N} -> N after 10000 -> timeout end."));
            erl.kill();
            assertEquals(erl.name(), run("receive {nodedown, D} -> D after 20000 -> timeout end."));
            assertTrue(run("nodes().").equals("[]"), "the killed node is gone from nodes()");
        }
    }
}
