package io.jerl.grammar.ast;

import java.util.Objects;

/**
 * A binary operator, named as erl names it: {@code + - * / div rem band bor bxor bsl bsr and or xor ++ --
 * == /= =< < >= > =:= =/= andalso orelse}. {@code andalso} and {@code orelse} short-circuit; the evaluator must not
 * evaluate {@code right} first. Position: the operator.
 */
public record BinOp(Pos pos, String op, Expr left, Expr right) implements Expr {
    public BinOp {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    /** True for {@code andalso} and {@code orelse}. */
    public boolean isShortCircuit() {
        return op.equals("andalso") || op.equals("orelse");
    }
}
