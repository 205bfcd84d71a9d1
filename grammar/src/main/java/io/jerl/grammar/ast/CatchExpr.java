package io.jerl.grammar.ast;

import java.util.Objects;

/** {@code catch Expr}. */
public record CatchExpr(Pos pos, Expr expr) implements Expr {
    public CatchExpr {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(expr, "expr");
    }
}
