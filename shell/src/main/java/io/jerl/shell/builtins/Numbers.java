package io.jerl.shell.builtins;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlBigInt;
import io.jerl.protocol.term.ErlFloat;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermPrinter;
import io.jerl.protocol.term.Tuple;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers to and from text, and integer/float conversion, as erl's BIFs do them. */
final class Numbers {
    private static final double TWO_64 = 18446744073709551616.0;
    private static final Atom DECIMALS = Atom.of("decimals");
    private static final Atom SCIENTIFIC = Atom.of("scientific");
    private static final Atom COMPACT = Atom.of("compact");
    private static final Atom SHORT = Atom.of("short");
    /** erl formats {@code {decimals, N}} into a 256-byte buffer: longer results are badarg. */
    private static final int DECIMALS_BUFFER = 256;
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

    private Numbers() {
    }

    /**
     * A bignum as erl converts it to a float: 64-bit digits from the most significant, each step
     * {@code d = d * 2^64 + digit} in double arithmetic. That can round differently from an exact conversion
     * (BigInteger.doubleValue), so erl's way is copied. Infinite when it overflows.
     */
    static double bigToDouble(BigInteger v) {
        BigInteger mag = v.abs();
        int digits = (mag.bitLength() + 63) / 64;
        double d = 0.0;
        for (int i = digits - 1; i >= 0; i--) {
            long digit = mag.shiftRight(i * 64).longValue();
            d = d * TWO_64 + unsignedToDouble(digit);
            if (Double.isInfinite(d)) {
                return v.signum() < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
        }
        return v.signum() < 0 ? -d : d;
    }

    /** An unsigned 64-bit value as the nearest double (as C converts uint64_t). */
    private static double unsignedToDouble(long u) {
        if (u >= 0) {
            return u;
        }
        // Halve keeping the sticky bit, convert (correctly rounded), double again.
        return ((double) ((u >>> 1) | (u & 1))) * 2.0;
    }

    /** erlang:float/1: badarg for non-numbers and integers too large for a float. */
    static double toFloatBif(Term t) {
        if (t instanceof ErlFloat f) {
            return f.value();
        }
        if (t instanceof ErlInt i) {
            return i.value();
        }
        if (t instanceof ErlBigInt b) {
            double d = bigToDouble(b.value());
            if (Double.isInfinite(d)) {
                throw Errors.badarg();
            }
            return d;
        }
        throw Errors.badarg();
    }

    /** The exact integer value of a finite double with its fraction cut off. */
    static Term truncToInteger(double d) {
        if (Math.abs(d) < 9.0e18) {
            return ErlInt.of((long) d);
        }
        return ErlInt.of(new BigDecimal(d).toBigInteger());
    }

    // ---- integers as text

    static String integerToString(Term t, int base) {
        if (t instanceof ErlInt i) {
            return Long.toString(i.value(), base).toUpperCase();
        }
        return ((ErlBigInt) t).value().toString(base).toUpperCase();
    }

    /**
     * The integer written in {@code s} (an optional sign, then at least one digit of {@code base}, nothing else), or
     * null.
     */
    static Term parseInteger(String s, int base) {
        int i = 0;
        int n = s.length();
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        if (i == n) {
            return null;
        }
        for (int j = i; j < n; j++) {
            char c = s.charAt(j);
            if (c > 0x7F || Character.digit(c, base) < 0) {
                return null;
            }
        }
        String digits = s.substring(i);
        if (digits.length() <= 12) {
            long v = Long.parseLong(digits, base);
            return ErlInt.of(neg ? -v : v);
        }
        BigInteger v = new BigInteger(digits, base);
        return Terms.integer(neg ? v.negate() : v);
    }

    static int baseOrBadarg(Term t) {
        if (t instanceof ErlInt i && i.value() >= 2 && i.value() <= 36) {
            return (int) i.value();
        }
        throw Errors.badarg();
    }

    // ---- floats as text

    /**
     * The float in {@code s} if it has erl's float syntax: optional sign, digits, '.', digits, optionally 'e' or
     * 'E', an optional sign and digits. Null when the syntax is wrong or the value overflows (erl's badarg);
     * values too small for a double become 0.0, as erl's do.
     */
    static Double parseFloat(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int start = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == start || i == n || s.charAt(i) != '.') {
            return null;
        }
        i++;
        start = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == start) {
            return null;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            start = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return null;
            }
        }
        if (i != n) {
            return null;
        }
        double d = Double.parseDouble(s);
        return Double.isFinite(d) ? d : null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** float_to_list(F, Options): {@code [{decimals, 0..253}, {scientific, 0..249}, compact, short]}, last wins. */
    static String floatToString(double d, Term options) {
        Term[] opts = Terms.properOrBadarg(options);
        int mode = 1; // 0 decimals, 1 scientific, 2 short
        int precision = 20;
        boolean compact = false;
        for (Term o : opts) {
            if (o == COMPACT) {
                compact = true;
            } else if (o == SHORT) {
                mode = 2;
            } else if (o instanceof Tuple t && t.arity() == 2 && t.get(1) instanceof ErlInt p
                    && (t.get(0) == DECIMALS || t.get(0) == SCIENTIFIC)) {
                boolean dec = t.get(0) == DECIMALS;
                if (p.value() < 0 || p.value() > (dec ? 253 : 249)) {
                    throw Errors.badarg();
                }
                mode = dec ? 0 : 1;
                precision = (int) p.value();
            } else {
                throw Errors.badarg();
            }
        }
        switch (mode) {
            case 0:
                String s = decimals(d, precision, compact);
                if (s.length() >= DECIMALS_BUFFER) {
                    throw Errors.badarg();
                }
                return s;
            case 1:
                return scientific(d, precision);
            default:
                return TermPrinter.formatFloat(d);
        }
    }

    private static boolean negative(double d) {
        return d < 0 || (d == 0 && 1 / d < 0);
    }

    /** printf's {@code %.Ne}: exactly rounded (half even on the binary value), exponent of at least two digits. */
    static String scientific(double d, int precision) {
        String sign = negative(d) ? "-" : "";
        if (d == 0) {
            return sign + "0" + (precision > 0 ? "." + "0".repeat(precision) : "") + "e+00";
        }
        BigDecimal r = new BigDecimal(Math.abs(d)).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        String digits = r.unscaledValue().toString();
        int exp = digits.length() - 1 - r.scale();
        if (digits.length() < precision + 1) {
            digits = digits + "0".repeat(precision + 1 - digits.length());
        }
        StringBuilder sb = new StringBuilder(sign);
        sb.append(digits.charAt(0));
        if (precision > 0) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exp < 0 ? '-' : '+');
        int ae = Math.abs(exp);
        if (ae < 10) {
            sb.append('0');
        }
        return sb.append(ae).toString();
    }

    /**
     * {@code {decimals, N}}: erl's own fixed-point writer for values up to 2^53 and fewer than 19 decimals (which
     * rounds half up in double arithmetic, so 0.125 gives "0.13"), printf's exact {@code %.Nf} otherwise.
     */
    static String decimals(double d, int decimals, boolean compact) {
        boolean neg = negative(d);
        double af = Math.abs(d);
        String body;
        if (af > 9007199254740992.0 || decimals >= POW10.length) {
            body = new BigDecimal(af).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
            if (compact) {
                body = stripZeros(body);
            }
        } else {
            StringBuilder sb = new StringBuilder();
            long intPart;
            if (decimals > 0) {
                double intF = Math.floor(af);
                // C's round(): halves go away from zero (raw - floor(raw) is exact for raw < 2^53).
                double raw = (af - intF) * POW10[decimals];
                double fl = Math.floor(raw);
                double fracF = raw - fl >= 0.5 ? fl + 1 : fl;
                intPart = (long) intF;
                long fracPart = (long) fracF;
                if (fracF >= POW10[decimals]) {
                    intPart++;
                    fracPart = 0;
                }
                String frac = Long.toString(fracPart);
                sb.append(intPart).append('.').append("0".repeat(decimals - frac.length())).append(frac);
            } else {
                sb.append(Math.round(af));
            }
            body = sb.toString();
            if (compact && decimals > 0) {
                body = stripZeros(body);
            }
        }
        return neg ? "-" + body : body;
    }

    /** Drops trailing zeros, keeping one digit after a decimal point (erl's find_first_trailing_zero). */
    private static String stripZeros(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') {
            end--;
        }
        if (end > 0 && s.charAt(end - 1) == '.') {
            end++;
        }
        return s.substring(0, end);
    }
}
