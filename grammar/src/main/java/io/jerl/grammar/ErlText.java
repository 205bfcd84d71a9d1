package io.jerl.grammar;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Set;

/**
 * Terms written the way OTP 25 writes them in messages: {@code io_lib:write_atom/1}, {@code write_string/2},
 * {@code write_char/1} and the shortest float layout of {@code ~w}. Used for "syntax error before: ..." and for the
 * heads of unterminated strings.
 */
final class ErlText {

    /** erl_scan's reserved words in OTP 25 when no optional feature is enabled. */
    static final Set<String> RESERVED = Set.of(
            "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case", "catch",
            "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive", "rem", "try", "when",
            "xor");

    private ErlText() {
    }

    /** An atom as erl writes it: bare when it reads back as the same atom, else quoted with escapes. */
    static String writeAtom(String name) {
        if (isBareAtom(name)) {
            return name;
        }
        return writeString(name, '\'');
    }

    static boolean isBareAtom(String name) {
        if (name.isEmpty() || RESERVED.contains(name)) {
            return false;
        }
        int first = name.codePointAt(0);
        if (!isLower(first)) {
            return false;
        }
        for (int i = Character.charCount(first); i < name.length(); ) {
            int c = name.codePointAt(i);
            if (!isNameChar(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** Latin-1 lower-case letters, which start an atom (÷ is not a letter). */
    static boolean isLower(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
    }

    static boolean isNameChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '@'
                || (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7);
    }

    /** Text between the given quotes, escaped as io_lib escapes it (the other quote is left alone). */
    static String writeString(String s, char quote) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append(quote);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (c == quote) {
                sb.append('\\').append(quote);
            } else {
                appendEscaped(sb, c);
            }
            i += Character.charCount(c);
        }
        return sb.append(quote).toString();
    }

    /** A character as {@code io_lib:write_char/1} writes it: {@code $a}, {@code $\n}, {@code $\s}, {@code $\\}. */
    static String writeChar(int c) {
        StringBuilder sb = new StringBuilder(6).append('$');
        if (c == ' ') {
            return sb.append("\\s").toString();
        }
        appendEscaped(sb, c);
        return sb.toString();
    }

    private static void appendEscaped(StringBuilder sb, int c) {
        switch (c) {
            case '\\': sb.append("\\\\"); return;
            case '\b': sb.append("\\b"); return;
            case '\t': sb.append("\\t"); return;
            case '\n': sb.append("\\n"); return;
            case 0x0B: sb.append("\\v"); return;
            case '\f': sb.append("\\f"); return;
            case '\r': sb.append("\\r"); return;
            case 0x1B: sb.append("\\e"); return;
            case 0x7F: sb.append("\\d"); return;
            default:
                if (c < 0x20 || (c >= 0x80 && c < 0xA0)) {
                    String octal = Integer.toOctalString(c);
                    sb.append('\\').append("000", octal.length(), 3).append(octal);
                } else {
                    sb.appendCodePoint(c);
                }
        }
    }

    /**
     * A float as OTP 25 writes it: the fewest significant digits that read back as the same double, laid out in
     * plain or exponent form, whichever is shorter (plain on a tie), with at least one digit after the point;
     * integral values of 2^53 and more always take the exponent form. E.g. 0.1, 100.0, 1.0e3, 1.5e3, 12.5,
     * 1.0e-5, 0.0001, 1.2345678901234568e17.
     */
    static String formatFloat(double d) {
        if (d == 0) {
            return (Double.doubleToRawLongBits(d) < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        int exponent = -shortest.scale(); // |d| = digits * 10^exponent
        String plain = plain(digits, exponent);
        String scientific = scientific(digits, exponent);
        boolean integralAndHuge = exponent >= 0 && Math.abs(d) >= 0x1p53;
        String body = (!integralAndHuge && plain.length() <= scientific.length()) ? plain : scientific;
        return d < 0 ? "-" + body : body;
    }

    private static BigDecimal shortest(double d) {
        // Java 17's Double.toString is not always the shortest; search the precision that reads back.
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17)).stripTrailingZeros();
    }

    private static String plain(String digits, int exponent) {
        if (exponent >= 0) {
            return digits + "0".repeat(exponent) + ".0";
        }
        int point = digits.length() + exponent; // digits before the point
        if (point > 0) {
            return digits.substring(0, point) + "." + digits.substring(point);
        }
        return "0." + "0".repeat(-point) + digits;
    }

    private static String scientific(String digits, int exponent) {
        String fraction = digits.length() > 1 ? digits.substring(1) : "0";
        return digits.charAt(0) + "." + fraction + "e" + (exponent + digits.length() - 1);
    }
}
