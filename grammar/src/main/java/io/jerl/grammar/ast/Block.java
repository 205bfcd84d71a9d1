package io.jerl.grammar.ast;

import java.util.List;
import java.util.Objects;

/** {@code begin E1, ..., En end}. */
public record Block(Pos pos, List<Expr> body) implements Expr {
    public Block {
        Objects.requireNonNull(pos, "pos");
        body = List.copyOf(body);
    }
}
