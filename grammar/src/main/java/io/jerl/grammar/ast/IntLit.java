package io.jerl.grammar.ast;

import java.math.BigInteger;
import java.util.Objects;

/** An integer: decimal, {@code Base#digits}, or a character {@code $c} (erl's chars are integers). */
public record IntLit(Pos pos, BigInteger value) implements Expr {
    public IntLit {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(value, "value");
    }
}
