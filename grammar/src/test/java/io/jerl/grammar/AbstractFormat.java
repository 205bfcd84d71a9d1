package io.jerl.grammar;

import io.jerl.grammar.ast.AtomLit;
import io.jerl.grammar.ast.BinComp;
import io.jerl.grammar.ast.BinExpr;
import io.jerl.grammar.ast.BinGenerator;
import io.jerl.grammar.ast.BinOp;
import io.jerl.grammar.ast.BinSegment;
import io.jerl.grammar.ast.Block;
import io.jerl.grammar.ast.Call;
import io.jerl.grammar.ast.CaseExpr;
import io.jerl.grammar.ast.CatchClause;
import io.jerl.grammar.ast.CatchExpr;
import io.jerl.grammar.ast.Clause;
import io.jerl.grammar.ast.Expr;
import io.jerl.grammar.ast.Filter;
import io.jerl.grammar.ast.FloatLit;
import io.jerl.grammar.ast.FunExpr;
import io.jerl.grammar.ast.FunRef;
import io.jerl.grammar.ast.Generator;
import io.jerl.grammar.ast.IfExpr;
import io.jerl.grammar.ast.IntLit;
import io.jerl.grammar.ast.ListComp;
import io.jerl.grammar.ast.ListExpr;
import io.jerl.grammar.ast.MapAssoc;
import io.jerl.grammar.ast.MapExpr;
import io.jerl.grammar.ast.Match;
import io.jerl.grammar.ast.Qualifier;
import io.jerl.grammar.ast.ReceiveExpr;
import io.jerl.grammar.ast.Send;
import io.jerl.grammar.ast.StringLit;
import io.jerl.grammar.ast.TryExpr;
import io.jerl.grammar.ast.TupleExpr;
import io.jerl.grammar.ast.TypeSpecifier;
import io.jerl.grammar.ast.UnaryOp;
import io.jerl.grammar.ast.Var;
import java.util.List;

/**
 * Writes an AST as erl_parse's abstract format with every annotation 0, the way {@code io_lib:format("~w", ...)}
 * writes it, so that a test can compare the tree jerl builds with the one erl builds for the same text
 * (erl_check.escript writes erl's side). Characters are integers on both sides.
 */
final class AbstractFormat {

    private AbstractFormat() {
    }

    static String exprs(List<Expr> exprs) {
        StringBuilder sb = new StringBuilder();
        list(sb, exprs);
        return sb.toString();
    }

    private static void list(StringBuilder sb, List<? extends Expr> exprs) {
        sb.append('[');
        for (int i = 0; i < exprs.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            expr(sb, exprs.get(i));
        }
        sb.append(']');
    }

    private static void atom(StringBuilder sb, String name) {
        sb.append(ErlText.writeAtom(name));
    }

