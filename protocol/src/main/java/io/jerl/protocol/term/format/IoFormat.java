package io.jerl.protocol.term.format;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.ErlBigInt;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermPrinter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * erl's {@code io_lib:format/2} (OTP 25): the text of a format and its arguments, character for character as erl
 * makes it, including where {@code ~p} breaks lines given the column it starts in.
 *
 * <p>Control sequences: {@code ~w ~W ~p ~P ~s ~e ~f ~g ~b ~B ~x ~X ~+ ~# ~c ~i ~n ~~}, each with an optional field
 * width ({@code -} for left adjustment), precision and pad character, any of them {@code *} to take the value
 * from the arguments, and the modifiers {@code t} (Unicode) and {@code l} (no strings for {@code ~p}).
 *
 * <p>Where erl's {@code io_lib:format} raises {@code badarg} (an unknown control, too few or too many arguments,
 * an argument of the wrong type, an impossible width/precision), this throws a {@link ProtocolException} whose
 * message starts with {@code badarg} and says why. A few formats make erl return a list that is not text (a
 * character above 0x10FFFF from {@code ~tc}, a pad "character" that is not a character); those throw too, with a
 * message that says so.
 */
public final class IoFormat {
    private static final ErlInt SPACE = ErlInt.of(' ');

    private IoFormat() {
    }

    /**
     * {@code io_lib:format(Format, Args)}.
     *
     * @param format a character list (flat; nested lists and binaries in it are copied literally, as erl does),
     *               a binary (its bytes are Latin-1 characters) or an atom
     * @param args   a proper list of arguments
     * @param style  how pids, ports and references print and which lists count as text
     */
    public static String format(Term format, Term args, TermStyle style) {
        return Deep.run(() -> {
            List<Object> fmt = formatItems(format);
            List<Term> argList = argList(args);
            List<Object> parsed = new Parser(fmt, argList).parse();
            return build(parsed, style);
        });
    }

    /** {@code io_lib:format(Format, [Args...])} with the format as Java text (a character list). */
    public static String format(String format, TermStyle style, Term... args) {
        return format(ErlList.ofString(format), ErlList.of(args), style);
    }

    static ProtocolException badarg(String why) {
        return new ProtocolException("badarg: " + why);
    }

    // ---- the format and the arguments ----

    /** The format as a list of Long (characters) and Term (anything else erl copies literally). */
    private static List<Object> formatItems(Term format) {
        List<Object> items = new ArrayList<>();
        if (format instanceof Atom a) {
            a.name().codePoints().forEach(c -> items.add((long) c));
        } else if (format instanceof Binary b) {
            for (byte x : b.bytes()) {
                items.add((long) (x & 0xFF));
            }
        } else if (format == Nil.NIL) {
            return items;
        } else if (format instanceof ErlList l) {
            if (!l.isProper()) {
                throw badarg("the format is an improper list: " + cut(format));
            }
            for (Term t : l.elements()) {
                if (t instanceof ErlInt i) {
                    items.add(i.value());
                } else if (t instanceof ErlList || t == Nil.NIL || t instanceof Binary) {
                    items.add(t);
                } else {
                    throw badarg("the format holds " + cut(t) + ", which is neither a character nor a list or binary");
                }
            }
        } else {
            throw badarg("the format must be a string, a binary or an atom, not " + cut(format));
        }
        return items;
    }

    private static List<Term> argList(Term args) {
        if (args == Nil.NIL) {
            return List.of();
        }
        if (args instanceof ErlList l && l.isProper()) {
            return List.of(l.elements());
        }
        throw badarg("the arguments must be a proper list, not " + cut(args));
    }

