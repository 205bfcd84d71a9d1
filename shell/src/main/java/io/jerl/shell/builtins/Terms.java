package io.jerl.shell.builtins;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlBigInt;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.ErlMap;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermOrder;
import io.jerl.protocol.term.Tuple;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small conversions between terms and Java values that every built-in module needs. */
final class Terms {
    static final Term[] EMPTY = new Term[0];

    /**
     * erl refuses to make an integer whose magnitude needs more than this many bits ({@code 1 bsl 33554367} is
     * the largest power of two it makes; one more raises system_limit).
     */
    static final int MAX_INTEGER_BITS = 33554368;

    private Terms() {
    }

    /** The elements of a proper list ({@code []} gives none), or null when {@code t} is not a proper list. */
    static Term[] proper(Term t) {
        if (t == Nil.NIL) {
            return EMPTY;
        }
        if (t instanceof ErlList l && l.isProper()) {
            return l.elements();
        }
        return null;
    }

    /** The elements of a proper list; badarg otherwise. */
    static Term[] properOrBadarg(Term t) {
        Term[] es = proper(t);
        if (es == null) {
            throw Errors.badarg();
        }
        return es;
    }

    /** The elements of a proper list; function_clause otherwise (what erl's library code raises). */
    static Term[] properOrClause(Term t) {
        Term[] es = proper(t);
        if (es == null) {
            throw Errors.functionClause();
        }
        return es;
    }

    static boolean isList(Term t) {
        return t == Nil.NIL || t instanceof ErlList;
    }

    /** lists:join/2 on elements already checked: {@code sep} between each two. */
    static Term join(Term sep, Term[] es) {
        List<Term> out = new ArrayList<>(Math.max(0, 2 * es.length - 1));
        for (int i = 0; i < es.length; i++) {
            if (i > 0) {
                out.add(sep);
            }
            out.add(es[i]);
        }
        return list(out);
    }

    static Term list(Term[] es) {
        return ErlList.of(es);
    }

    static Term list(List<? extends Term> es) {
        return ErlList.of(es);
    }

    /** {@code [E1, ..., En | Tail]}, or Tail itself when there are no elements. */
    static Term list(List<? extends Term> es, Term tail) {
        if (es.isEmpty()) {
            return tail;
        }
        return new ErlList(es.toArray(EMPTY), tail);
    }

    static Term list(Term[] es, Term tail) {
        return es.length == 0 ? tail : new ErlList(es, tail);
    }

    static Tuple tuple(Term... es) {
        return new Tuple(es);
    }

    static boolean isInteger(Term t) {
        return t instanceof ErlInt || t instanceof ErlBigInt;
    }

    static boolean isNumber(Term t) {
        return t instanceof ErlInt || t instanceof ErlBigInt || t instanceof ErlFloat;
    }

    static boolean isBoolean(Term t) {
        return t == Atom.TRUE || t == Atom.FALSE;
    }

    static Atom bool(boolean b) {
        return b ? Atom.TRUE : Atom.FALSE;
    }

    static BigInteger big(Term t) {
        return t instanceof ErlInt i ? BigInteger.valueOf(i.value()) : ((ErlBigInt) t).value();
    }

    /** The canonical integer term for {@code v}; system_limit when erl could not hold it. */
    static Term integer(BigInteger v) {
        if (v.bitLength() >= 64 && v.abs().bitLength() > MAX_INTEGER_BITS) {
            throw Errors.systemLimit();
        }
        return ErlInt.of(v);
    }

    /** A small integer argument, or badarg. Bignums are never valid sizes or indexes. */
    static long smallOrBadarg(Term t) {
        if (t instanceof ErlInt i) {
            return i.value();
        }
        throw Errors.badarg();
    }

    /** A non-negative small integer argument, or badarg. */
    static long natOrBadarg(Term t) {
        if (t instanceof ErlInt i && i.value() >= 0) {
            return i.value();
        }
        throw Errors.badarg();
    }

    static boolean isChar(Term t) {
        if (t instanceof ErlInt i) {
            long c = i.value();
            return c >= 0 && c <= 0x10FFFF && (c < 0xD800 || c > 0xDFFF);
        }
        return false;
    }

    /** The text of a flat proper list of Unicode code points, or null. */
    static String chars(Term t) {
        if (t == Nil.NIL) {
            return "";
        }
        if (!(t instanceof ErlList l) || !l.isProper()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(l.size());
        for (Term e : l.elements()) {
            if (!isChar(e)) {
                return null;
            }
            sb.appendCodePoint((int) ((ErlInt) e).value());
        }
        return sb.toString();
    }

    /** Like {@link #chars} but badarg when {@code t} is not a character list. */
    static String charsOrBadarg(Term t) {
        String s = chars(t);
        if (s == null) {
            throw Errors.badarg();
        }
        return s;
    }

    static Term string(String s) {
        return ErlList.ofString(s);
    }

    /**
     * erl's {@code =:=} (OTP 25): like {@link Term#equals} except that {@code 0.0 =:= -0.0}, which Term.equals
     * (bitwise on floats) tells apart.
     */
    static boolean exactEq(Term a, Term b) {
        if (a.equals(b)) {
            return true;
        }
        if (a instanceof ErlFloat x && b instanceof ErlFloat y) {
            return x.value() == y.value();
        }
        if (a instanceof Tuple x && b instanceof Tuple y) {
            return x.arity() == y.arity() && allExactEq(x.elements(), y.elements());
        }
        if (a instanceof ErlList x && b instanceof ErlList y) {
            return x.size() == y.size() && allExactEq(x.elements(), y.elements()) && exactEq(x.tail(), y.tail());
        }
        if (a instanceof ErlMap x && b instanceof ErlMap y && x.size() == y.size()
                && TermOrder.STANDARD.compare(a, b) == 0) {
            for (Map.Entry<Term, Term> e : x.entries().entrySet()) {
                Term v = y.get(e.getKey());
                if (v == null || !exactEq(e.getValue(), v)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean allExactEq(Term[] x, Term[] y) {
        for (int i = 0; i < x.length; i++) {
            if (!exactEq(x[i], y[i])) {
                return false;
            }
        }
        return true;
    }

    /** erl's {@code ==}. */
    static boolean eq(Term a, Term b) {
        return TermOrder.STANDARD.compare(a, b) == 0;
    }
}
