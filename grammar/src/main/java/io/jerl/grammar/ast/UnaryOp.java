package io.jerl.grammar.ast;

import java.util.Objects;

/** A prefix operator: {@code + - bnot not}. Position: the operator. */
public record UnaryOp(Pos pos, String op, Expr operand) implements Expr {
    public UnaryOp {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(operand, "operand");
    }
}
