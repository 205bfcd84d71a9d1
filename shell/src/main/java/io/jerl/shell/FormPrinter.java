package io.jerl.shell;

import io.jerl.grammar.ast.AtomLit;
import io.jerl.grammar.ast.BinOp;
import io.jerl.grammar.ast.Call;
import io.jerl.grammar.ast.CatchExpr;
import io.jerl.grammar.ast.Expr;
import io.jerl.grammar.ast.FloatLit;
import io.jerl.grammar.ast.FunRef;
import io.jerl.grammar.ast.IntLit;
import io.jerl.grammar.ast.ListExpr;
import io.jerl.grammar.ast.MapAssoc;
import io.jerl.grammar.ast.MapExpr;
import io.jerl.grammar.ast.Match;
import io.jerl.grammar.ast.Send;
import io.jerl.grammar.ast.StringLit;
import io.jerl.grammar.ast.TupleExpr;
import io.jerl.grammar.ast.UnaryOp;
import io.jerl.grammar.ast.Var;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.TermPrinter;
import io.jerl.protocol.term.format.PrettyPrinter;
import io.jerl.protocol.term.format.TermStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A form as erl's h() shows it: re-printed on one line the way erl_pp lays out short expressions
 * ({@code Y = {a, "b"}}, {@code (1 + 2) * 3}, {@code node()} for {@code erlang:node()}). Only the usual one-line
 * expressions are re-printed; for anything else (funs, case, receive, comprehensions, binaries, characters
 * written as {@code $c}, a line past 80 columns) h() shows the form as typed.
 */
final class FormPrinter {
    /** Operator → {precedence, associativity: -1 left, 1 right, 0 none}, as erl_parse has them. */
    private static final Map<String, int[]> BINARY = Map.ofEntries(
            Map.entry("orelse", new int[] {150, 1}), Map.entry("andalso", new int[] {160, 1}),
            Map.entry("==", new int[] {200, 0}), Map.entry("/=", new int[] {200, 0}),
            Map.entry("=<", new int[] {200, 0}), Map.entry("<", new int[] {200, 0}),
            Map.entry(">=", new int[] {200, 0}), Map.entry(">", new int[] {200, 0}),
            Map.entry("=:=", new int[] {200, 0}), Map.entry("=/=", new int[] {200, 0}),
            Map.entry("++", new int[] {300, 1}), Map.entry("--", new int[] {300, 1}),
            Map.entry("+", new int[] {400, -1}), Map.entry("-", new int[] {400, -1}),
            Map.entry("bor", new int[] {400, -1}), Map.entry("bxor", new int[] {400, -1}),
            Map.entry("bsl", new int[] {400, -1}), Map.entry("bsr", new int[] {400, -1}),
            Map.entry("or", new int[] {400, -1}), Map.entry("xor", new int[] {400, -1}),
            Map.entry("*", new int[] {500, -1}), Map.entry("/", new int[] {500, -1}),
            Map.entry("div", new int[] {500, -1}), Map.entry("rem", new int[] {500, -1}),
            Map.entry("band", new int[] {500, -1}), Map.entry("and", new int[] {500, -1}));
    private static final int MATCH = 100;
    private static final int PREFIX = 600;
    private static final int PRIMARY = 1000;

    private final TermStyle style;
    private final int number;

    private FormPrinter(TermStyle style, int number) {
        this.style = style;
        this.number = number;
    }

    /**
     * The form for h(): erl's layout when this printer knows every part of it, else {@code source}.
     *
     * @param number the form's prompt number: erl shows {@code v(-1)} in form 22 as {@code v(21)}
     */
    static String print(List<Expr> exprs, String source, TermStyle style, int number) {
        if (source.indexOf('$') >= 0) {
            return source; // $a is an integer in jerl's tree; erl_pp would print it as $a
        }
        List<String> parts = new ArrayList<>();
        FormPrinter p = new FormPrinter(style, number);
        for (Expr e : exprs) {
            String s = p.expr(e, 0);
            if (s == null) {
                return source;
            }
            parts.add(s);
        }
        String line = String.join(", ", parts);
        return line.length() > 72 ? source : line;
    }

    /** {@code e} printed where an expression of at least precedence {@code min} is wanted (else in parentheses). */
    private String expr(Expr e, int min) {
        int prec = precedence(e);
        String s = bare(e);
        return s == null ? null : prec < min ? "(" + s + ")" : s;
    }

    private static int precedence(Expr e) {
        if (e instanceof Match || e instanceof Send) {
            return MATCH;
        } else if (e instanceof CatchExpr) {
            return 0;
        } else if (e instanceof BinOp b && BINARY.containsKey(b.op())) {
            return BINARY.get(b.op())[0];
        } else if (e instanceof UnaryOp) {
            return PREFIX;
        }
        return PRIMARY;
    }

