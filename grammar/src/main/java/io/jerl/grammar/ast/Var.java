package io.jerl.grammar.ast;

import java.util.Objects;

/** A variable. {@code _} is the anonymous variable; a name starting with {@code _} is not warned about when unused. */
public record Var(Pos pos, String name) implements Expr {
    public Var {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(name, "name");
    }

    /** True for {@code _}, which never binds and matches anything. */
    public boolean isAnonymous() {
        return name.equals("_");
    }

    /** True for {@code _} and {@code _Name}. */
    public boolean isUnderscored() {
        return name.startsWith("_");
    }
}