    private static void expr(StringBuilder sb, Expr e) {
        if (e instanceof AtomLit a) {
            sb.append("{atom,0,");
            atom(sb, a.name());
            sb.append('}');
        } else if (e instanceof IntLit i) {
            sb.append("{integer,0,").append(i.value()).append('}');
        } else if (e instanceof FloatLit f) {
            sb.append("{float,0,").append(ErlText.formatFloat(f.value())).append('}');
        } else if (e instanceof StringLit s) {
            sb.append("{string,0,");
            codePoints(sb, s.value());
            sb.append('}');
        } else if (e instanceof Var v) {
            sb.append("{var,0,");
            atom(sb, v.name());
            sb.append('}');
        } else if (e instanceof TupleExpr t) {
            sb.append("{tuple,0,");
            list(sb, t.elements());
            sb.append('}');
        } else if (e instanceof ListExpr l) {
            cons(sb, l.elements(), 0, l.tail());
        } else if (e instanceof BinExpr b) {
            bin(sb, b);
        } else if (e instanceof MapExpr m) {
            sb.append("{map,0,");
            if (m.base() != null) {
                expr(sb, m.base());
                sb.append(',');
            }
            sb.append('[');
            for (int i = 0; i < m.assocs().size(); i++) {
                MapAssoc a = m.assocs().get(i);
                sb.append(i > 0 ? "," : "").append(a.exact() ? "{map_field_exact,0," : "{map_field_assoc,0,");
                expr(sb, a.key());
                sb.append(',');
                expr(sb, a.value());
                sb.append('}');
            }
            sb.append("]}");
        } else if (e instanceof Match m) {
            sb.append("{match,0,");
            expr(sb, m.pattern());
            sb.append(',');
            expr(sb, m.value());
            sb.append('}');
        } else if (e instanceof Send s) {
            sb.append("{op,0,'!',");
            expr(sb, s.to());
            sb.append(',');
            expr(sb, s.message());
            sb.append('}');
        } else if (e instanceof BinOp o) {
            sb.append("{op,0,");
            atom(sb, o.op());
            sb.append(',');
            expr(sb, o.left());
            sb.append(',');
            expr(sb, o.right());
            sb.append('}');
        } else if (e instanceof UnaryOp o) {
            sb.append("{op,0,");
            atom(sb, o.op());
            sb.append(',');
            expr(sb, o.operand());
            sb.append('}');
        } else if (e instanceof Call c) {
            sb.append("{call,0,");
            if (c.module() != null) {
                sb.append("{remote,0,");
                expr(sb, c.module());
                sb.append(',');
                expr(sb, c.function());
                sb.append('}');
            } else {
                expr(sb, c.function());
            }
            sb.append(',');
            list(sb, c.args());
            sb.append('}');
        } else if (e instanceof FunRef f) {
            sb.append("{'fun',0,{function,");
            if (f.module() == null) {
                atom(sb, ((AtomLit) f.name()).name());
                sb.append(',').append(((IntLit) f.arity()).value());
            } else {
                expr(sb, f.module());
                sb.append(',');
                expr(sb, f.name());
                sb.append(',');
                expr(sb, f.arity());
            }
            sb.append("}}");
        } else if (e instanceof FunExpr f) {
            if (f.name() == null) {
                sb.append("{'fun',0,{clauses,");
                clauses(sb, f.clauses());
                sb.append("}}");
            } else {
                sb.append("{named_fun,0,");
                atom(sb, f.name());
                sb.append(',');
                clauses(sb, f.clauses());
                sb.append('}');
            }
        } else if (e instanceof CaseExpr c) {
            sb.append("{'case',0,");
            expr(sb, c.expr());
            sb.append(',');
            clauses(sb, c.clauses());
            sb.append('}');
        } else if (e instanceof IfExpr i) {
            sb.append("{'if',0,");
            clauses(sb, i.clauses());
            sb.append('}');
        } else if (e instanceof ReceiveExpr r) {
            sb.append("{'receive',0,");
            clauses(sb, r.clauses());
            if (r.afterTimeout() != null) {
                sb.append(',');
                expr(sb, r.afterTimeout());
                sb.append(',');
                list(sb, r.afterBody());
            }
            sb.append('}');
        } else if (e instanceof Block b) {
            sb.append("{block,0,");
            list(sb, b.body());
            sb.append('}');
        } else if (e instanceof TryExpr t) {
            sb.append("{'try',0,");
            list(sb, t.body());
            sb.append(',');
            clauses(sb, t.ofClauses());
            sb.append(",[");
            for (int i = 0; i < t.catchClauses().size(); i++) {
                CatchClause c = t.catchClauses().get(i);
                sb.append(i > 0 ? "," : "").append("{clause,0,[{tuple,0,[");
                if (c.klass() == null) {
                    sb.append("{atom,0,throw}");
                } else {
                    expr(sb, c.klass());
                }
                sb.append(',');
                expr(sb, c.reason());
                sb.append(',');
                if (c.stack() == null) {
                    sb.append("{var,0,'_'}");
                } else {
                    expr(sb, c.stack());
                }
                sb.append("]}],");
                guards(sb, c.guards());
                sb.append(',');
                list(sb, c.body());
                sb.append('}');
            }
            sb.append("],");
            list(sb, t.after());
            sb.append('}');
        } else if (e instanceof CatchExpr c) {
            sb.append("{'catch',0,");
            expr(sb, c.expr());
            sb.append('}');
        } else if (e instanceof ListComp l) {
            sb.append("{lc,0,");
            expr(sb, l.template());
            sb.append(',');
            qualifiers(sb, l.qualifiers());
            sb.append('}');
        } else if (e instanceof BinComp b) {
            sb.append("{bc,0,");
            expr(sb, b.template());
            sb.append(',');
            qualifiers(sb, b.qualifiers());
            sb.append('}');
        } else {
            throw new IllegalArgumentException("unknown node " + e);
        }
    }

