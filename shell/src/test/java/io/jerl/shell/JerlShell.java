package io.jerl.shell;

import io.jerl.grammar.ExprParser;
import io.jerl.grammar.ParseResult;
import io.jerl.protocol.global.Global;
import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.node.NodeName;
import io.jerl.protocol.node.NodeOptions;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.format.PrettyPrinter;
import io.jerl.protocol.term.format.TermStyle;
import io.jerl.shell.eval.Bindings;
import io.jerl.shell.eval.CallContext;
import io.jerl.shell.eval.Evaluator;
import io.jerl.testing.ErlTools;

/**
 * A jerl node with every built-in the jerl command registers, and one shell process evaluating forms with
 * bindings that persist, for tests: {@link #eval} gives the value as erl's {@code ~p}, {@link #error} the
 * exception's class and reason.
 */
final class JerlShell implements AutoCloseable {
    final Node node;
    final Global global;
    final StringBuffer standardOutput = new StringBuffer();
    private final Evaluator evaluator;
    private final CallContext shell;
    private final Bindings bindings = new Bindings();
    private final TermStyle style;

    JerlShell(String cookie, int epmdPort) {
        node = Node.start(NodeName.shortName(ErlTools.uniqueName("jerl")), cookie,
                NodeOptions.defaults().withEpmdPort(epmdPort));
        node.setStandardOutput(standardOutput::append);
        global = Global.start(node, true);
        evaluator = new Evaluator(Main.builtins(node, global));
        style = TermStyle.of(node.name());
        shell = evaluator.context(node.spawnMailbox(), node, style, standardOutput::append);
    }

    /** The value of {@code text} (forms ending in a full stop), printed as ~p; fails if it raises. */
    String eval(String text) throws InterruptedException {
        return PrettyPrinter.print(value(text), style);
    }

    /** The exception {@code text} raises as {@code Class:Reason} (reason as ~p), e.g. {@code error:badarg}. */
    String error(String text) throws InterruptedException {
        try {
            Term v = value(text);
            throw new AssertionError("expected " + text + " to raise, got " + PrettyPrinter.print(v, style));
        } catch (ErlangException e) {
            return e.kind().name() + ":" + PrettyPrinter.print(e.reason(), style);
        }
    }

    private Term value(String text) throws InterruptedException {
        ParseResult r = ExprParser.parse(text);
        if (!(r instanceof ParseResult.Parsed p)) {
            throw new AssertionError("syntax error in " + text + ": " + r);
        }
        return evaluator.evalBody(p.exprs(), bindings, shell);
    }

    String name() {
        return node.name().name();
    }

    @Override
    public void close() {
        global.close();
        node.close();
    }
}
