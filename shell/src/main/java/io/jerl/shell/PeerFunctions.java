package io.jerl.shell;

import io.jerl.protocol.node.FunctionTable;
import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.protocol.term.format.TermStyle;
import io.jerl.shell.eval.Builtin;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.shell.eval.Evaluator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Offers the shell's built-ins to other nodes: after {@link #export}, {@code rpc:call(jerl@host, lists, seq, [1,3])}
 * and {@code erpc:call} from erl run jerl's lists:seq/2, as they would run erl's on an erl node. The node's own
 * functions keep precedence. A function called this way runs in the process the call spawned; its output goes to
 * that process's group leader, the caller's, so {@code io:format} prints where the caller sits, as in erl.
 */
final class PeerFunctions {
    private static final Atom IO_REQUEST = Atom.of("io_request");
    private static final Atom IO_REPLY = Atom.of("io_reply");
    /** How long printing waits for the group leader's reply before the call goes on. */
    private static final Duration IO_REPLY_WAIT = Duration.ofSeconds(10);

    private PeerFunctions() {
    }

    /** Registers every function {@code registry} has now into the node's function table. */
    static void export(BuiltinRegistry registry, Node node) {
        Evaluator evaluator = new Evaluator(registry);
        TermStyle style = TermStyle.of(node.name());
        FunctionTable table = node.functions();
        for (String module : registry.modules()) {
            registry.functions(module).forEach((name, arities) -> {
                for (int arity : arities) {
                    Atom m = Atom.of(module);
                    Atom f = Atom.of(name);
                    Builtin b = registry.lookup(m, f, arity);
                    if (table.lookup(m, f, arity) == null) {
                        table.register(module, name, arity, (self, args) ->
                                b.apply(evaluator.context(self, node, style, text -> print(self, text)), args));
                    }
                }
            });
        }
    }

    /** io:put_chars to the caller's group leader; waits for its reply, so output arrives before the result does. */
    private static void print(Mailbox self, String text) {
        Pid gl = self.groupLeader();
        if (gl == null) {
            return;
        }
        Ref tag = self.node().makeRef();
        self.send(gl, new Tuple(IO_REQUEST, self.pid(), tag, new Tuple(Atom.of("put_chars"), Atom.of("unicode"),
                new Binary(text.getBytes(StandardCharsets.UTF_8)))));
        try {
            self.receive(m -> m instanceof Tuple r && r.arity() == 3 && r.get(0).equals(IO_REPLY) && r.get(1).equals(tag),
                    IO_REPLY_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the process is being killed; its caller hears of that
        }
    }
}
