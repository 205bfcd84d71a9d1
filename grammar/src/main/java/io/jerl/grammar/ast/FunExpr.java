package io.jerl.grammar.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code fun (X) -> ... ; (Y) -> ... end}, or a named fun {@code fun Fact(0) -> 1; Fact(N) -> N * Fact(N - 1) end}
 * whose name is bound to the fun itself inside its clauses. All clauses have the same arity (the parser reports
 * {@code head mismatch} otherwise, as erl does).
 *
 * @param name the variable naming the fun, or null
 */
public record FunExpr(Pos pos, String name, List<Clause> clauses) implements Expr {
    public FunExpr {
        Objects.requireNonNull(pos, "pos");
        clauses = List.copyOf(clauses);
    }

    public int arity() {
        return clauses.get(0).patterns().size();
    }
}
