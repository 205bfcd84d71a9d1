package io.jerl.protocol.term;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Prints terms on one line the way erl's {@code ~w} does: atoms quoted only when they must be, floats in
 * their shortest round-trip form, binaries as bytes. Pids, ports and references print with their node's
 * name ({@code <car@host.85.0>}) because this layer cannot know the per-node index erl shows;
 * {@code io.jerl.protocol.term.format.TermWriter} prints them erl's way given a numbering.
 */
public final class TermPrinter {
    /** erl_scan's reserved words in OTP 25 ('maybe' and 'else' only with the maybe_expr feature, off by default). */
    private static final Set<String> RESERVED = Set.of("after", "and", "andalso", "band", "begin", "bnot", "bor",
            "bsl", "bsr", "bxor", "case", "catch", "cond", "div", "end", "fun", "if", "let", "not", "of", "or",
            "orelse", "receive", "rem", "try", "when", "xor");

    private TermPrinter() {
    }

    public static String print(Term t) {
        StringBuilder sb = new StringBuilder();
        print(t, sb);
        return sb.toString();
    }

    public static void print(Term t, StringBuilder sb) {
        if (t instanceof Atom a) {
            atom(a.name(), sb);
        } else if (t instanceof ErlInt i) {
            sb.append(i.value());
        } else if (t instanceof ErlBigInt b) {
            sb.append(b.value());
        } else if (t instanceof ErlFloat f) {
            sb.append(formatFloat(f.value()));
        } else if (t instanceof Binary b) {
            sb.append("<<");
            for (int i = 0; i < b.bytes().length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(b.bytes()[i] & 0xFF);
            }
            sb.append(">>");
        } else if (t instanceof BitString b) {
            sb.append("<<");
            byte[] bytes = b.bytes();
            for (int i = 0; i < bytes.length - 1; i++) {
                sb.append(bytes[i] & 0xFF).append(',');
            }
            sb.append((bytes[bytes.length - 1] & 0xFF) >>> (8 - b.tailBits())).append(':').append(b.tailBits());
            sb.append(">>");
        } else if (t instanceof Tuple tu) {
            sb.append('{');
            join(tu.elements(), sb);
            sb.append('}');
        } else if (t == Nil.NIL) {
            sb.append("[]");
        } else if (t instanceof ErlList l) {
            sb.append('[');
            join(l.elements(), sb);
            if (!l.isProper()) {
                sb.append('|');
                print(l.tail(), sb);
            }
            sb.append(']');
        } else if (t instanceof ErlMap m) {
            sb.append("#{");
            boolean first = true;
            for (Map.Entry<Term, Term> e : m.entries().entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                print(e.getKey(), sb);
                sb.append(" => ");
                print(e.getValue(), sb);
            }
            sb.append('}');
        } else if (t instanceof Pid p) {
            sb.append('<').append(p.node().name()).append('.').append(Integer.toUnsignedString(p.id()))
                    .append('.').append(Integer.toUnsignedString(p.serial())).append('>');
        } else if (t instanceof Port p) {
            sb.append("#Port<").append(p.node().name()).append('.').append(p.id()).append('>');
        } else if (t instanceof Ref r) {
            sb.append("#Ref<").append(r.node().name());
            for (int i = r.ids().length - 1; i >= 0; i--) {
                sb.append('.').append(Integer.toUnsignedString(r.ids()[i]));
            }
            sb.append('>');
        } else if (t instanceof Fun f) {
            // erlang:fun_to_list copies the module name's UTF-8 bytes unquoted, each byte one character
            sb.append("#Fun<");
            for (byte b : f.module().name().getBytes(StandardCharsets.UTF_8)) {
                sb.append((char) (b & 0xFF));
            }
            sb.append('.').append(f.oldIndex()).append('.').append(f.oldUniq()).append('>');
        } else if (t instanceof ExportFun e) {
            sb.append("fun ");
            runtimeAtom(e.module().name(), sb);
            sb.append(':');
            runtimeAtom(e.function().name(), sb);
            sb.append('/').append(e.arity());
        }
    }

    /**
     * An atom as the runtime system (not io_lib) writes it inside {@code erlang:fun_to_list}: quoted unless it is a
     * Latin-1 lowercase letter followed by Latin-1 letters, digits and underscores (so {@code 'a@b'} is quoted and a
     * reserved word is not), with its UTF-8 bytes copied as one character each.
     */
    private static void runtimeAtom(String name, StringBuilder sb) {
        byte[] s = name.getBytes(StandardCharsets.UTF_8);
        int n = s.length;
        if (n == 0) {
            sb.append("''");
            return;
        }
        boolean quote = !isLower(runtimeChar(s, 0));
        for (int i = 1; !quote && i < n; i++) {
            int lc = runtimeChar(s, i);
            quote = !(isLower(lc) || isUpper(lc) || (lc >= '0' && lc <= '9') || lc == '_');
        }
        if (quote) {
            sb.append('\'');
        }
        for (int i = 0; i < n; i++) {
            int c = s[i] & 0xFF;
            switch (c) {
                case '\'' -> sb.append("\\'");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\f' -> sb.append("\\f");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\b' -> sb.append("\\b");
                case 0x0B -> sb.append("\\v");
                default -> {
                    if (c < ' ') {
                        octal(c, sb);
                    } else if (c == 0xC2 && i + 1 < n && (s[i + 1] & 0xFF) < 0xA0) {
                        octal(s[++i] & 0xFF, sb);
                    } else {
                        sb.append((char) c);
                    }
                }
            }
        }
        if (quote) {
            sb.append('\'');
        }
    }

