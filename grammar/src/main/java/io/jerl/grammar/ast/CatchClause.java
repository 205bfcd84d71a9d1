package io.jerl.grammar.ast;

import java.util.List;
import java.util.Objects;

/**
 * A clause of {@code try ... catch}: {@code Class:Reason:Stacktrace when Guards -> Body}.
 *
 * @param klass  an {@link AtomLit} or {@link Var}, or null when omitted (which means {@code throw})
 * @param stack  the stack trace {@link Var}, or null when omitted
 * @param guards as in {@link Clause#guards()}
 */
public record CatchClause(Pos pos, Expr klass, Expr reason, Expr stack, List<List<Expr>> guards, List<Expr> body) {
    public CatchClause {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(reason, "reason");
        guards = guards.stream().map(List::copyOf).toList();
        body = List.copyOf(body);
    }
}
