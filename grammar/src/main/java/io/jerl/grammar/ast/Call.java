package io.jerl.grammar.ast;

import java.util.List;
import java.util.Objects;

/**
 * A call: local {@code f(X)}, {@code F(X)}, {@code (fun ...)(1)} (module null), or remote {@code m:f(A)},
 * {@code M:F(A)}.
 *
 * @param module   the expression before {@code :}, or null for a local call
 * @param function the function: an {@link AtomLit} names one, any other expression should evaluate to a fun
 *                 (local) or an atom (remote)
 */
public record Call(Pos pos, Expr module, Expr function, List<Expr> args) implements Expr {
    public Call {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(function, "function");
        args = List.copyOf(args);
    }

    public boolean isRemote() {
        return module != null;
    }
}
