package io.jerl.protocol.term.format;

import static io.jerl.protocol.term.format.IoFormat.badarg;
import static io.jerl.protocol.term.format.IoFormat.cut;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import java.math.BigInteger;

/** The text of one control sequence (io_lib_format's control_small and control_limited). */
final class Controls {
    private Controls() {
    }

    /**
     * @param col the column (0-based) the text starts in, which {@code ~p} lays out from
     */
    static String control(int c, Term[] a, Long f, boolean left, Long p, Term pad, boolean unicode,
                          boolean strings, int col, TermStyle style, String spec) {
        switch (c) {
            case 's':
                return string(chars(a[0], unicode, spec), f, left, p, pad, unicode);
            case 'w':
                return term(TermWriter.write(a[0], -1, unicode, style), f, left, p, pad);
            case 'W':
                return term(TermWriter.write(a[0], depth(a[1], spec), unicode, style), f, left, p, pad);
            case 'p':
                return print(a[0], -1, f, left, p, unicode, strings, col, style);
            case 'P':
                return print(a[0], depth(a[1], spec), f, left, p, unicode, strings, col, style);
            case 'e': {
                double v = floatArg(a[0], spec);
                long prec = p == null ? 6 : p;
                if (prec < 2) {
                    throw badarg(spec + ": ~e needs a precision of at least 2");
                }
                String s = FloatFormat.e(v, (int) prec);
                return f == null ? s : term(s, f, left, f, pad);
            }
            case 'f':
                return fixed(floatArg(a[0], spec), f, left, p == null ? 6 : p, pad, spec);
            case 'g':
                return general(floatArg(a[0], spec), f, left, p == null ? 6 : p, pad, spec);
            case 'b':
            case 'B':
                return integer(a[0], f, left, base(p, spec), pad, "", c == 'b', spec);
            case 'x':
            case 'X':
                return integer(a[0], f, left, base(p, spec), pad, prefix(a[1], spec), c == 'x', spec);
            case '+':
            case '#': {
                int base = base(p, spec);
                return integer(a[0], f, left, base, pad, base + "#", c == '+', spec);
            }
            case 'c': {
                BigInteger v = IoFormat.integer(a[0]);
                if (v == null) {
                    throw badarg(spec + " needs an integer, got " + cut(a[0]));
                }
                long ch;
                if (unicode) {
                    if (v.bitLength() > 31 || v.signum() < 0 || v.intValue() > Character.MAX_CODE_POINT) {
                        throw new ProtocolException("erl's " + spec + " of " + v
                                + " returns a list that is not text: " + v + " is not a character");
                    }
                    ch = v.longValue();
                } else {
                    ch = v.and(BigInteger.valueOf(255)).longValue();
                }
                return chars(ch, f, left, p, pad, spec);
            }
            case '~':
                return chars('~', f, left, p, pad, spec);
            case 'n':
                if (f == null) {
                    return "\n";
                }
                if (left) {
                    throw badarg(spec + ": ~n cannot be left-adjusted");
                }
                return "\n".repeat(f.intValue());
            case 'i':
                return "";
            default:
                throw new IllegalStateException("control " + c);
        }
    }

    private static int depth(Term d, String spec) {
        BigInteger v = IoFormat.integer(d);
        if (v == null) {
            throw badarg(spec + " needs an integer depth, got " + cut(d));
        }
        if (v.signum() < 0 || v.bitLength() > 31) {
            return -1;
        }
        return v.intValue();
    }

    private static double floatArg(Term t, String spec) {
        if (t instanceof ErlFloat fl) {
            return fl.value();
        }
        throw badarg(spec + " needs a float, got " + cut(t));
    }

    private static int base(Long p, String spec) {
        if (p == null) {
            return 10;
        }
        if (p < 2 || p > 36) {
            throw badarg(spec + ": the base must be 2..36, not " + p);
        }
        return p.intValue();
    }

    private static String prefix(Term t, String spec) {
        if (t instanceof Atom a) {
            return a.name();
        }
        StringBuilder sb = new StringBuilder();
        if (!deepChars(t, sb)) {
            throw badarg(spec + " needs a prefix that is an atom or a character list, got " + cut(t));
        }
        return sb.toString();
    }

