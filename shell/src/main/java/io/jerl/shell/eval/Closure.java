package io.jerl.shell.eval;

import io.jerl.grammar.ast.FunExpr;
import io.jerl.protocol.term.Fun;

/**
 * A fun made in the shell: its code, the bindings it captured when it was made, and the {@link Fun} term
 * that stands for it in variables and messages (see {@link Evaluator} for how the two are tied).
 */
public record Closure(FunExpr code, Bindings captured, Fun term) {
    public int arity() {
        return code.arity();
    }
}
