package io.jerl.grammar.ast;

import java.util.List;
import java.util.Objects;

/**
 * A map: {@code #{K => V, ...}} when {@code base} is null, else an update {@code Base#{K := V, K2 => V2}}.
 * {@code M#{a := 1}#{b => 2}} is an update whose base is itself an update.
 *
 * @param pos the {@code #}
 */
public record MapExpr(Pos pos, Expr base, List<MapAssoc> assocs) implements Expr {
    public MapExpr {
        Objects.requireNonNull(pos, "pos");
        assocs = List.copyOf(assocs);
    }
}
