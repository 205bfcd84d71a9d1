package io.jerl.shell.builtins;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlBigInt;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermOrder;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * erl's operators, as the evaluator applies them: arithmetic, comparison, boolean and list operators with
 * erl's exceptions ({@code badarith} for arithmetic on non-numbers, {@code badarg} for the rest).
 */
public final class Operators {
    private Operators() {
    }

    /** {@code A op B} for {@code + - * / div rem band bor bxor bsl bsr}. */
    public static Term arith(String op, Term a, Term b) {
        switch (op) {
            case "+":
                return plus(a, b);
            case "-":
                return minus(a, b);
            case "*":
                return times(a, b);
            case "/":
                return divide(a, b);
            case "div":
                return intDiv(a, b);
            case "rem":
                return rem(a, b);
            case "band":
            case "bor":
            case "bxor":
                return bitwise(op, a, b);
            case "bsl":
                return shift(a, b, true);
            case "bsr":
                return shift(a, b, false);
            default:
                throw new IllegalArgumentException("not an arithmetic operator: " + op);
        }
    }

    /** {@code op A} for {@code - + bnot not}. */
    public static Term unary(String op, Term a) {
        switch (op) {
            case "-":
                if (a instanceof ErlInt i) {
                    return i.value() == Long.MIN_VALUE ? ErlInt.of(i.toBigInteger().negate()) : ErlInt.of(-i.value());
                } else if (a instanceof ErlBigInt b) {
                    return ErlInt.of(b.value().negate());
                } else if (a instanceof ErlFloat f) {
                    return new ErlFloat(-f.value());
                }
                throw Errors.badarith();
            case "+":
                if (Terms.isNumber(a)) {
                    return a;
                }
                throw Errors.badarith();
            case "bnot":
                if (a instanceof ErlInt i) {
                    return ErlInt.of(~i.value());
                } else if (a instanceof ErlBigInt b) {
                    return ErlInt.of(b.value().not());
                }
                throw Errors.badarith();
            case "not":
                if (a == Atom.TRUE) {
                    return Atom.FALSE;
                } else if (a == Atom.FALSE) {
                    return Atom.TRUE;
                }
                throw Errors.badarg();
            default:
                throw new IllegalArgumentException("not a unary operator: " + op);
        }
    }

    /** {@code A op B} for {@code == /= =< < >= > =:= =/=}: always true or false. */
    public static Term compare(String op, Term a, Term b) {
        switch (op) {
            case "=:=":
                return Terms.bool(Terms.exactEq(a, b));
            case "=/=":
                return Terms.bool(!Terms.exactEq(a, b));
            default:
                break;
        }
        int c = TermOrder.STANDARD.compare(a, b);
        switch (op) {
            case "==":
                return Terms.bool(c == 0);
            case "/=":
                return Terms.bool(c != 0);
            case "=<":
                return Terms.bool(c <= 0);
            case "<":
                return Terms.bool(c < 0);
            case ">=":
                return Terms.bool(c >= 0);
            case ">":
                return Terms.bool(c > 0);
            default:
                throw new IllegalArgumentException("not a comparison operator: " + op);
        }
    }

    /** {@code A op B} for {@code and or xor}; both sides must be booleans (badarg otherwise). */
    public static Term bool(String op, Term a, Term b) {
        if (!Terms.isBoolean(a) || !Terms.isBoolean(b)) {
            throw Errors.badarg();
        }
        boolean x = a == Atom.TRUE;
        boolean y = b == Atom.TRUE;
        switch (op) {
            case "and":
                return Terms.bool(x && y);
            case "or":
                return Terms.bool(x || y);
            case "xor":
                return Terms.bool(x ^ y);
            default:
                throw new IllegalArgumentException("not a boolean operator: " + op);
        }
    }

    /** {@code A ++ B}: A must be a proper list; B may be anything (it becomes the tail). */
    public static Term append(Term a, Term b) {
        Term[] x = Terms.properOrBadarg(a);
        if (x.length == 0) {
            return b;
        }
        return new ErlList(x, b);
    }

