package io.jerl.shell.eval;

import io.jerl.grammar.ast.AtomLit;
import io.jerl.grammar.ast.BinOp;
import io.jerl.grammar.ast.Expr;
import io.jerl.grammar.ast.FloatLit;
import io.jerl.grammar.ast.IntLit;
import io.jerl.grammar.ast.ListExpr;
import io.jerl.grammar.ast.MapAssoc;
import io.jerl.grammar.ast.MapExpr;
import io.jerl.grammar.ast.Match;
import io.jerl.grammar.ast.StringLit;
import io.jerl.grammar.ast.TupleExpr;
import io.jerl.grammar.ast.UnaryOp;
import io.jerl.grammar.ast.Var;
import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.ErlMap;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Pattern matching. {@link #match} binds the pattern's unbound variables in {@code b} as it goes and does
 * not undo them on failure: callers match into {@link Bindings#copy()} and commit on success.
 * Map keys in patterns are expressions over the already bound variables; the evaluator computes them.
 */
public final class Matcher {
    private final Evaluator evaluator;
    private final CallContext ctx;

    public Matcher(Evaluator evaluator, CallContext ctx) {
        this.evaluator = evaluator;
        this.ctx = ctx;
    }

    /** Pattern forms that are not patterns ({@code f(X) = 1}) raise {@code error:illegal_pattern}. */
    public boolean match(Expr p, Term v, Bindings b) throws InterruptedException {
        if (p instanceof Var var) {
            if (var.isAnonymous()) {
                return true;
            }
            Term bound = b.get(var.name());
            if (bound != null) {
                return bound.equals(v);
            }
            b.bind(var.name(), v);
            return true;
        } else if (p instanceof AtomLit a) {
            return v.equals(Atom.of(a.name()));
        } else if (p instanceof IntLit i) {
            return v.equals(ErlInt.of(i.value()));
        } else if (p instanceof FloatLit f) {
            return v.equals(new ErlFloat(f.value()));
        } else if (p instanceof StringLit s) {
            return v.equals(ErlList.ofString(s.value()));
        } else if (p instanceof TupleExpr t) {
            if (!(v instanceof Tuple tv) || tv.arity() != t.elements().size()) {
                return false;
            }
            for (int i = 0; i < tv.arity(); i++) {
                if (!match(t.elements().get(i), tv.get(i), b)) {
                    return false;
                }
            }
            return true;
        } else if (p instanceof ListExpr l) {
            return matchList(l.elements(), l.tail(), v, b);
        } else if (p instanceof Match m) {
            return match(m.pattern(), v, b) && match(m.value(), v, b);
        } else if (p instanceof MapExpr m && m.base() == null) {
            if (!(v instanceof ErlMap mv)) {
                return false;
            }
            for (MapAssoc a : m.assocs()) {
                Term key = evaluator.eval(a.key(), b, ctx);
                Term val = mv.get(key);
                if (val == null || !match(a.value(), val, b)) {
                    return false;
                }
            }
            return true;
        } else if (p instanceof BinOp op && op.op().equals("++")) {
            Term prefix = literalPrefix(op.left());
            Term rest = v;
            if (prefix instanceof ErlList pl) {
                if (!pl.isProper()) {
                    throw illegal();
                }
                for (Term expected : pl.elements()) {
                    if (!(rest instanceof ErlList rl) || !rl.elements()[0].equals(expected)) {
                        return false;
                    }
                    rest = tailAfter(rl, 1);
                }
            }
            return match(op.right(), rest, b);
        } else if (p instanceof UnaryOp u && (u.op().equals("-") || u.op().equals("+"))) {
            Term lit = literalNumber(u.operand());
            if (u.op().equals("-")) {
                lit = BasicOperators.unary("-", lit);
            }
            return v.equals(lit);
        } else if (p instanceof io.jerl.grammar.ast.BinExpr be) {
            return Binaries.match(evaluator, ctx, be, v, b, this);
        }
        throw illegal();
    }

    private boolean matchList(List<Expr> elems, Expr tail, Term v, Bindings b) throws InterruptedException {
        Term rest = v;
        for (Expr e : elems) {
            if (!(rest instanceof ErlList rl)) {
                return false;
            }
            if (!match(e, rl.elements()[0], b)) {
                return false;
            }
            rest = tailAfter(rl, 1);
        }
        return tail == null ? rest == Nil.NIL : match(tail, rest, b);
    }

    static Term tailAfter(ErlList l, int n) {
        if (n >= l.elements().length) {
            return l.tail();
        }
        return new ErlList(Arrays.copyOfRange(l.elements(), n, l.elements().length), l.tail());
    }

    private static Term literalPrefix(Expr e) {
        if (e instanceof StringLit s) {
            return ErlList.ofString(s.value());
        }
        if (e instanceof ListExpr l && l.tail() == null) {
            Term[] out = new Term[l.elements().size()];
            for (int i = 0; i < out.length; i++) {
                Expr x = l.elements().get(i);
                if (x instanceof IntLit il) {
                    out[i] = ErlInt.of(il.value());
                } else {
                    throw illegal();
                }
            }
            return ErlList.of(out);
        }
        throw illegal();
    }

    private static Term literalNumber(Expr e) {
        if (e instanceof IntLit i) {
            return ErlInt.of(i.value());
        }
        if (e instanceof FloatLit f) {
            return new ErlFloat(f.value());
        }
        throw illegal();
    }

    static ErlangException illegal() {
        return ErlangException.error(Atom.of("illegal_pattern"));
    }

    /** The variables a pattern binds (for fun heads and generators, whose variables shadow outer ones). */
    public static void variables(Expr p, Set<String> out) {
        if (p instanceof Var v) {
            if (!v.isAnonymous()) {
                out.add(v.name());
            }
        } else if (p instanceof MapExpr m) {
            // keys are expressions over outer variables; only values bind
            for (MapAssoc a : m.assocs()) {
                variables(a.value(), out);
            }
        } else if (p instanceof io.jerl.grammar.ast.BinExpr be) {
            for (var s : be.segments()) {
                variables(s.value(), out);
            }
        } else {
            for (Expr sub : io.jerl.grammar.ast.Subexpressions.of(p)) {
                variables(sub, out);
            }
        }
    }
}
