package io.jerl.shell;

import io.jerl.grammar.ast.Expr;
import io.jerl.grammar.ast.Var;
import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.protocol.term.format.PrettyPrinter;
import io.jerl.protocol.term.format.TermStyle;
import io.jerl.shell.eval.Bindings;
import io.jerl.shell.eval.CallContext;
import io.jerl.shell.eval.Evaluator;
import io.jerl.shell.eval.ShellCommandHandler;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * The commands erl's shell runs itself (its "shell internal commands"): b(), f(), f(X), h(), v(N), e(N). They
 * see the form's bindings and their arguments unevaluated; the c module's commands (flush(), i(), ...) are
 * ordinary built-ins, see {@link CModule}.
 */
final class ShellCommands implements ShellCommandHandler {
    private final History history;
    private final IntSupplier current;
    private final TermStyle style;

    /** @param current the prompt number of the form being evaluated */
    ShellCommands(History history, IntSupplier current, TermStyle style) {
        this.history = history;
        this.current = current;
        this.style = style;
    }

    /** A form erl's shell refuses before running it, with the text it prints after "* ". */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public Term call(String name, List<Expr> args, Bindings bindings, CallContext ctx, Evaluator evaluator)
            throws InterruptedException {
        switch (name + "/" + args.size()) {
            case "b/0":
                printBindings(bindings, ctx);
                return Atom.OK;
            case "f/0":
                bindings.clear();
                return Atom.OK;
            case "f/1":
                if (!(args.get(0) instanceof Var v)) {
                    throw new ErlangException(ErlangException.ERROR, Atom.of("function_clause"),
                            ErlList.of(new Tuple(Atom.of("shell"), Atom.of("f"), ErlInt.of(1), Nil.NIL)));
                }
                bindings.unbind(v.name());
                return Atom.OK;
            case "h/0":
                printHistory(ctx);
                return Atom.OK;
            case "v/1":
                return entry(args.get(0), bindings, ctx, evaluator).value();
            case "e/1":
                return evaluator.evalBody(entry(args.get(0), bindings, ctx, evaluator).exprs(), bindings, ctx);
            default:
                return null;
        }
    }

    private History.Entry entry(Expr arg, Bindings bindings, CallContext ctx, Evaluator evaluator)
            throws InterruptedException {
        Term n = evaluator.eval(arg, bindings.copy(), ctx);
        History.Entry e = n instanceof ErlInt i ? history.get(i.value(), current.getAsInt()) : null;
        if (e == null) {
            throw new Refused(PrettyPrinter.print(n, style) + ": command not found");
        }
        return e;
    }

    /** erl lists bindings sorted by name, each as {@code Name = Value} with the value laid out after the "=". */
    private void printBindings(Bindings bindings, CallContext ctx) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Term> b : new TreeMap<>(bindings.asMap()).entrySet()) {
            String head = b.getKey() + " = ";
            out.append(head).append(PrettyPrinter.print(b.getValue(), head.length() + 1, 80, -1, true, true, style))
                    .append('\n');
        }
        ctx.print(out.toString());
    }

    /** {@code N: form} and {@code -> value} for each kept form, oldest first. */
    private void printHistory(CallContext ctx) {
        StringBuilder out = new StringBuilder();
        for (History.Entry e : history.entries()) {
            out.append(e.number()).append(": ").append(e.source()).append('\n');
            out.append("-> ").append(PrettyPrinter.print(e.value(), 4, 80, -1, true, true, style)).append('\n');
        }
        ctx.print(out.toString());
    }
}
