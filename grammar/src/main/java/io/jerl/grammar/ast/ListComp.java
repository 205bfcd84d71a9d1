package io.jerl.grammar.ast;

import java.util.List;
import java.util.Objects;

/** {@code [Template || Qualifier, ...]}. */
public record ListComp(Pos pos, Expr template, List<Qualifier> qualifiers) implements Expr {
    public ListComp {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(template, "template");
        qualifiers = List.copyOf(qualifiers);
    }
}
