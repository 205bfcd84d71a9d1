package io.jerl.grammar;

import io.jerl.grammar.ast.Expr;
import java.util.List;
import java.util.Objects;

/** What {@link ExprParser#parse(String)} returns: the expressions of one form, or where and why they are wrong. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.SyntaxError {

    /** The comma-separated expressions of {@code E1, ..., En.}, in order; never empty. */
    record Parsed(List<Expr> exprs) implements ParseResult {
        public Parsed {
            exprs = List.copyOf(exprs);
            if (exprs.isEmpty()) {
                throw new IllegalArgumentException("a form has at least one expression");
            }
        }
    }

    /**
     * An error at a 1-based line and column, worded as erl words it: {@code syntax error before: ')'},
     * {@code unterminated string starting with "abc"}, {@code illegal integer}, {@code head mismatch},
     * {@code record rec undefined}, ...
     */
    record SyntaxError(int line, int column, String message) implements ParseResult {
        public SyntaxError {
            Objects.requireNonNull(message, "message");
        }

        /** The line the OTP 25 shell prints for this error, e.g. {@code * 1:7: syntax error before: ')'}. */
        public String erlStyle() {
            return "* " + line + ":" + column + ": " + message;
        }
    }
}
