package io.jerl.shell.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jerl.grammar.ExprParser;
import io.jerl.grammar.ParseResult;
import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.node.NodeName;
import io.jerl.protocol.node.NodeOptions;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReceiveTest {
    private static Node node;
    private static Mailbox self;
    private final BuiltinRegistry registry = new BuiltinRegistry();
    private final Evaluator ev = new Evaluator(registry);
    private final Bindings b = new Bindings();
    private CallContext ctx;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        node = Node.start(NodeName.shortName("evaltest" + ProcessHandle.current().pid() + "x" + System.nanoTime() % 100000),
                "cookie", NodeOptions.defaults().withEpmdPort(port));
        self = node.spawnMailbox();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    Term run(String text) throws InterruptedException {
        if (ctx == null) {
            ctx = ev.context(self, node, null, null);
            registry.register("erlang", "self", 0, (c, a) -> c.self().pid());
        }
        ParseResult r = ExprParser.parse(text);
        if (!(r instanceof ParseResult.Parsed p)) {
            throw new AssertionError("syntax error: " + r);
        }
        return ev.evalBody(p.exprs(), b, ctx);
    }

    @Test
    void sendAndSelectiveReceive() throws Exception {
        assertEquals(Atom.of("hello"), run("self() ! hello."));
        run("self() ! {num, 1}, self() ! {num, 2}.");
        assertEquals(ErlInt.of(2), run("receive {num, N} when N > 1 -> N end."));
        assertEquals(ErlInt.of(2), b.get("N"));
        assertEquals(Atom.of("hello"), run("receive M -> M end."));
        assertEquals(ErlInt.of(1), run("receive {num, X} -> X after 1000 -> timeout end."));
        assertEquals(Atom.of("timeout"), run("receive _ -> got after 10 -> timeout end."));
        assertEquals(Atom.of("done"), run("receive after 0 -> done end."));
        assertEquals(Atom.of("timeout_value"),
                assertThrows(ErlangException.class, () -> run("receive _ -> x after foo -> y end.")).reason());
    }

    @Test
    void sendToRegisteredNameAndBadDestination() throws Exception {
        Mailbox named = node.spawnMailbox("evaltest_reg");
        run("evaltest_reg ! {hi, 1}.");
        assertEquals(new Tuple(Atom.of("hi"), ErlInt.of(1)), named.receive(java.time.Duration.ofSeconds(2)));
        assertEquals(Atom.of("badarg"),
                assertThrows(ErlangException.class, () -> run("{1, 2} ! x.")).reason());
    }

    @Test
    void funsSentToSelfCanBeCalled() throws Exception {
        assertEquals(ErlInt.of(9), run("self() ! fun(X) -> X * X end, receive F -> F(3) end."));
        assertEquals(List.of(), self.drain());
    }
}
