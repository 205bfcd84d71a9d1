package io.jerl.grammar.ast;

import java.util.List;
import java.util.Objects;

/** {@code {E1, ..., En}}. */
public record TupleExpr(Pos pos, List<Expr> elements) implements Expr {
    public TupleExpr {
        Objects.requireNonNull(pos, "pos");
        elements = List.copyOf(elements);
    }
}
