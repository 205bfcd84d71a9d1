package io.jerl.shell;

import io.jerl.grammar.ast.AtomLit;
import io.jerl.grammar.ast.Call;
import io.jerl.grammar.ast.Expr;
import io.jerl.grammar.ast.Pos;
import io.jerl.grammar.ast.Subexpressions;
import io.jerl.grammar.ast.Var;
import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.protocol.term.format.PrettyPrinter;
import io.jerl.protocol.term.format.TermStyle;
import io.jerl.shell.eval.Bindings;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.shell.eval.CallContext;
import io.jerl.shell.eval.Evaluator;
import io.jerl.shell.repl.FormEvaluator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * One shell: the shell process (a mailbox, erl's self()), the bindings that persist between forms, the history,
 * and what is printed for each form — the value with {@code ~p}, or the exception in erl's words. As in erl, an
 * exception ends the shell process and a new one (new pid, no registered name) takes over.
 */
final class ShellSession implements FormEvaluator {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ShellSession.class);
    private final Node node;
    private final Evaluator evaluator;
    private final TermStyle style;
    private final Bindings bindings = new Bindings();
    private final History history = new History();
    private final StringBuilder pendingOutput = new StringBuilder();
    private Mailbox shell;
    private int current;

    ShellSession(Node node, BuiltinRegistry registry) {
        this.node = node;
        this.style = TermStyle.of(node.name());
        this.evaluator = new Evaluator(registry, new ShellCommands(history, () -> current, style));
        this.shell = node.spawnMailbox();
        CModule.register(registry, node, style);
    }

    @Override
    public Outcome evaluate(Form form) {
        current = form.number();
        pendingOutput.setLength(0);
        if (!shell.isAlive()) {
            // an exit signal (from a linked process) ended the shell process between forms: erl says so, goes on anew
            pendingOutput.append(ErrorText.describe(ErlangException.exit(shell.exitReason()), style)).append('\n');
            restartShellProcess("shell_exception");
        }
        String source = rerunSource(form);
        try {
            Term value = run(form.exprs(), pendingOutput::append);
            history.add(new History.Entry(form.number(), source, form.exprs(), value));
            return Outcome.value(pendingOutput + ResultText.of(value, style) + "\n");
        } catch (ShellStop stop) {
            return Outcome.stop(pendingOutput + stop.text(), stop.status());
        } catch (ShellCommands.Refused r) {
            return Outcome.refused(pendingOutput + "* " + r.getMessage() + "\n");
        } catch (ErlangException e) {
            history.add(new History.Entry(form.number(), source, form.exprs(), ErrorText.exitValue(e)));
            return Outcome.raised(pendingOutput + describe(e, form.exprs()) + "\n");
        } catch (ProtocolException | IllegalArgumentException | ClassCastException | IllegalStateException e) {
            // A built-in's Java-side failure must not end the shell: say what failed and go on, as after an error.
            log.warn("built-in failed in form {}: {}", form.number(), e.toString(), e);
            restartShellProcess("shell_exception");
            return Outcome.raised(pendingOutput + "** exception error: jerl could not evaluate this: " + e.getMessage()
                    + "\n");
        } catch (InterruptedException e) {
            // Ctrl-C on the terminal: like erl's job-control interrupt, the evaluation ends (its bindings are
            // dropped), the node and its connections stay, and a fresh shell process takes the next form.
            Thread.interrupted();
            restartShellProcess("interrupted");
            return Outcome.raised(pendingOutput + "** exception exit: interrupted\n");
        }
    }

    /** The value of the form; an exit signal that ends the shell process meanwhile ends the form as in erl. */
    private Term evalInShellProcess(List<Expr> exprs, Bindings attempt, CallContext ctx) throws InterruptedException {
        Term value = evaluator.evalBody(exprs, attempt, ctx);
        if (!shell.isAlive()) {
            throw ErlangException.exit(shell.exitReason());
        }
        return value;
    }

    private void restartShellProcess(String reason) {
        shell.exit(Atom.of(reason));
        shell = node.spawnMailbox();
    }

    /** The bound variables' names, for Tab completion. */
    java.util.Collection<String> variableNames() {
        return List.copyOf(bindings.asMap().keySet());
    }

    /**
     * Evaluates expressions in the shell process with the session's bindings, which take the new bindings only
     * when all went well (for -eval, and for each form); what they print goes to {@code output}.
     */
    Term run(List<Expr> exprs, Consumer<String> output) throws InterruptedException {
        CallContext ctx = evaluator.context(shell, node, style, output);
        Bindings attempt = bindings.copy();
        try {
            Term value = evaluator.evalBody(exprs, attempt, ctx);
            if (!shell.isAlive()) { // an exit signal that ended the shell process meanwhile ends the form, as in erl
                throw ErlangException.exit(shell.exitReason());
            }
            bindings.replaceWith(attempt);
            return value;
        } catch (ErlangException e) {
            if (!isUnbound(e)) {
                // erl's evaluator process dies of the exception; the next form runs in a fresh one.
                restartShellProcess("shell_exception");
            }
            throw e;
        }
    }

    /**
     * The text erl prints for an exception from a form. An unbound variable is reported as erl_lint reports it,
     * at its first place in the form (erl finds it before running anything; jerl when it gets there).
     */
    String describe(ErlangException e, List<Expr> exprs) {
        if (isUnbound(e)) {
            Term name = ((Tuple) e.reason()).get(1);
            Pos at = firstUse(exprs, ((Atom) name).name());
            return "* " + (at == null ? "1:1" : at) + ": variable " + PrettyPrinter.print(name, style) + " is unbound";
        }
        return ErrorText.describe(e, style);
    }

    private static Pos firstUse(List<Expr> exprs, String name) {
        Deque<Expr> todo = new ArrayDeque<>(exprs);
        while (!todo.isEmpty()) {
            Expr e = todo.removeFirst();
            if (e instanceof Var v && v.name().equals(name)) {
                return v.pos();
            }
            List<Expr> inside = Subexpressions.of(e);
            for (int i = inside.size() - 1; i >= 0; i--) {
                todo.addFirst(inside.get(i));
            }
        }
        return null;
    }

    private static boolean isUnbound(ErlangException e) {
        return e.reason() instanceof Tuple t && t.arity() == 2 && t.get(0).equals(Atom.of("unbound"));
    }

    /** What h() shows for the form: the form re-run when it is just {@code e(N)} (as erl does), else the form. */
    private String rerunSource(Form form) {
        if (form.exprs().size() == 1 && form.exprs().get(0) instanceof Call c && c.module() == null
                && c.function() instanceof AtomLit a && a.name().equals("e") && c.args().size() == 1
                && c.args().get(0) instanceof io.jerl.grammar.ast.IntLit n) {
            History.Entry e = history.get(n.value().longValue(), form.number());
            if (e != null) {
                return e.exprs().size() == 1 ? e.source() : "begin " + e.source() + " end";
            }
        }
        return FormPrinter.print(form.exprs(), form.source(), style, form.number());
    }
}
