package io.jerl.grammar.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code [E1, ..., En]} or {@code [E1, ..., En | Tail]}. {@code []} has no elements and no tail.
 *
 * @param tail the expression after {@code |}, or null for a proper list
 */
public record ListExpr(Pos pos, List<Expr> elements, Expr tail) implements Expr {
    public ListExpr {
        Objects.requireNonNull(pos, "pos");
        elements = List.copyOf(elements);
        if (tail != null && elements.isEmpty()) {
            throw new IllegalArgumentException("a list with a tail has at least one element");
        }
    }
}
