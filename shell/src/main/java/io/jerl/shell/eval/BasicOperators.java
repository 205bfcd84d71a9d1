package io.jerl.shell.eval;

import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlBigInt;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermOrder;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A minimal operator set for the evaluator ({@code + - * / div rem band bor bxor bsl bsr == /= =:= =/= < > =< >=
 * ++ and or xor not bnot}), kept small so that the full {@code erlang} operator built-ins can replace it.
 * The evaluator first asks the {@link BuiltinRegistry} for {@code erlang:Op/Arity} and uses this only when
 * the registry has no such operator.
 */
public final class BasicOperators {
    private BasicOperators() {
    }

    public static Term binary(String op, Term a, Term b) {
        switch (op) {
            case "+": case "-": case "*": case "/":
                return arith(op, a, b);
            case "div": case "rem": case "band": case "bor": case "bxor": case "bsl": case "bsr":
                return intOp(op, a, b);
            case "==": return Atom.of(TermOrder.STANDARD.compare(a, b) == 0);
            case "/=": return Atom.of(TermOrder.STANDARD.compare(a, b) != 0);
            case "=:=": return Atom.of(a.equals(b));
            case "=/=": return Atom.of(!a.equals(b));
            case "<": return Atom.of(TermOrder.STANDARD.compare(a, b) < 0);
            case ">": return Atom.of(TermOrder.STANDARD.compare(a, b) > 0);
            case "=<": return Atom.of(TermOrder.STANDARD.compare(a, b) <= 0);
            case ">=": return Atom.of(TermOrder.STANDARD.compare(a, b) >= 0);
            case "++": return append(a, b);
            case "and": return Atom.of(bool(a, op, a, b) & bool(b, op, a, b));
            case "or": return Atom.of(bool(a, op, a, b) | bool(b, op, a, b));
            case "xor": return Atom.of(bool(a, op, a, b) ^ bool(b, op, a, b));
            default:
                throw ErlangException.error(Atom.of("undef"));
        }
    }

    public static Term unary(String op, Term a) {
        switch (op) {
            case "-":
                if (a instanceof ErlFloat f) {
                    return new ErlFloat(-f.value());
                }
                return ErlInt.of(integer(a, true).negate());
            case "+":
                if (a instanceof ErlFloat) {
                    return a;
                }
                integer(a, true);
                return a;
            case "not":
                return Atom.of(!bool(a, op, a, null));
            case "bnot":
                return ErlInt.of(integer(a, true).not());
            default:
                throw ErlangException.error(Atom.of("undef"));
        }
    }

    static boolean isInteger(Term t) {
        return t instanceof ErlInt || t instanceof ErlBigInt;
    }

    static BigInteger integer(Term t, boolean arith) {
        if (t instanceof ErlInt i) {
            return BigInteger.valueOf(i.value());
        }
        if (t instanceof ErlBigInt b) {
            return b.value();
        }
        throw ErlangException.error(Atom.of(arith ? "badarith" : "badarg"));
    }

    private static Term arith(String op, Term a, Term b) {
        if (isInteger(a) && isInteger(b) && !op.equals("/")) {
            BigInteger x = integer(a, true);
            BigInteger y = integer(b, true);
            return ErlInt.of(op.equals("+") ? x.add(y) : op.equals("-") ? x.subtract(y) : x.multiply(y));
        }
        double x = number(a);
        double y = number(b);
        double r;
        if (op.equals("+")) {
            r = x + y;
        } else if (op.equals("-")) {
            r = x - y;
        } else if (op.equals("*")) {
            r = x * y;
        } else {
            if (y == 0.0) {
                throw ErlangException.error(Atom.of("badarith"));
            }
            r = x / y;
        }
        if (Double.isInfinite(r) || Double.isNaN(r)) {
            throw ErlangException.error(Atom.of("badarith"));
        }
        return new ErlFloat(r);
    }

    private static double number(Term t) {
        if (t instanceof ErlFloat f) {
            return f.value();
        }
        return integer(t, true).doubleValue();
    }

    private static Term intOp(String op, Term a, Term b) {
        BigInteger x = integer(a, true);
        BigInteger y = integer(b, true);
        switch (op) {
            case "div":
            case "rem":
                if (y.signum() == 0) {
                    throw ErlangException.error(Atom.of("badarith"));
                }
                return ErlInt.of(op.equals("div") ? x.divide(y) : x.remainder(y));
            case "band": return ErlInt.of(x.and(y));
            case "bor": return ErlInt.of(x.or(y));
            case "bxor": return ErlInt.of(x.xor(y));
            case "bsl": return ErlInt.of(x.shiftLeft(y.intValueExact()));
            default: return ErlInt.of(x.shiftRight(y.intValueExact()));
        }
    }

    private static boolean bool(Term t, String op, Term a, Term b) {
        if (t.equals(Atom.TRUE)) {
            return true;
        }
        if (t.equals(Atom.FALSE)) {
            return false;
        }
        throw ErlangException.error(Atom.of("badarg"));
    }

    private static Term append(Term a, Term b) {
        if (a == Nil.NIL) {
            return b;
        }
        if (a instanceof ErlList l && l.isProper()) {
            return new ErlList(l.elements(), b);
        }
        throw ErlangException.error(Atom.of("badarg"));
    }

    /** The elements of a proper list, or null when {@code t} is not one. */
    static List<Term> properList(Term t) {
        if (t == Nil.NIL) {
            return Collections.emptyList();
        }
        if (t instanceof ErlList l && l.isProper()) {
            return List.of(l.elements());
        }
        return null;
    }

    static List<Term> mutable(List<Term> l) {
        return new ArrayList<>(l);
    }
}
