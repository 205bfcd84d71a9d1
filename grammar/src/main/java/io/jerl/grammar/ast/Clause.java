package io.jerl.grammar.ast;

import java.util.List;
import java.util.Objects;

/**
 * A clause {@code Patterns when Guards -> Body}: of a fun (any number of patterns), of {@code case},
 * {@code receive} and {@code try ... of} (one pattern), or of {@code if} (no pattern).
 *
 * @param guards the guard sequence: alternatives separated by {@code ;}, each a list of tests separated by
 *               {@code ,}; empty when there is no {@code when}
 */
public record Clause(Pos pos, List<Expr> patterns, List<List<Expr>> guards, List<Expr> body) {
    public Clause {
        Objects.requireNonNull(pos, "pos");
        patterns = List.copyOf(patterns);
        guards = guards.stream().map(List::copyOf).toList();
        body = List.copyOf(body);
    }
}
