package io.jerl.grammar.ast;

import java.util.Objects;

/** {@code Pattern <- ListExpr}. Position: the {@code <-}. */
public record Generator(Pos pos, Expr pattern, Expr source) implements Qualifier {
    public Generator {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(source, "source");
    }
}
