package io.jerl.shell.builtins;

import java.util.ArrayList;
import java.util.List;

/**
 * Grapheme clusters, the "characters" of erl's string module (which follows Unicode's extended grapheme
 * clusters, UAX #29): CR LF is one cluster, combining marks and joiners stay with the character before them,
 * Hangul syllables and regional-indicator pairs hold together, and emoji ZWJ sequences are one cluster. Prepend
 * characters (a handful of rare scripts' marks) are not treated specially.
 */
final class Graphemes {
    private Graphemes() {
    }

    /** The cluster boundaries of {@code cps}: 0, each break, cps.length. */
    static int[] boundaries(int[] cps) {
        List<Integer> out = new ArrayList<>();
        out.add(0);
        int riRun = 0;
        boolean pictBeforeZwj = false;
        for (int i = 1; i < cps.length; i++) {
            int prev = cps[i - 1];
            int cur = cps[i];
            riRun = isRegional(prev) ? riRun + 1 : 0;
            if (isPictographic(prev)) {
                pictBeforeZwj = true;
            } else if (!isExtend(prev) && prev != 0x200D) {
                pictBeforeZwj = false;
            }
            if (!joined(prev, cur, riRun, pictBeforeZwj)) {
                out.add(i);
            }
        }
        if (cps.length > 0) {
            out.add(cps.length);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether there is no break between {@code prev} and {@code cur}. */
    private static boolean joined(int prev, int cur, int riRun, boolean pictBeforeZwj) {
        if (prev == '\r' && cur == '\n') {
            return true;
        }
        if (isControl(prev) || isControl(cur)) {
            return false;
        }
        if (hangul(prev, cur)) {
            return true;
        }
        if (isExtend(cur) || cur == 0x200D || isSpacingMark(cur)) {
            return true;
        }
        if (prev == 0x200D && pictBeforeZwj && isPictographic(cur)) {
            return true;
        }
        // regional indicators pair up: join when an odd number of them came before
        return isRegional(prev) && isRegional(cur) && riRun % 2 == 1;
    }

    private static boolean isControl(int c) {
        int t = Character.getType(c);
        if (t == Character.CONTROL || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR) {
            return true;
        }
        // Format characters break, except the joiners and emoji tags, which extend
        return t == Character.FORMAT && c != 0x200D && c != 0x200C && !(c >= 0xE0020 && c <= 0xE007F);
    }

    static boolean isExtend(int c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || c == 0x200C
                || (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F) || c == 0xFF9E || c == 0xFF9F;
    }

    private static boolean isSpacingMark(int c) {
        return Character.getType(c) == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isRegional(int c) {
        return c >= 0x1F1E6 && c <= 0x1F1FF;
    }

    /** Extended_Pictographic, approximately: the emoji and pictograph blocks. */
    private static boolean isPictographic(int c) {
        return (c >= 0x1F000 && c <= 0x1FAFF && !(c >= 0x1F1E6 && c <= 0x1F1FF) && !(c >= 0x1F3FB && c <= 0x1F3FF))
                || (c >= 0x2600 && c <= 0x27BF) || c == 0x00A9 || c == 0x00AE || c == 0x203C || c == 0x2049
                || (c >= 0x2190 && c <= 0x21FF) || (c >= 0x2300 && c <= 0x23FF) || (c >= 0x2B00 && c <= 0x2BFF);
    }

    // Hangul syllable types: L (leading consonant), V (vowel), T (trailing), LV, LVT.
    private static boolean isL(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0xA960 && c <= 0xA97C);
    }

    private static boolean isV(int c) {
        return (c >= 0x1160 && c <= 0x11A7) || (c >= 0xD7B0 && c <= 0xD7C6);
    }

    private static boolean isT(int c) {
        return (c >= 0x11A8 && c <= 0x11FF) || (c >= 0xD7CB && c <= 0xD7FB);
    }

    private static boolean isLV(int c) {
        return c >= 0xAC00 && c <= 0xD7A3 && (c - 0xAC00) % 28 == 0;
    }

    private static boolean isLVT(int c) {
        return c >= 0xAC00 && c <= 0xD7A3 && (c - 0xAC00) % 28 != 0;
    }

    private static boolean hangul(int a, int b) {
        if (isL(a)) {
            return isL(b) || isV(b) || isLV(b) || isLVT(b);
        }
        if (isLV(a) || isV(a)) {
            return isV(b) || isT(b);
        }
        return (isLVT(a) || isT(a)) && isT(b);
    }
}