    /** {@code A -- B}: removes from A the first occurrence of each element of B (exact match). */
    public static Term subtract(Term a, Term b) {
        Term[] x = Terms.properOrBadarg(a);
        Term[] y = Terms.properOrBadarg(b);
        if (x.length == 0 || y.length == 0) {
            return a;
        }
        // Count what is to be removed, then drop the first occurrences while walking A once. Keys are
        // normalised so that 0.0 and -0.0, which are =:= in OTP 25, count as one.
        Map<Term, Integer> remove = new HashMap<>();
        for (Term t : y) {
            remove.merge(exactKey(t), 1, Integer::sum);
        }
        List<Term> out = new ArrayList<>(x.length);
        for (Term t : x) {
            Term k = exactKey(t);
            Integer n = remove.get(k);
            if (n != null) {
                if (n == 1) {
                    remove.remove(k);
                } else {
                    remove.put(k, n - 1);
                }
            } else {
                out.add(t);
            }
        }
        return Terms.list(out);
    }

    /** A term whose equals is erl's =:= (only -0.0 needs changing at the top level; nested ones are rare). */
    private static Term exactKey(Term t) {
        if (t instanceof ErlFloat f && f.value() == 0.0) {
            return new ErlFloat(0.0);
        }
        return t;
    }

    // ---- arithmetic

    private static Term plus(Term a, Term b) {
        if (a instanceof ErlInt x && b instanceof ErlInt y) {
            long r = x.value() + y.value();
            if (((x.value() ^ r) & (y.value() ^ r)) < 0) {
                return Terms.integer(x.toBigInteger().add(y.toBigInteger()));
            }
            return ErlInt.of(r);
        }
        if (Terms.isInteger(a) && Terms.isInteger(b)) {
            return Terms.integer(Terms.big(a).add(Terms.big(b)));
        }
        return floatResult(arithDouble(a) + arithDouble(b));
    }

    private static Term minus(Term a, Term b) {
        if (a instanceof ErlInt x && b instanceof ErlInt y) {
            long r = x.value() - y.value();
            if (((x.value() ^ y.value()) & (x.value() ^ r)) < 0) {
                return Terms.integer(x.toBigInteger().subtract(y.toBigInteger()));
            }
            return ErlInt.of(r);
        }
        if (Terms.isInteger(a) && Terms.isInteger(b)) {
            return Terms.integer(Terms.big(a).subtract(Terms.big(b)));
        }
        return floatResult(arithDouble(a) - arithDouble(b));
    }

