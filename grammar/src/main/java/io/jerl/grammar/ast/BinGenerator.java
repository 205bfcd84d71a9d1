package io.jerl.grammar.ast;

import java.util.Objects;

/** {@code <<Segments>> <= BinaryExpr}. Position: the {@code <=}. */
public record BinGenerator(Pos pos, BinExpr pattern, Expr source) implements Qualifier {
    public BinGenerator {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(source, "source");
    }
}
