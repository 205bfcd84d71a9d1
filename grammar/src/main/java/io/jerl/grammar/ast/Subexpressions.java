package io.jerl.grammar.ast;

import java.util.ArrayList;
import java.util.List;

/** The direct sub-expressions of an expression, in source order: what a walker over the AST descends into. */
public final class Subexpressions {

    private Subexpressions() {
    }

    /**
     * The expressions directly inside {@code e}, in the order they appear in the text; the patterns, guards and
     * bodies of clauses, the parts of map associations, bin segments and qualifiers count as directly inside.
     * Empty for literals and variables.
     */
    public static List<Expr> of(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof TupleExpr t) {
            out.addAll(t.elements());
        } else if (e instanceof ListExpr l) {
            out.addAll(l.elements());
            addIfPresent(out, l.tail());
        } else if (e instanceof BinExpr b) {
            segments(out, b.segments());
        } else if (e instanceof MapExpr m) {
            addIfPresent(out, m.base());
            for (MapAssoc a : m.assocs()) {
                out.add(a.key());
                out.add(a.value());
            }
        } else if (e instanceof Match m) {
            out.add(m.pattern());
            out.add(m.value());
        } else if (e instanceof Send s) {
            out.add(s.to());
            out.add(s.message());
        } else if (e instanceof BinOp o) {
            out.add(o.left());
            out.add(o.right());
        } else if (e instanceof UnaryOp o) {
            out.add(o.operand());
        } else if (e instanceof Call c) {
            addIfPresent(out, c.module());
            out.add(c.function());
            out.addAll(c.args());
        } else if (e instanceof FunRef f) {
            addIfPresent(out, f.module());
            out.add(f.name());
            out.add(f.arity());
        } else if (e instanceof FunExpr f) {
            clauses(out, f.clauses());
        } else if (e instanceof CaseExpr c) {
            out.add(c.expr());
            clauses(out, c.clauses());
        } else if (e instanceof IfExpr i) {
            clauses(out, i.clauses());
        } else if (e instanceof ReceiveExpr r) {
            clauses(out, r.clauses());
            addIfPresent(out, r.afterTimeout());
            out.addAll(r.afterBody());
        } else if (e instanceof Block b) {
            out.addAll(b.body());
        } else if (e instanceof TryExpr t) {
            out.addAll(t.body());
            clauses(out, t.ofClauses());
            for (CatchClause c : t.catchClauses()) {
                addIfPresent(out, c.klass());
                out.add(c.reason());
                addIfPresent(out, c.stack());
                guards(out, c.guards());
                out.addAll(c.body());
            }
            out.addAll(t.after());
        } else if (e instanceof CatchExpr c) {
            out.add(c.expr());
        } else if (e instanceof ListComp l) {
            out.add(l.template());
            qualifiers(out, l.qualifiers());
        } else if (e instanceof BinComp b) {
            out.add(b.template());
            qualifiers(out, b.qualifiers());
        }
        return out;
    }

    private static void addIfPresent(List<Expr> out, Expr e) {
        if (e != null) {
            out.add(e);
        }
    }

    private static void segments(List<Expr> out, List<BinSegment> segments) {
        for (BinSegment s : segments) {
            out.add(s.value());
            addIfPresent(out, s.size());
        }
    }

    private static void clauses(List<Expr> out, List<Clause> clauses) {
        for (Clause c : clauses) {
            out.addAll(c.patterns());
            guards(out, c.guards());
            out.addAll(c.body());
        }
    }

    private static void guards(List<Expr> out, List<List<Expr>> guards) {
        for (List<Expr> g : guards) {
            out.addAll(g);
        }
    }

    private static void qualifiers(List<Expr> out, List<Qualifier> qualifiers) {
        for (Qualifier q : qualifiers) {
            if (q instanceof Generator g) {
                out.add(g.pattern());
                out.add(g.source());
            } else if (q instanceof BinGenerator g) {
                out.add(g.pattern());
                out.add(g.source());
            } else {
                out.add(((Filter) q).expr());
            }
        }
    }
}