    private static Term times(Term a, Term b) {
        if (a instanceof ErlInt x && b instanceof ErlInt y) {
            long hi = Math.multiplyHigh(x.value(), y.value());
            long lo = x.value() * y.value();
            if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                return ErlInt.of(lo);
            }
            return Terms.integer(x.toBigInteger().multiply(y.toBigInteger()));
        }
        if (Terms.isInteger(a) && Terms.isInteger(b)) {
            BigInteger x = Terms.big(a);
            BigInteger y = Terms.big(b);
            if ((long) x.abs().bitLength() + y.abs().bitLength() > Terms.MAX_INTEGER_BITS + 1L) {
                throw Errors.systemLimit();
            }
            return Terms.integer(x.multiply(y));
        }
        return floatResult(arithDouble(a) * arithDouble(b));
    }

    private static Term divide(Term a, Term b) {
        double x = arithDouble(a);
        double y = arithDouble(b);
        if (y == 0.0) {
            throw Errors.badarith();
        }
        return floatResult(x / y);
    }

    private static Term intDiv(Term a, Term b) {
        if (a instanceof ErlInt x && b instanceof ErlInt y) {
            if (y.value() == 0) {
                throw Errors.badarith();
            }
            if (x.value() == Long.MIN_VALUE && y.value() == -1) {
                return ErlInt.of(x.toBigInteger().negate());
            }
            return ErlInt.of(x.value() / y.value());
        }
        if (!Terms.isInteger(a) || !Terms.isInteger(b)) {
            throw Errors.badarith();
        }
        BigInteger y = Terms.big(b);
        if (y.signum() == 0) {
            throw Errors.badarith();
        }
        return ErlInt.of(Terms.big(a).divide(y));
    }

    private static Term rem(Term a, Term b) {
        if (a instanceof ErlInt x && b instanceof ErlInt y) {
            if (y.value() == 0) {
                throw Errors.badarith();
            }
            if (y.value() == -1) {
                return ErlInt.of(0);
            }
            return ErlInt.of(x.value() % y.value());
        }
        if (!Terms.isInteger(a) || !Terms.isInteger(b)) {
            throw Errors.badarith();
        }
        BigInteger y = Terms.big(b);
        if (y.signum() == 0) {
            throw Errors.badarith();
        }
        return ErlInt.of(Terms.big(a).remainder(y));
    }

    private static Term bitwise(String op, Term a, Term b) {
        if (a instanceof ErlInt x && b instanceof ErlInt y) {
            switch (op) {
                case "band":
                    return ErlInt.of(x.value() & y.value());
                case "bor":
                    return ErlInt.of(x.value() | y.value());
                default:
                    return ErlInt.of(x.value() ^ y.value());
            }
        }
        if (!Terms.isInteger(a) || !Terms.isInteger(b)) {
            throw Errors.badarith();
        }
        BigInteger x = Terms.big(a);
        BigInteger y = Terms.big(b);
        switch (op) {
            case "band":
                return ErlInt.of(x.and(y));
            case "bor":
                return ErlInt.of(x.or(y));
            default:
                return ErlInt.of(x.xor(y));
        }
    }

    private static Term shift(Term a, Term b, boolean left) {
        if (!Terms.isInteger(a) || !Terms.isInteger(b)) {
            throw Errors.badarith();
        }
        BigInteger x = Terms.big(a);
        BigInteger n = Terms.big(b);
        if (!left) {
            n = n.negate();
        }
        if (x.signum() == 0) {
            return ErlInt.of(0);
        }
        if (n.signum() <= 0) {
            // A right shift: anything beyond the number's width leaves 0 or -1.
            if (n.compareTo(BigInteger.valueOf(-Integer.MAX_VALUE)) < 0) {
                return ErlInt.of(x.signum() < 0 ? -1 : 0);
            }
            return ErlInt.of(x.shiftRight(-n.intValue()));
        }
        if (n.bitLength() > 31 || (long) x.abs().bitLength() + n.longValue() > Terms.MAX_INTEGER_BITS) {
            throw Errors.systemLimit();
        }
        return Terms.integer(x.shiftLeft(n.intValue()));
    }

    private static double arithDouble(Term t) {
        if (t instanceof ErlFloat f) {
            return f.value();
        }
        if (t instanceof ErlInt i) {
            return i.value();
        }
        if (t instanceof ErlBigInt b) {
            double d = Numbers.bigToDouble(b.value());
            if (Double.isInfinite(d)) {
                throw Errors.badarith();
            }
            return d;
        }
        throw Errors.badarith();
    }

    private static Term floatResult(double d) {
        if (!Double.isFinite(d)) {
            throw Errors.badarith();
        }
        return new ErlFloat(d);
    }

    /** Whether {@code op} names a binary operator this class applies (for registering them as erlang functions). */
    static boolean isBinaryOp(String op) {
        return List.of("+", "-", "*", "/", "div", "rem", "band", "bor", "bxor", "bsl", "bsr", "==", "/=", "=<", "<",
                ">=", ">", "=:=", "=/=", "and", "or", "xor", "++", "--").contains(op);
    }

    /** {@code A op B} for any binary operator. */
    public static Term binary(String op, Term a, Term b) {
        switch (op) {
            case "==":
            case "/=":
            case "=<":
            case "<":
            case ">=":
            case ">":
            case "=:=":
            case "=/=":
                return compare(op, a, b);
            case "and":
            case "or":
            case "xor":
                return bool(op, a, b);
            case "++":
                return append(a, b);
            case "--":
                return subtract(a, b);
            default:
                return arith(op, a, b);
        }
    }
}
