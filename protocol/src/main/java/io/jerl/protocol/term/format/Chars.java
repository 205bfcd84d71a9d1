package io.jerl.protocol.term.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Character-level helpers shared by the writers: erl's escaping of characters inside quoted strings and atoms,
 * its ways of measuring text, and its printable-character tests.
 */
final class Chars {
    /** How characters above 159 are written inside quotes (io_lib's string_char modes). */
    enum Mode {
        /** Latin-1 text: 160..255 as they are (used only for Latin-1 printable lists). */
        LATIN1,
        /** Everything from 160 up as it is ({@code ~tp}, {@code ~tw}). */
        UNICODE_AS_UNICODE,
        /** 160..255 as they are, above 255 as {@code \x{HEX}} ({@code ~p}, {@code ~w} atoms). */
        UNICODE_AS_LATIN1
    }

    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private Chars() {
    }

    /** Appends {@code c} as erl writes it between {@code quote} characters. */
    static void escape(int c, int quote, Mode mode, StringBuilder sb) {
        if (c == quote) {
            sb.append('\\').appendCodePoint(c);
        } else if (c == '\\') {
            sb.append("\\\\");
        } else if (c >= ' ' && c <= '~') {
            sb.append((char) c);
        } else if (c >= 160 && (c <= 255 || mode == Mode.UNICODE_AS_UNICODE)) {
            sb.appendCodePoint(c);
        } else if (c > 255) {
            // UNICODE_AS_LATIN1 (LATIN1 text never holds such characters)
            sb.append("\\x{").append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)).append('}');
        } else {
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 0x0B -> sb.append("\\v");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case 0x1B -> sb.append("\\e");
                case 0x7F -> sb.append("\\d");
                default -> sb.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                        .append((char) ('0' + (c & 7)));
            }
        }
    }

    /** {@code "..."} with each code point escaped in {@code mode}. */
    static String quoted(int[] cps, int from, int to, Mode mode) {
        StringBuilder sb = new StringBuilder(to - from + 2);
        sb.append('"');
        for (int i = from; i < to; i++) {
            escape(cps[i], '"', mode, sb);
        }
        return sb.append('"').toString();
    }

    /**
     * io_lib:chars_length: the number of characters when all are Latin-1 (iolist_size), else the number of
     * grapheme clusters (string:length).
     */
    static int length(CharSequence s) {
        int n = 0;
        boolean wide = false;
        for (int i = 0; i < s.length(); ) {
            int c = Character.codePointAt(s, i);
            if (c > 255) {
                wide = true;
                break;
            }
            n++;
            i += Character.charCount(c);
        }
        return wide ? graphemes(s) : n;
    }

    static int codePoints(CharSequence s) {
        return Character.codePointCount(s, 0, s.length());
    }

    static int graphemes(CharSequence s) {
        Matcher m = GRAPHEME.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The first {@code n} grapheme clusters of {@code s} (string:slice(S, 0, N)). */
    static String firstGraphemes(String s, int n) {
        Matcher m = GRAPHEME.matcher(s);
        int end = 0;
        for (int i = 0; i < n && m.find(); i++) {
            end = m.end();
        }
        return s.substring(0, end);
    }

    /** The first {@code n} code points of {@code s}. */
    static String firstCodePoints(String s, int n) {
        return s.substring(0, s.offsetByCodePoints(0, Math.min(n, codePoints(s))));
    }

    /** The escape characters every printable list may hold besides graphic ones: \n \r \t \v \b \f \e. */
    private static boolean printableControl(long c) {
        return c == '\n' || c == '\r' || c == '\t' || c == 0x0B || c == '\b' || c == '\f' || c == 0x1B;
    }

    /** io_lib:printable_latin1_list's test for one character. */
    static boolean printableLatin1(long c) {
        return (c >= ' ' && c <= '~') || (c >= 160 && c <= 255) || printableControl(c);
    }

    /** io_lib:printable_unicode_list's test for one character. */
    static boolean printableUnicode(long c) {
        return (c >= ' ' && c <= '~') || (c >= 160 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE)
                || (c > 0xFFFF && c <= 0x10FFFF) || printableControl(c);
    }

    /** A character erl calls valid in char_list / deep_char_list. */
    static boolean isChar(long c) {
        return (c >= 0 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE) || (c > 0xFFFF && c <= 0x10FFFF);
    }

    /**
     * Decodes one UTF-8 character at {@code i} as erl's {@code <<C/utf8>>} matches it (no overlong forms, no
     * surrogates, at most 10FFFF). Returns {@code (length << 32) | codePoint}, or -1 when there is none.
     */
    static long utf8At(byte[] b, int i) {
        int n = b.length - i;
        if (n <= 0) {
            return -1;
        }
        int b0 = b[i] & 0xFF;
        if (b0 < 0x80) {
            return (1L << 32) | b0;
        }
        int len;
        int cp;
        int min;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            len = 2;
            cp = b0 & 0x1F;
            min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            len = 3;
            cp = b0 & 0x0F;
            min = 0x800;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            len = 4;
            cp = b0 & 0x07;
            min = 0x10000;
        } else {
            return -1;
        }
        if (n < len) {
            return -1;
        }
        for (int k = 1; k < len; k++) {
            int bk = b[i + k] & 0xFF;
            if ((bk & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (bk & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return -1;
        }
        return ((long) len << 32) | cp;
    }

    /** The whole binary as UTF-8 characters, or null when it is not valid UTF-8 throughout. */
    static int[] decodeUtf8(byte[] b) {
        int[] out = new int[b.length];
        int n = 0;
        for (int i = 0; i < b.length; ) {
            long r = utf8At(b, i);
            if (r < 0) {
                return null;
            }
            out[n++] = (int) r;
            i += (int) (r >>> 32);
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
