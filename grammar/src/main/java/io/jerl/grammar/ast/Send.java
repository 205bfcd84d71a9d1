package io.jerl.grammar.ast;

import java.util.Objects;

/** {@code To ! Message}. Right-associative: {@code A ! B ! C} is {@code A ! (B ! C)}. Position: the {@code !}. */
public record Send(Pos pos, Expr to, Expr message) implements Expr {
    public Send {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message");
    }
}
