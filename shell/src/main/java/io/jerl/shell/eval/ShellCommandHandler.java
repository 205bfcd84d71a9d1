package io.jerl.shell.eval;

import io.jerl.grammar.ast.Expr;
import io.jerl.protocol.term.Term;
import java.util.List;

/**
 * The shell's own commands, which erl's shell evaluates itself before it looks in {@code shell_default}:
 * they see their arguments unevaluated ({@code f(X)} names a variable, {@code e(N)} re-runs form N) and the
 * bindings of the form ({@code b()}, {@code f()}).
 */
@FunctionalInterface
public interface ShellCommandHandler {
    /**
     * The value of the command {@code name(args)}, or null when {@code name/arity} is not one of them.
     *
     * @param evaluator the evaluator making the call, for commands that evaluate expressions (e(N))
     */
    Term call(String name, List<Expr> args, Bindings bindings, CallContext ctx, Evaluator evaluator)
            throws InterruptedException;
}
