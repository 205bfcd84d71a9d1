package io.jerl.protocol.term;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/**
 * Erlang's term order, as OTP 25 applies it (checked against {@code lists:sort} and {@code term_to_binary} of
 * maps on a real node; see {@code TermOrderErlTest}).
 *
 * <pre>
 * number &lt; atom &lt; reference &lt; fun &lt; port &lt; pid &lt; tuple &lt; map &lt; nil &lt; list &lt; bitstring
 * </pre>
 *
 * <ul>
 * <li>Numbers compare by exact value, also between floats and integers of any size.</li>
 * <li>Atoms by their text, code point by code point.</li>
 * <li>References by node name, then creation (unsigned), then the id words from the last (most significant)
 *     to the first, a missing word counting as zero: erl treats {@code [1]} and {@code [1,0]} as equal.</li>
 * <li>Funs: every local fun ({@link Fun}) before every external one ({@link ExportFun}). Local funs by module
 *     name, old index, old uniq, number of free variables, then the free variables; the creator pid does not
 *     count. External funs by module name, function name, arity.</li>
 * <li>Ports by node name, creation (unsigned), then id (unsigned).</li>
 * <li>Pids by serial, then id (both unsigned), then node name, then creation (unsigned).</li>
 * <li>Tuples by size, then element by element. Lists element by element (a shorter list is smaller; an improper
 *     tail compares as itself against the rest of the other list).</li>
 * <li>Maps by size, then their keys in map-key order compared as map keys (so {@code #{1 => a} < #{1.0 => a}}
 *     and {@code #{2 => a} < #{1.0 => a}}), then their values in key order.</li>
 * <li>Bitstrings bit by bit; a proper prefix is smaller.</li>
 * </ul>
 *
 * {@link #MAP_KEY} is the order erl keeps the keys of a small map in ({@code term_to_binary} writes them in it):
 * the same, except for numbers: every integer sorts before every float, whatever their values
 * ({@code #{3 => a, 2.0 => b}} is written 3 first), at any depth ({@code {2}} before {@code {1.0}}). It also
 * breaks the ties erl leaves in {@link #STANDARD}
 * (-0.0 before 0.0, two funs that differ only in their creator pid by their bytes) so that it is a total order consistent with {@link Term#equals}.
 */
public final class TermOrder {
    /** erl's {@code ==} order. */
    private static final int STANDARD_MODE = 0;
    /** erl's exact order (map keys): integers before floats, otherwise as erl leaves it. */
    private static final int EXACT = 1;
    /** {@link #EXACT} plus the tie-breaks that make it consistent with {@link Term#equals}. */
    private static final int TOTAL = 2;

    /** Erl's {@code <}/{@code ==} order: {@code 1} and {@code 1.0} compare equal. */
    public static final Comparator<Term> STANDARD = (a, b) -> compare(a, b, STANDARD_MODE);
    /** The order of keys in a map: exact, total, and consistent with {@link Term#equals}. */
    public static final Comparator<Term> MAP_KEY = (a, b) -> compare(a, b, TOTAL);

    private static final int NUMBER = 0;
    private static final int ATOM = 1;
    private static final int REFERENCE = 2;
    private static final int FUN = 3;
    private static final int PORT = 4;
    private static final int PID = 5;
    private static final int TUPLE = 6;
    private static final int MAP = 7;
    private static final int NIL = 8;
    private static final int LIST = 9;
    private static final int BITSTRING = 10;

    /** Doubles in (-2^53, 2^53) hold every integer in that range exactly. */
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

    private TermOrder() {
    }

    /** Compares two strings code point by code point, as erl compares atom texts. */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static int rank(Term t) {
        if (t instanceof Atom) {
            return ATOM;
        } else if (t instanceof ErlInt || t instanceof ErlFloat || t instanceof ErlBigInt) {
            return NUMBER;
        } else if (t instanceof Tuple) {
            return TUPLE;
        } else if (t instanceof ErlList) {
            return LIST;
        } else if (t == Nil.NIL) {
            return NIL;
        } else if (t instanceof Binary || t instanceof BitString) {
            return BITSTRING;
        } else if (t instanceof ErlMap) {
            return MAP;
        } else if (t instanceof Pid) {
            return PID;
        } else if (t instanceof Ref) {
            return REFERENCE;
        } else if (t instanceof Port) {
            return PORT;
        } else if (t instanceof Fun || t instanceof ExportFun) {
            return FUN;
        }
        throw new IllegalArgumentException("not a term: " + t);
    }

