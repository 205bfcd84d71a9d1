package io.jerl.grammar.ast;

import java.util.Objects;

/**
 * A string literal: an Erlang list of code points, kept as text. Adjacent literals ({@code "ab" "cd"}) are already
 * joined, as erl_parse joins them; escapes are decoded. May hold any code point except surrogates.
 */
public record StringLit(Pos pos, String value) implements Expr {
    public StringLit {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(value, "value");
    }
}
