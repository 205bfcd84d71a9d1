package io.jerl.grammar.ast;

import java.util.Objects;

/** A filter: a guard-like expression that must evaluate to {@code true} (or {@code false} to skip). */
public record Filter(Expr expr) implements Qualifier {
    public Filter {
        Objects.requireNonNull(expr, "expr");
    }

    @Override
    public Pos pos() {
        return expr.pos();
    }
}