    /** io_lib:deep_char_list: nested proper lists of characters. */
    private static boolean deepChars(Term t, StringBuilder sb) {
        if (t == Nil.NIL) {
            return true;
        }
        if (!(t instanceof ErlList l) || !l.isProper()) {
            return false;
        }
        for (Term e : l.elements()) {
            if (e instanceof ErlInt i && Chars.isChar(i.value())) {
                sb.appendCodePoint((int) i.value());
            } else if (!(e instanceof ErlList || e == Nil.NIL) || !deepChars(e, sb)) {
                return false;
            }
        }
        return true;
    }

    private static String integer(Term t, Long f, boolean left, int base, Term pad, String prefix,
                                  boolean lower, String spec) {
        BigInteger v = IoFormat.integer(t);
        if (v == null) {
            throw badarg(spec + " needs an integer, got " + cut(t));
        }
        String digits = v.abs().toString(base);
        if (!lower) {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        return term((v.signum() < 0 ? "-" : "") + prefix + digits, f, left, null, pad);
    }

    private static String fixed(double v, Long f, boolean left, long p, Term pad, String spec) {
        if (p < 1) {
            throw badarg(spec + ": ~f needs a precision of at least 1");
        }
        String s = FloatFormat.f(v, (int) p);
        return f == null ? s : term(s, f, left, f, pad);
    }

    private static String general(double v, Long f, boolean left, long p, Term pad, String spec) {
        if (p < 1) {
            throw badarg(spec + ": ~g needs a precision of at least 1");
        }
        double a = Math.abs(v);
        int e;
        if (a < 0.1) {
            e = -2;
        } else if (a < 1.0) {
            e = -1;
        } else if (a < 10.0) {
            e = 0;
        } else if (a < 100.0) {
            e = 1;
        } else if (a < 1000.0) {
            e = 2;
        } else if (a < 10000.0) {
            e = 3;
        } else {
            e = Integer.MAX_VALUE; // erl's atom fwrite_f: above every number
        }
        if ((p <= 1 && e == -1) || (e != Integer.MAX_VALUE && p - 1 > e && e >= -1)) {
            return fixed(v, f, left, p - 1 - e, pad, spec);
        }
        long ep = p <= 1 ? 2 : p;
        String s = FloatFormat.e(v, (int) ep);
        return f == null ? s : term(s, f, left, f, pad);
    }

    private static String print(Term t, int depth, Long f, boolean left, Long p, boolean unicode, boolean strings,
                                int col, TermStyle style) {
        if (left) {
            throw badarg("~p and ~P cannot be left-adjusted");
        }
        int ll = f == null ? 80 : f.intValue();
        long column = p == null ? col + 1L : p;
        return PrettyPrinter.print(t, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, column)), ll,
                depth, unicode, strings, style);
    }

    /** io_lib_format's term/5: a field of width f (precision p), filled with '*' when the text does not fit. */
    static String term(String t, Long f, boolean left, Long p0, Term pad) {
        if (f == null && p0 == null) {
            return t;
        }
        if (p0 != null && p0 < 0) {
            throw badarg("a negative precision (" + p0 + ") makes erl loop forever");
        }
        long width = f == null ? p0 : f;
        long len = Chars.length(t);
        long p = Math.min(len, p0 == null ? width : Math.min(p0, width));
        if (len > p) {
            return adjust("*".repeat((int) p), pad(pad, width - p), left);
        }
        return adjust(t, pad(pad, width - len), left);
    }

    private static String chars(long c, Long f, boolean left, Long p, Term pad, String spec) {
        String one = new String(Character.toChars((int) c));
        if (p != null && p < 0) {
            throw badarg("a negative precision (" + p + ") makes erl loop forever");
        }
        if (f == null && p == null) {
            return one;
        }
        if (p == null) {
            return one.repeat(f.intValue());
        }
        if (f == null) {
            return one.repeat(p.intValue());
        }
        if (f < p) {
            throw badarg(spec + ": the field width is less than the precision");
        }
        return adjust(one.repeat(p.intValue()), pad(pad, f - p), left);
    }

    private static String adjust(String data, String pad, boolean left) {
        if (pad.isEmpty()) {
            return data;
        }
        return left ? data + pad : pad + data;
    }

    private static String pad(Term pad, long n) {
        if (n <= 0) {
            return "";
        }
        if (!(pad instanceof ErlInt c) || c.value() < 0 || c.value() > Character.MAX_CODE_POINT) {
            throw new ProtocolException("erl pads with " + cut(pad) + ", which is not a character, so its result is"
                    + " not text");
        }
        return new String(Character.toChars((int) c.value())).repeat((int) n);
    }

    // ---- ~s ----

    /** The characters of a ~s argument: an atom, or an iolist (~s) / chardata (~ts). */
    private static String chars(Term t, boolean unicode, String spec) {
        StringBuilder sb = new StringBuilder();
        if (t instanceof Atom a) {
            if (!unicode && a.name().codePoints().anyMatch(ch -> ch > 255)) {
                throw badarg(spec + " of an atom with characters above 255 (use ~ts)");
            }
            return a.name();
        }
        if (!(t instanceof ErlList || t == Nil.NIL || t instanceof Binary)) {
            throw badarg(spec + " needs a string, a binary or an atom, got " + cut(t));
        }
        collect(t, unicode, sb, spec);
        return sb.toString();
    }

    private static void collect(Term t, boolean unicode, StringBuilder sb, String spec) {
        if (t == Nil.NIL) {
            return;
        }
        if (t instanceof Binary b) {
            int[] cps = unicode ? Chars.decodeUtf8(b.bytes()) : null;
            if (cps != null) {
                for (int c : cps) {
                    sb.appendCodePoint(c);
                }
            } else {
                for (byte x : b.bytes()) {
                    sb.append((char) (x & 0xFF));
                }
            }
            return;
        }
        if (t instanceof ErlList l) {
            for (Term e : l.elements()) {
                if (e instanceof ErlInt i) {
                    long v = i.value();
                    if (v < 0 || v > (unicode ? Integer.MAX_VALUE : 255)) {
                        throw badarg(spec + ": " + v + " is not a " + (unicode ? "character" : "Latin-1 character"
                                + " (use ~ts for Unicode)"));
                    }
                    if (v > Character.MAX_CODE_POINT) {
                        throw new ProtocolException("erl's " + spec + " returns " + v + ", which is not a character,"
                                + " so the result is not text");
                    }
                    sb.appendCodePoint((int) v);
                } else if (e instanceof ErlList || e == Nil.NIL || e instanceof Binary) {
                    collect(e, unicode, sb, spec);
                } else {
                    throw badarg(spec + " needs a character list, but it holds " + cut(e));
                }
            }
            if (!l.isProper()) {
                if (l.tail() instanceof Binary) {
                    collect(l.tail(), unicode, sb, spec);
                } else {
                    throw badarg(spec + " needs a proper list, got one ending in " + cut(l.tail()));
                }
            }
            return;
        }
        throw badarg(spec + " needs a character list, but it holds " + cut(t));
    }

    /** io_lib_format's string/6: fit S in a field of width f, precision p. */
    private static String string(String s, Long f, boolean left, Long p, Term pad, boolean unicode) {
        if (f == null && p == null) {
            return s;
        }
        int n = Chars.length(s);
        if (p == null) {
            return field(s, f, left, n, pad, unicode);
        }
        if (f == null) {
            return field(s, p, true, n, pad, unicode);
        }
        if (f < p) {
            throw badarg("~s: the field width " + f + " is less than the precision " + p);
        }
        if (f > p) {
            if (n > p) {
                return adjust(truncate(s, p, unicode), pad(pad, f - p), left);
            } else if (n < p) {
                return adjust(s + pad(pad, p - n), pad(pad, f - p), left);
            }
            return adjust(s, pad(pad, f - p), left);
        }
        return field(s, f, left, n, pad, unicode);
    }

    private static String field(String s, long f, boolean left, int n, Term pad, boolean unicode) {
        if (n > f) {
            return truncate(s, f, unicode);
        }
        if (n < f) {
            return adjust(s, pad(pad, f - n), left);
        }
        return s;
    }

    private static String truncate(String s, long n, boolean unicode) {
        if (n < 0) {
            throw badarg("~s with a negative precision (" + n + ")");
        }
        return unicode ? Chars.firstGraphemes(s, (int) n) : Chars.firstCodePoints(s, (int) n);
    }
}
