package io.jerl.grammar.ast;

import java.util.Objects;

/** {@code Pattern = Value}. Right-associative: {@code A = B = 1} is {@code A = (B = 1)}. */
public record Match(Pos pos, Expr pattern, Expr value) implements Expr {
    public Match {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(value, "value");
    }
}