    /** The runtime's view of the character at byte i: decoded when 2 bytes long, 'a' for a continuation byte. */
    private static int runtimeChar(byte[] s, int i) {
        int c1 = s[i] & 0xFF;
        if (c1 < 0x80) {
            return c1;
        } else if ((c1 & 0xE0) == 0xC0) {
            int c2 = i + 1 < s.length ? s[i + 1] & 0xFF : 0;
            return (c1 & 0x1F) << 6 | (c2 & 0x3F);
        } else if ((c1 & 0xC0) == 0x80) {
            return 'a';
        }
        return 0;
    }

    private static void octal(int c, StringBuilder sb) {
        sb.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                .append((char) ('0' + (c & 7)));
    }

    private static void join(Term[] elements, StringBuilder sb) {
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            print(elements[i], sb);
        }
    }

    /** Appends an atom, quoted and escaped only when erl would quote it. */
    public static void atom(String name, StringBuilder sb) {
        if (isBare(name)) {
            sb.append(name);
            return;
        }
        sb.append('\'');
        name.codePoints().forEach(c -> {
            switch (c) {
                case '\'' -> sb.append("\\'");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\f' -> sb.append("\\f");
                case '\b' -> sb.append("\\b");
                case 0x0B -> sb.append("\\v");
                case 0x1B -> sb.append("\\e");
                case 0x7F -> sb.append("\\d");
                default -> {
                    if (c < 0x20 || (c >= 0x80 && c < 0xA0)) {
                        // erl writes the other control characters as three octal digits: '\001', '\237'
                        octal(c, sb);
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        sb.append('\'');
    }

    private static boolean isBare(String name) {
        if (name.isEmpty() || RESERVED.contains(name)) {
            return false;
        }
        int first = name.codePointAt(0);
        if (!isLower(first)) {
            return false;
        }
        for (int i = Character.charCount(first); i < name.length(); ) {
            int c = name.codePointAt(i);
            if (!(isLower(c) || isUpper(c) || (c >= '0' && c <= '9') || c == '_' || c == '@')) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    // erl's scanner takes Latin-1 letters only; ÷ and × are not letters.
    private static boolean isLower(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
    }

    private static boolean isUpper(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
    }

    /**
     * A float as erl (OTP 25+, {@code float_to_list(F, [short])}) prints it: the fewest digits that read back to
     * the same double, always with a fraction part. With digits {@code D} (n of them, no trailing zeros) and value
     * {@code D * 10^e}, erl writes plain decimals while {@code e} lies in a window, else an exponent: for one digit
     * -4..2, for more -(n+2)..1, or -(n+2)..2 when the number has 11 or more whole digits; and it writes integral
     * values from 2^53 up with an exponent (9.007199254740992e15, not 9007199254740992.0).
     */
    public static String formatFloat(double d) {
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestDigits(d);
        String digits = shortest.unscaledValue().abs().toString();
        int n = digits.length();
        int e = -shortest.scale();
        int lower = n == 1 ? -4 : -(n + 2);
        int upper = (n != 1 && e + n - 1 >= 10) ? 2 : (n == 1 ? 2 : 1);
        boolean fixed = lower <= e && e <= upper;
        if (fixed && e >= 0) {
            long m = Long.parseLong(digits);
            if ((e == 0 && m >= 1L << 53) || (e == 1 && m > (1L << 52) / 5) || (e == 2 && m > (1L << 51) / 25)) {
                fixed = false;
            }
        }
        // value = 0.digits * 10^pointPos
        int pointPos = n + e;
        String sign = d < 0 ? "-" : "";
        return sign + (fixed ? plain(digits, pointPos) : scientific(digits, pointPos));
    }

    private static BigDecimal shortestDigits(double d) {
        // Java 17's Double.toString is not always shortest, so search the precision that round-trips.
        for (int p = 1; p <= 17; p++) {
            BigDecimal candidate = new BigDecimal(d).round(new java.math.MathContext(p, java.math.RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return new BigDecimal(d);
    }

    private static String plain(String digits, int pointPos) {
        if (pointPos <= 0) {
            return "0." + "0".repeat(-pointPos) + digits;
        }
        if (pointPos >= digits.length()) {
            return digits + "0".repeat(pointPos - digits.length()) + ".0";
        }
        return digits.substring(0, pointPos) + "." + digits.substring(pointPos);
    }

    private static String scientific(String digits, int pointPos) {
        String frac = digits.length() > 1 ? digits.substring(1) : "0";
        return digits.charAt(0) + "." + frac + "e" + (pointPos - 1);
    }
}