    static String cut(Term t) {
        String s = TermPrinter.print(t);
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    // ---- parsing (io_lib_format:collect) ----

    /** One control sequence with its arguments. width/precision are null when absent. */
    private static final class Spec {
        int control;
        Long width;
        boolean left;
        Long precision;
        Term pad = SPACE;
        boolean unicode;
        boolean strings = true;
        Term[] args;

        String text() {
            StringBuilder sb = new StringBuilder("~");
            if (width != null) {
                sb.append(left ? "-" : "").append(width);
            }
            if (precision != null) {
                sb.append('.').append(precision);
            }
            sb.append(unicode ? "t" : "").append(strings ? "" : "l").appendCodePoint(control);
            return sb.toString();
        }
    }

    private static final class Parser {
        private final List<Object> fmt;
        private final List<Term> args;
        private int pos;
        private int arg;

        Parser(List<Object> fmt, List<Term> args) {
            this.fmt = fmt;
            this.args = args;
        }

        private long peek() {
            return pos < fmt.size() && fmt.get(pos) instanceof Long c ? c : -1;
        }

        private boolean hasArg() {
            return arg < args.size();
        }

        private Term nextArg(String what) {
            if (!hasArg()) {
                throw badarg("too few arguments: " + what + " needs one more");
            }
            return args.get(arg++);
        }

        List<Object> parse() {
            List<Object> out = new ArrayList<>();
            while (pos < fmt.size()) {
                Object o = fmt.get(pos++);
                if (o instanceof Long c && c == '~') {
                    out.add(spec());
                } else {
                    out.add(o);
                }
            }
            if (hasArg()) {
                throw badarg("too many arguments: the format uses " + arg + " of " + args.size());
            }
            return out;
        }

        private Spec spec() {
            Spec s = new Spec();
            boolean minus = false;
            if (peek() == '-') {
                pos++;
                minus = true;
            }
            BigInteger w = fieldValue();
            if (minus) {
                if (w == null) {
                    throw badarg("'~-' must be followed by a field width");
                }
                w = w.negate();
            }
            if (w != null) {
                s.left = w.signum() < 0;
                s.width = toLong(w.abs(), "field width");
            }
            if (peek() == '.') {
                pos++;
                BigInteger p = fieldValue();
                if (p != null) {
                    s.precision = toLong(p, "precision");
                }
            }
            if (peek() == '.' && pos + 1 < fmt.size()) {
                Object next = fmt.get(pos + 1);
                if (next instanceof Long c && c == '*' && hasArg()) {
                    pos += 2;
                    s.pad = args.get(arg++);
                } else {
                    pos += 2;
                    s.pad = next instanceof Long c ? ErlInt.of(c) : (Term) next;
                }
            }
            while (peek() == 't' || peek() == 'l') {
                if (peek() == 't') {
                    s.unicode = true;
                } else {
                    s.strings = false;
                }
                pos++;
            }
            long c = peek();
            if (pos >= fmt.size()) {
                throw badarg("the format ends inside a control sequence");
            }
            pos++;
            s.control = (int) Math.max(-1, Math.min(c, Integer.MAX_VALUE));
            int n = switch ((int) c) {
                case 'w', 'p', 's', 'e', 'f', 'g', 'b', 'B', '+', '#', 'c', 'i' -> 1;
                case 'W', 'P', 'x', 'X' -> 2;
                case '~', 'n' -> 0;
                default -> -1;
            };
            if (n < 0 || c != (int) c) {
                Object o = fmt.get(pos - 1);
                throw badarg("unknown control sequence ~" + (o instanceof Long l && Character.isValidCodePoint(l.intValue())
                        ? new String(Character.toChars(l.intValue())) : String.valueOf(o)));
            }
            s.args = new Term[n];
            for (int i = 0; i < n; i++) {
                s.args[i] = nextArg(s.text());
            }
            return s;
        }

        /** A number of digits, or {@code *} with an integer argument; null when neither. */
        private BigInteger fieldValue() {
            if (peek() == '*' && hasArg() && integer(args.get(arg)) != null) {
                pos++;
                return integer(args.get(arg++));
            }
            if (peek() >= '0' && peek() <= '9') {
                BigInteger v = BigInteger.ZERO;
                while (peek() >= '0' && peek() <= '9') {
                    v = v.multiply(BigInteger.TEN).add(BigInteger.valueOf(peek() - '0'));
                    pos++;
                }
                return v;
            }
            return null;
        }
    }

    private static long toLong(BigInteger v, String what) {
        if (v.bitLength() > 31) {
            throw badarg(what + " " + v + " is too large");
        }
        return v.longValue();
    }

    static BigInteger integer(Term t) {
        if (t instanceof ErlInt i) {
            return BigInteger.valueOf(i.value());
        }
        if (t instanceof ErlBigInt b) {
            return b.value();
        }
        return null;
    }

    // ---- building the text (io_lib_format:build) ----

    private static String build(List<Object> parsed, TermStyle style) {
        StringBuilder out = new StringBuilder();
        int col = 0;
        for (Object o : parsed) {
            String s;
            if (o instanceof Long c) {
                appendChar(out, c, "the format");
                col = advance(col, c);
                continue;
            } else if (o instanceof Spec spec) {
                s = Controls.control(spec.control, spec.args, spec.width, spec.left, spec.precision, spec.pad,
                        spec.unicode, spec.strings, col, style, spec.text());
                for (int i = 0; i < s.length(); ) {
                    int c = s.codePointAt(i);
                    col = advance(col, c);
                    i += Character.charCount(c);
                }
            } else {
                s = literal((Term) o);
                col++;
            }
            out.append(s);
        }
        return out.toString();
    }

    private static int advance(int col, long c) {
        if (c == '\n') {
            return 0;
        }
        if (c == '\t') {
            return (col + 8) / 8 * 8;
        }
        return col + 1;
    }

    static void appendChar(StringBuilder out, long c, String where) {
        if (c < 0 || c > Character.MAX_CODE_POINT) {
            throw new ProtocolException("erl's io_lib:format would return " + c + " from " + where
                    + ", which is not a character, so the result is not text");
        }
        out.appendCodePoint((int) c);
    }

    /** A list or binary inside a format list: erl copies it as it is. */
    private static String literal(Term t) {
        StringBuilder sb = new StringBuilder();
        deepText(t, sb);
        return sb.toString();
    }

    private static void deepText(Term t, StringBuilder sb) {
        if (t instanceof ErlInt i) {
            appendChar(sb, i.value(), "the format");
        } else if (t instanceof ErlList l) {
            for (Term e : l.elements()) {
                deepText(e, sb);
            }
            if (!l.isProper()) {
                deepText(l.tail(), sb);
            }
        } else if (t instanceof Binary b) {
            int[] cps = Chars.decodeUtf8(b.bytes());
            if (cps == null) {
                throw new ProtocolException("a binary in the format is not UTF-8 text: " + cut(t));
            }
            for (int c : cps) {
                sb.appendCodePoint(c);
            }
        } else if (t != Nil.NIL) {
            throw badarg("the format holds " + cut(t) + ", which is not text");
        }
    }

}