    private String bare(Expr e) {
        if (e instanceof AtomLit a) {
            return TermPrinter.print(Atom.of(a.name()));
        } else if (e instanceof Var v) {
            return v.name();
        } else if (e instanceof IntLit i) {
            return i.value().toString();
        } else if (e instanceof FloatLit f) {
            return TermPrinter.formatFloat(f.value());
        } else if (e instanceof StringLit s) {
            String text = PrettyPrinter.print(ErlList.ofString(s.value()), 1, 0, -1, true, true, style);
            return text.startsWith("\"") ? text : null;
        } else if (e instanceof TupleExpr t) {
            String inner = list(t.elements());
            return inner == null ? null : "{" + inner + "}";
        } else if (e instanceof ListExpr l) {
            return listExpr(l);
        } else if (e instanceof MapExpr m) {
            return map(m);
        } else if (e instanceof Match m) {
            return binary(expr(m.pattern(), MATCH + 1), " = ", expr(m.value(), MATCH));
        } else if (e instanceof Send s) {
            return binary(expr(s.to(), MATCH + 1), " ! ", expr(s.message(), MATCH));
        } else if (e instanceof CatchExpr c) {
            String inner = expr(c.expr(), 0);
            return inner == null ? null : "catch " + inner;
        } else if (e instanceof BinOp b && BINARY.containsKey(b.op())) {
            int[] op = BINARY.get(b.op());
            return binary(expr(b.left(), op[1] < 0 ? op[0] : op[0] + 1), " " + b.op() + " ",
                    expr(b.right(), op[1] > 0 ? op[0] : op[0] + 1));
        } else if (e instanceof UnaryOp u) {
            String operand = expr(u.operand(), PREFIX);
            boolean word = Character.isLetter(u.op().charAt(0));
            return operand == null ? null : u.op() + (word ? " " : "") + operand;
        } else if (e instanceof Call c) {
            return call(c);
        } else if (e instanceof FunRef f) {
            String m = f.module() == null ? "" : bare(f.module()) + ":";
            String n = bare(f.name());
            String a = bare(f.arity());
            return m == null || n == null || a == null ? null : "fun " + m + n + "/" + a;
        }
        return null;
    }

    private static String binary(String left, String op, String right) {
        return left == null || right == null ? null : left + op + right;
    }

    private String list(List<Expr> elements) {
        List<String> out = new ArrayList<>();
        for (Expr x : elements) {
            String s = expr(x, 0);
            if (s == null) {
                return null;
            }
            out.add(s);
        }
        return String.join(", ", out);
    }

    /** erl_pp writes a literal tail list into the list: {@code [1,2|[3]]} is {@code [1, 2, 3]}. */
    private String listExpr(ListExpr l) {
        List<Expr> elements = new ArrayList<>(l.elements());
        Expr tail = l.tail();
        while (tail instanceof ListExpr more) {
            elements.addAll(more.elements());
            tail = more.tail();
        }
        String inner = list(elements);
        String t = tail == null ? "" : expr(tail, 0);
        return inner == null || t == null ? null : "[" + inner + (tail == null ? "" : " | " + t) + "]";
    }

    private String map(MapExpr m) {
        List<String> out = new ArrayList<>();
        for (MapAssoc a : m.assocs()) {
            String k = expr(a.key(), 0);
            String v = expr(a.value(), 0);
            if (k == null || v == null) {
                return null;
            }
            out.add(k + (a.exact() ? " := " : " => ") + v);
        }
        String base = m.base() == null ? "" : expr(m.base(), PRIMARY);
        return base == null ? null : base + "#{" + String.join(", ", out) + "}";
    }

    /** h() leaves out {@code erlang:} before a BIF, as erl's shell does. */
    private String call(Call c) {
        if (c.module() == null && c.function() instanceof AtomLit v && v.name().equals("v") && c.args().size() == 1) {
            Expr n = c.args().get(0);
            if (n instanceof UnaryOp u && u.op().equals("-") && u.operand() instanceof IntLit back) {
                return "v(" + (number - back.value().longValue()) + ")";
            }
            if (n instanceof IntLit zero && zero.value().signum() == 0) {
                return "v(" + number + ")";
            }
        }
        String args = list(c.args());
        String f = expr(c.function(), PRIMARY);
        if (args == null || f == null) {
            return null;
        }
        boolean bif = c.module() instanceof AtomLit m && m.name().equals("erlang") && c.function() instanceof AtomLit n
                && AutoImported.contains(n.name(), c.args().size());
        String m = c.module() == null || bif ? "" : expr(c.module(), PRIMARY);
        return m == null ? null : m + (c.module() == null || bif ? "" : ":") + f + "(" + args + ")";
    }
}
