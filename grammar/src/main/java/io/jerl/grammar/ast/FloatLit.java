package io.jerl.grammar.ast;

import java.util.Objects;

/** A float literal; always finite (erl rejects {@code 1.0e400} as an illegal float). */
public record FloatLit(Pos pos, double value) implements Expr {
    public FloatLit {
        Objects.requireNonNull(pos, "pos");
    }
}