    private static void codePoints(StringBuilder sb, String s) {
        sb.append('[');
        boolean first = true;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            sb.append(first ? "" : ",").append(c);
            first = false;
            i += Character.charCount(c);
        }
        sb.append(']');
    }

    private static void cons(StringBuilder sb, List<Expr> elements, int from, Expr tail) {
        for (int i = from; i < elements.size(); i++) {
            sb.append("{cons,0,");
            expr(sb, elements.get(i));
            sb.append(',');
        }
        if (tail == null) {
            sb.append("{nil,0}");
        } else {
            expr(sb, tail);
        }
        sb.append("}".repeat(elements.size() - from));
    }

    private static void bin(StringBuilder sb, BinExpr b) {
        sb.append("{bin,0,[");
        for (int i = 0; i < b.segments().size(); i++) {
            BinSegment s = b.segments().get(i);
            sb.append(i > 0 ? "," : "").append("{bin_element,0,");
            expr(sb, s.value());
            sb.append(',');
            if (s.size() == null) {
                sb.append("default");
            } else {
                expr(sb, s.size());
            }
            sb.append(',');
            if (s.types().isEmpty()) {
                sb.append("default");
            } else {
                sb.append('[');
                for (int j = 0; j < s.types().size(); j++) {
                    TypeSpecifier t = s.types().get(j);
                    sb.append(j > 0 ? "," : "");
                    if (t.value() == null) {
                        atom(sb, t.name());
                    } else {
                        sb.append('{');
                        atom(sb, t.name());
                        sb.append(',').append(t.value()).append('}');
                    }
                }
                sb.append(']');
            }
            sb.append('}');
        }
        sb.append("]}");
    }

    private static void clauses(StringBuilder sb, List<Clause> clauses) {
        sb.append('[');
        for (int i = 0; i < clauses.size(); i++) {
            Clause c = clauses.get(i);
            sb.append(i > 0 ? "," : "").append("{clause,0,");
            list(sb, c.patterns());
            sb.append(',');
            guards(sb, c.guards());
            sb.append(',');
            list(sb, c.body());
            sb.append('}');
        }
        sb.append(']');
    }

    private static void guards(StringBuilder sb, List<List<Expr>> guards) {
        sb.append('[');
        for (int i = 0; i < guards.size(); i++) {
            sb.append(i > 0 ? "," : "");
            list(sb, guards.get(i));
        }
        sb.append(']');
    }

    private static void qualifiers(StringBuilder sb, List<Qualifier> qualifiers) {
        sb.append('[');
        for (int i = 0; i < qualifiers.size(); i++) {
            Qualifier q = qualifiers.get(i);
            sb.append(i > 0 ? "," : "");
            if (q instanceof Generator g) {
                sb.append("{generate,0,");
                expr(sb, g.pattern());
                sb.append(',');
                expr(sb, g.source());
                sb.append('}');
            } else if (q instanceof BinGenerator g) {
                sb.append("{b_generate,0,");
                expr(sb, g.pattern());
                sb.append(',');
                expr(sb, g.source());
                sb.append('}');
            } else {
                expr(sb, ((Filter) q).expr());
            }
        }
        sb.append(']');
    }
}