    static int compare(Term a, Term b, int mode) {
        if (a == b) {
            return 0;
        }
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        switch (ra) {
            case NUMBER:
                return compareNumbers(a, b, mode);
            case ATOM:
                return compareCodePoints(((Atom) a).name(), ((Atom) b).name());
            case TUPLE: {
                Term[] x = ((Tuple) a).elements();
                Term[] y = ((Tuple) b).elements();
                if (x.length != y.length) {
                    return Integer.compare(x.length, y.length);
                }
                return compareArrays(x, y, x.length, mode);
            }
            case LIST:
                return compareLists((ErlList) a, (ErlList) b, mode);
            case NIL:
                return 0;
            case BITSTRING:
                return compareBits(a, b);
            case MAP:
                return compareMaps((ErlMap) a, (ErlMap) b, mode);
            case PID:
                return comparePids((Pid) a, (Pid) b);
            case REFERENCE:
                return compareRefs((Ref) a, (Ref) b, mode);
            case PORT:
                return comparePorts((Port) a, (Port) b);
            case FUN:
                return compareFuns(a, b, mode);
            default:
                throw new IllegalStateException("rank " + ra);
        }
    }

    private static int compareArrays(Term[] x, Term[] y, int n, int mode) {
        for (int i = 0; i < n; i++) {
            int c = compare(x[i], y[i], mode);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareLists(ErlList a, ErlList b, int mode) {
        Term[] x = a.elements();
        Term[] y = b.elements();
        int n = Math.min(x.length, y.length);
        int c = compareArrays(x, y, n, mode);
        if (c != 0) {
            return c;
        }
        if (x.length == y.length) {
            return compare(a.tail(), b.tail(), mode);
        }
        // One list ran out: its tail (never a list) meets the rest of the other, which is a non-empty list.
        return x.length < y.length ? Integer.compare(rank(a.tail()), LIST) : Integer.compare(LIST, rank(b.tail()));
    }

    // ---- numbers

    private static int compareNumbers(Term a, Term b, int mode) {
        if (a instanceof ErlInt x && b instanceof ErlInt y) {
            return Long.compare(x.value(), y.value());
        }
        boolean fa = a instanceof ErlFloat;
        boolean fb = b instanceof ErlFloat;
        if (fa && fb) {
            double x = ((ErlFloat) a).value();
            double y = ((ErlFloat) b).value();
            // Double.compare puts -0.0 before 0.0, which only the total order wants (OTP 25 has -0.0 =:= 0.0).
            return mode == TOTAL ? Double.compare(x, y) : (x < y ? -1 : (x > y ? 1 : 0));
        }
        if (fa != fb) {
            if (mode != STANDARD_MODE) {
                return fa ? 1 : -1; // every integer before every float
            }
            return fa ? -compareIntFloat(b, ((ErlFloat) a).value()) : compareIntFloat(a, ((ErlFloat) b).value());
        }
        return bigValue(a).compareTo(bigValue(b));
    }

    private static BigInteger bigValue(Term t) {
        return t instanceof ErlInt i ? BigInteger.valueOf(i.value()) : ((ErlBigInt) t).value();
    }

    /** Exact comparison of an integer with a (finite) float. */
    private static int compareIntFloat(Term integer, double d) {
        if (integer instanceof ErlInt i && i.value() > -EXACT_DOUBLE_LIMIT && i.value() < EXACT_DOUBLE_LIMIT) {
            double x = i.value();
            return x < d ? -1 : (x > d ? 1 : 0);
        }
        return new BigDecimal(bigValue(integer)).compareTo(new BigDecimal(d));
    }

    // ---- bitstrings

    private static int compareBits(Term a, Term b) {
        byte[] x = a instanceof Binary bin ? bin.bytes() : ((BitString) a).bytes();
        byte[] y = b instanceof Binary bin ? bin.bytes() : ((BitString) b).bytes();
        long bitsA = a instanceof Binary ? x.length * 8L : ((BitString) a).bitSize();
        long bitsB = b instanceof Binary ? y.length * 8L : ((BitString) b).bitSize();
        long common = Math.min(bitsA, bitsB);
        int fullBytes = (int) (common >>> 3);
        int c = Arrays.compareUnsigned(x, 0, fullBytes, y, 0, fullBytes);
        if (c != 0) {
            return c < 0 ? -1 : 1;
        }
        int rest = (int) (common & 7);
        if (rest != 0) {
            int mask = 0xFF << (8 - rest) & 0xFF;
            int bx = x[fullBytes] & mask;
            int by = y[fullBytes] & mask;
            if (bx != by) {
                return Integer.compare(bx, by);
            }
        }
        return Long.compare(bitsA, bitsB);
    }

    // ---- maps

    /** The entries of {@code m} with their keys in map-key order. */
    @SuppressWarnings("unchecked")
    static Map.Entry<Term, Term>[] sortedEntries(ErlMap m) {
        Map.Entry<Term, Term>[] es = m.entries().entrySet().toArray(new Map.Entry[0]);
        for (int i = 1; i < es.length; i++) {
            if (compare(es[i - 1].getKey(), es[i].getKey(), TOTAL) > 0) {
                Arrays.sort(es, (p, q) -> compare(p.getKey(), q.getKey(), TOTAL));
                break;
            }
        }
        return es;
    }

    private static int compareMaps(ErlMap a, ErlMap b, int mode) {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        Map.Entry<Term, Term>[] x = sortedEntries(a);
        Map.Entry<Term, Term>[] y = sortedEntries(b);
        int keyMode = mode == TOTAL ? TOTAL : EXACT;
        for (int i = 0; i < x.length; i++) {
            int c = compare(x[i].getKey(), y[i].getKey(), keyMode);
            if (c != 0) {
                return c;
            }
        }
        for (int i = 0; i < x.length; i++) {
            int c = compare(x[i].getValue(), y[i].getValue(), mode);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    // ---- identifiers

    private static int compareNodes(Atom a, Atom b) {
        return a == b ? 0 : compareCodePoints(a.name(), b.name());
    }

    private static int comparePids(Pid a, Pid b) {
        int c = Integer.compareUnsigned(a.serial(), b.serial());
        if (c == 0) {
            c = Integer.compareUnsigned(a.id(), b.id());
        }
        if (c == 0) {
            c = compareNodes(a.node(), b.node());
        }
        if (c == 0) {
            c = Integer.compareUnsigned(a.creation(), b.creation());
        }
        return Integer.signum(c);
    }

    private static int comparePorts(Port a, Port b) {
        int c = compareNodes(a.node(), b.node());
        if (c == 0) {
            c = Integer.compareUnsigned(a.creation(), b.creation());
        }
        if (c == 0) {
            c = Long.compareUnsigned(a.id(), b.id());
        }
        return Integer.signum(c);
    }

    private static int compareRefs(Ref a, Ref b, int mode) {
        int c = compareNodes(a.node(), b.node());
        if (c == 0) {
            c = Integer.compareUnsigned(a.creation(), b.creation());
        }
        if (c != 0) {
            return Integer.signum(c);
        }
        int[] x = a.ids();
        int[] y = b.ids();
        for (int i = Math.max(x.length, y.length) - 1; i >= 0; i--) {
            int wx = i < x.length ? x[i] : 0;
            int wy = i < y.length ? y[i] : 0;
            if (wx != wy) {
                return Integer.compareUnsigned(wx, wy) < 0 ? -1 : 1;
            }
        }
        return 0; // missing words count as zero, in erl's order and in Ref.equals alike
    }

    private static int compareFuns(Term a, Term b, int mode) {
        boolean la = a instanceof Fun;
        boolean lb = b instanceof Fun;
        if (la != lb) {
            return la ? -1 : 1;
        }
        if (!la) {
            ExportFun x = (ExportFun) a;
            ExportFun y = (ExportFun) b;
            int c = compareCodePoints(x.module().name(), y.module().name());
            if (c == 0) {
                c = compareCodePoints(x.function().name(), y.function().name());
            }
            if (c == 0) {
                c = Integer.compare(x.arity(), y.arity());
            }
            return Integer.signum(c);
        }
        Fun x = (Fun) a;
        Fun y = (Fun) b;
        int c = compareCodePoints(x.module().name(), y.module().name());
        if (c == 0) {
            c = Long.compare(x.oldIndex(), y.oldIndex());
        }
        if (c == 0) {
            c = Long.compare(x.oldUniq(), y.oldUniq());
        }
        if (c != 0) {
            return Integer.signum(c);
        }
        Term[] fx = TermDecoder.funFreeVars(x);
        Term[] fy = TermDecoder.funFreeVars(y);
        if (fx.length != fy.length) {
            return Integer.compare(fx.length, fy.length);
        }
        c = compareArrays(fx, fy, fx.length, mode);
        if (c != 0 || mode != TOTAL) {
            return c;
        }
        c = Arrays.compareUnsigned(x.encoded(), y.encoded());
        return Integer.signum(c);
    }
}
