package io.jerl.shell;

import io.jerl.grammar.ast.Expr;
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
import java.util.List;
import java.util.function.Consumer;

/**
 * One shell: the shell process (a mailbox, erl's self()), the bindings that persist between forms, and what
 * is printed for each form — the value with {@code ~p}, or the exception in erl's words. As in erl, an
 * exception ends the shell process and a new one (new pid, no registered name) takes over.
 */
final class ShellSession implements FormEvaluator {
    private static final Atom SHELL_COMMAND = Atom.of("$jerl_shell_command");

    private final Node node;
    private final Evaluator evaluator;
    private final TermStyle style;
    private final Bindings bindings = new Bindings();
    private final StringBuilder pendingOutput = new StringBuilder();
    private Mailbox shell;

    ShellSession(Node node, BuiltinRegistry registry) {
        this.node = node;
        this.evaluator = new Evaluator(registry);
        this.style = TermStyle.of(node.name());
        this.shell = node.spawnMailbox();
        registry.register("erlang", "flush", 0, (c, a) -> {
            for (Term m : c.self().drain()) {
                c.print("Shell got " + PrettyPrinter.print(m, 11, 80, -1, true, true, style) + "\n");
            }
            return Atom.OK;
        });
        registry.register("erlang", "q", 0, (c, a) -> {
            throw new ErlangException(SHELL_COMMAND, Atom.of("q"), io.jerl.protocol.term.Nil.NIL);
        });
        registry.register("erlang", "halt", 0, (c, a) -> {
            throw new ErlangException(SHELL_COMMAND, Atom.of("halt"), io.jerl.protocol.term.Nil.NIL);
        });
        registry.register("erlang", "f", 0, (c, a) -> {
            bindings.clear();
            return Atom.OK;
        });
    }

    @Override
    public Outcome evaluate(List<Expr> exprs, int number) {
        pendingOutput.setLength(0);
        if (!shell.isAlive()) {
            // an exit signal (from a linked process) ended the shell process between forms: erl says so, goes on anew
            pendingOutput.append(ErrorText.describe(ErlangException.exit(shell.exitReason()), style)).append('\n');
            restartShellProcess("shell_exception");
        }
        Consumer<String> out = pendingOutput::append;
        CallContext ctx = evaluator.context(shell, node, style, out);
        Bindings attempt = bindings.copy();
        try {
            Term value = evalInShellProcess(exprs, attempt, ctx);
            bindings.replaceWith(attempt);
            return Outcome.print(pendingOutput + PrettyPrinter.print(value, style) + "\n");
        } catch (ErlangException e) {
            if (e.kind().equals(SHELL_COMMAND)) {
                return new Outcome(pendingOutput + "ok\n", true);
            }
            if (e.reason() instanceof Tuple t && t.arity() == 2 && t.get(0).equals(Atom.of("unbound"))) {
                return Outcome.print(pendingOutput + "* 1:1: variable " + PrettyPrinter.print(t.get(1), style)
                        + " is unbound\n");
            }
            // erl's evaluator process dies of the exception; the next form runs in a fresh one.
            restartShellProcess("shell_exception");
            return Outcome.print(pendingOutput + ErrorText.describe(e, style) + "\n");
        } catch (InterruptedException e) {
            // Ctrl-C on the terminal: like erl's job-control interrupt, the evaluation ends (its bindings are
            // dropped), the node and its connections stay, and a fresh shell process takes the next form.
            Thread.interrupted();
            restartShellProcess("interrupted");
            return Outcome.print(pendingOutput + "** exception exit: interrupted\n");
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
}
