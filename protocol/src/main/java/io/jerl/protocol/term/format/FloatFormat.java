package io.jerl.protocol.term.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The digits of {@code ~e}, {@code ~f} and {@code ~g}. erl takes a float's first 21 significant digits (its
 * {@code float_to_list/1}, C's {@code %.20e}) and rounds those digits half up to the precision asked for, so a
 * value is rounded twice; this class does the same to print the same digits.
 */
final class FloatFormat {
    private static final int DIGITS = 21;
    private static final MathContext MC = new MathContext(DIGITS, RoundingMode.HALF_EVEN);

    private FloatFormat() {
    }

    /** The 21 digits of |v| and the exponent E such that |v| = 0.D1D2... * 10^E (erl's float_data). */
    private record Data(String digits, int exp) {
    }

    private static Data data(double v) {
        if (v == 0) {
            return new Data("0".repeat(DIGITS), 1);
        }
        BigDecimal r = new BigDecimal(Math.abs(v)).round(MC);
        String u = r.unscaledValue().toString();
        int sciExp = u.length() - 1 - r.scale();
        StringBuilder d = new StringBuilder(u);
        while (d.length() < DIGITS) {
            d.append('0');
        }
        return new Data(d.toString(), sciExp + 1);
    }

    private static String sign(double v) {
        return (v < 0 || (v == 0 && 1 / v < 0)) ? "-" : "";
    }

    /**
     * erl's float_man: the digits with {@code whole} of them before the point and {@code decimals} after, rounded
     * half up on the next digit; a carry out of the first digit is reported by a leading {@code '!'}.
     */
    private static String mantissa(String ds, int whole, int decimals) {
        int total = whole + decimals;
        char[] t = new char[total];
        for (int i = 0; i < total; i++) {
            t[i] = i < ds.length() ? ds.charAt(i) : '0';
        }
        boolean carry = total < ds.length() && ds.charAt(total) >= '5';
        for (int i = total - 1; carry && i >= 0; i--) {
            if (t[i] == '9') {
                t[i] = '0';
            } else {
                t[i]++;
                carry = false;
            }
        }
        String s = new String(t, 0, whole) + "." + new String(t, whole, decimals);
        return carry ? "!" + s : s;
    }

    /** {@code ~.Pe} without a field width: P significant digits (P >= 2). */
    static String e(double v, int p) {
        Data d = data(v);
        String m = mantissa(d.digits(), 1, p - 1);
        int exp;
        if (m.startsWith("!")) {
            // 9.99.. rounded up to 10.0..: erl writes "1" over the leading zero and keeps the exponent
            m = "1" + m.substring(2);
            exp = d.exp();
        } else {
            exp = d.exp() - 1;
        }
        return sign(v) + m + (exp >= 0 ? "e+" : "e") + exp;
    }

    /** {@code ~.Pf} without a field width: P decimals (P >= 1). */
    static String f(double v, int p) {
        Data d = data(v);
        String ds = d.digits();
        int e = d.exp();
        if (e <= 0) {
            ds = "0".repeat(-e + 1) + ds;
            e = 1;
        }
        String m = mantissa(ds, e, p);
        if (m.startsWith("!")) {
            m = "1" + m.substring(1);
        }
        return sign(v) + m;
    }
}
