package io.jerl.grammar.ast;

import java.util.List;
import java.util.Objects;

/** {@code case Expr of Clauses end}; each clause has one pattern. */
public record CaseExpr(Pos pos, Expr expr, List<Clause> clauses) implements Expr {
    public CaseExpr {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(expr, "expr");
        clauses = List.copyOf(clauses);
    }
}
