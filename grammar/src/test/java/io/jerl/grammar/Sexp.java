package io.jerl.grammar;

import io.jerl.grammar.ast.AtomLit;
import io.jerl.grammar.ast.BinOp;
import io.jerl.grammar.ast.Call;
import io.jerl.grammar.ast.CatchExpr;
import io.jerl.grammar.ast.Expr;
import io.jerl.grammar.ast.FloatLit;
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
import java.util.List;

/**
 * A compact, position-free rendering of an AST for assertions on its shape: {@code (= X (+ 1 (* 2 3)))},
 * {@code [1 2 | T]}, {@code {a b}}, {@code (call m:f 1)}, {@code (#{} M a:=1)}. Nodes without a compact form are
 * written in abstract format.
 */
final class Sexp {

    private Sexp() {
    }

    static String of(List<Expr> exprs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < exprs.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(of(exprs.get(i)));
        }
        return sb.toString();
    }

    static String of(Expr e) {
        if (e instanceof AtomLit a) {
            return ErlText.writeAtom(a.name());
        } else if (e instanceof IntLit i) {
            return i.value().toString();
        } else if (e instanceof FloatLit f) {
            return ErlText.formatFloat(f.value());
        } else if (e instanceof StringLit s) {
            return ErlText.writeString(s.value(), '"');
        } else if (e instanceof Var v) {
            return v.name();
        } else if (e instanceof Match m) {
            return "(= " + of(m.pattern()) + " " + of(m.value()) + ")";
        } else if (e instanceof Send s) {
            return "(! " + of(s.to()) + " " + of(s.message()) + ")";
        } else if (e instanceof BinOp o) {
            return "(" + o.op() + " " + of(o.left()) + " " + of(o.right()) + ")";
        } else if (e instanceof UnaryOp o) {
            return "(" + o.op() + " " + of(o.operand()) + ")";
        } else if (e instanceof CatchExpr c) {
            return "(catch " + of(c.expr()) + ")";
        } else if (e instanceof Call c) {
            StringBuilder sb = new StringBuilder("(call ");
            if (c.module() != null) {
                sb.append(of(c.module())).append(':');
            }
            sb.append(of(c.function()));
            for (Expr a : c.args()) {
                sb.append(' ').append(of(a));
            }
            return sb.append(')').toString();
        } else if (e instanceof ListExpr l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.elements().size(); i++) {
                sb.append(i > 0 ? " " : "").append(of(l.elements().get(i)));
            }
            if (l.tail() != null) {
                sb.append(" | ").append(of(l.tail()));
            }
            return sb.append(']').toString();
        } else if (e instanceof TupleExpr t) {
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < t.elements().size(); i++) {
                sb.append(i > 0 ? " " : "").append(of(t.elements().get(i)));
            }
            return sb.append('}').toString();
        } else if (e instanceof MapExpr m) {
            StringBuilder sb = new StringBuilder("(#{}");
            if (m.base() != null) {
                sb.append(' ').append(of(m.base()));
            }
            for (MapAssoc a : m.assocs()) {
                sb.append(' ').append(of(a.key())).append(a.exact() ? ":=" : "=>").append(of(a.value()));
            }
            return sb.append(')').toString();
        }
        return AbstractFormat.exprs(List.of(e));
    }
}
