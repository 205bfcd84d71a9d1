package io.jerl.grammar.ast;

import java.util.List;
import java.util.Objects;

/** {@code << Template || Qualifier, ... >>}; the template should evaluate to a bitstring. */
public record BinComp(Pos pos, Expr template, List<Qualifier> qualifiers) implements Expr {
    public BinComp {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(template, "template");
        qualifiers = List.copyOf(qualifiers);
    }
}
