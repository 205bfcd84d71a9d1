package io.jerl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Node built-ins the seed scripts needed, each typed at a jerl shell form by form with a real erl as the peer. */
class NodeBuiltinsTest {
    private Epmd epmd;
    private Node node;
    private ErlNode erl;
    private ShellSession shell;
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
        return shell.evaluate(p.exprs(), number++).text();
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
}
