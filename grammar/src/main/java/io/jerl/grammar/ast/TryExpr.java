package io.jerl.grammar.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code try Body of OfClauses catch CatchClauses after After end}. There is at least one catch clause or an
 * {@code after} part.
 */
public record TryExpr(Pos pos, List<Expr> body, List<Clause> ofClauses, List<CatchClause> catchClauses,
                      List<Expr> after) implements Expr {
    public TryExpr {
        Objects.requireNonNull(pos, "pos");
        body = List.copyOf(body);
        ofClauses = List.copyOf(ofClauses);
        catchClauses = List.copyOf(catchClauses);
        after = List.copyOf(after);
    }
}
