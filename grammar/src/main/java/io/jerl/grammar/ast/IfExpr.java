package io.jerl.grammar.ast;

import java.util.List;
import java.util.Objects;

/** {@code if Guards -> Body; ... end}; each clause has no pattern and a non-empty guard. */
public record IfExpr(Pos pos, List<Clause> clauses) implements Expr {
    public IfExpr {
        Objects.requireNonNull(pos, "pos");
        clauses = List.copyOf(clauses);
    }
}
