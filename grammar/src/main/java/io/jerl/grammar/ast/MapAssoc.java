package io.jerl.grammar.ast;

import java.util.Objects;

/**
 * One {@code K => V} (exact false) or {@code K := V} (exact true) of a map expression or map pattern.
 *
 * @param pos the {@code =>} or {@code :=}
 */
public record MapAssoc(Pos pos, Expr key, Expr value, boolean exact) {
    public MapAssoc {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
