package io.jerl.shell.tls;

import io.jerl.grammar.ExprParser;
import io.jerl.grammar.ParseResult;
import io.jerl.grammar.ast.AtomLit;
import io.jerl.grammar.ast.Expr;
import io.jerl.grammar.ast.IntLit;
import io.jerl.grammar.ast.ListExpr;
import io.jerl.grammar.ast.StringLit;
import io.jerl.grammar.ast.TupleExpr;
import io.jerl.shell.ShellException;
import java.util.ArrayList;
import java.util.List;

/**
 * The literal terms of an {@code ssl_dist.conf} ({@code [{server, [...]}, {client, [...]}].}, as erl reads it with
 * file:consult), read with jerl's own Erlang grammar: atoms, strings, integers, lists and tuples. Anything
 * else (a fun, a call) is not a literal and is refused with its line and column.
 */
final class OptionTerms {
    /** An atom, as distinct from a string. */
    record Atom(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A tuple of literal values. */
    record Tuple(List<Object> elements) {
    }

    private OptionTerms() {
    }

    /** The one term of {@code text}; {@code source} names the file in errors. */
    static Object parse(String text, String source) {
        ParseResult r = ExprParser.parse(text);
        if (r instanceof ParseResult.SyntaxError e) {
            throw new ShellException(source + ":" + e.line() + ":" + e.column() + ": " + e.message());
        }
        List<Expr> exprs = ((ParseResult.Parsed) r).exprs();
        if (exprs.size() != 1) {
            throw new ShellException(source + ": expected one term, [{server, [...]}, {client, [...]}]., found "
                    + exprs.size() + " separated by commas");
        }
        return value(exprs.get(0), source);
    }

    private static Object value(Expr e, String source) {
        if (e instanceof AtomLit a) {
            return new Atom(a.name());
        }
        if (e instanceof StringLit s) {
            return s.value();
        }
        if (e instanceof IntLit i) {
            if (i.value().bitLength() > 31) {
                throw new ShellException(source + ":" + e.pos().line() + ":" + e.pos().column() + ": " + i.value()
                        + " is too large for an option");
            }
            return i.value().intValue();
        }
        if (e instanceof TupleExpr t) {
            List<Object> out = new ArrayList<>();
            for (Expr x : t.elements()) {
                out.add(value(x, source));
            }
            return new Tuple(out);
        }
        if (e instanceof ListExpr l && l.tail() == null) {
            List<Object> out = new ArrayList<>();
            for (Expr x : l.elements()) {
                out.add(value(x, source));
            }
            return out;
        }
        throw new ShellException(source + ":" + e.pos().line() + ":" + e.pos().column()
                + ": only literal terms (atoms, strings, numbers, lists, tuples) are allowed here");
    }
}
