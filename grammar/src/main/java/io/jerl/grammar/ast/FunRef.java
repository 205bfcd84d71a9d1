package io.jerl.grammar.ast;

import java.util.Objects;

/**
 * {@code fun f/1} (module null; name an {@link AtomLit} and arity an {@link IntLit}), or {@code fun m:f/2} and
 * {@code fun M:F/A}, where each part is an atom, a variable or (arity) an integer.
 */
public record FunRef(Pos pos, Expr module, Expr name, Expr arity) implements Expr {
    public FunRef {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arity, "arity");
    }
}
