package io.jerl.grammar.ast;

import java.util.Objects;

/** An atom, bare ({@code ok}) or quoted ({@code 'foo@ROGER-SURFACE-GO'}), with escapes already decoded. */
public record AtomLit(Pos pos, String name) implements Expr {
    public AtomLit {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(name, "name");
    }
}
