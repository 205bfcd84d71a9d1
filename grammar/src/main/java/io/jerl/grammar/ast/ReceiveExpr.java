package io.jerl.grammar.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code receive Clauses after Timeout -> Body end}. Both parts are optional, not both: {@code receive after 100 ->
 * ok end} has no clauses.
 *
 * @param afterTimeout the timeout expression, or null when there is no {@code after}
 * @param afterBody    the body of the {@code after} part; empty when there is none
 */
public record ReceiveExpr(Pos pos, List<Clause> clauses, Expr afterTimeout, List<Expr> afterBody) implements Expr {
    public ReceiveExpr {
        Objects.requireNonNull(pos, "pos");
        clauses = List.copyOf(clauses);
        afterBody = List.copyOf(afterBody);
    }
}
