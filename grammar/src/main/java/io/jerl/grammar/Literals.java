package io.jerl.grammar;

import java.math.BigInteger;
import org.antlr.v4.runtime.Token;

/**
 * Values of literal tokens, checked as erl_scan checks them and with its messages: escape sequences in strings,
 * quoted atoms and characters; digit separators, bases and ranges of numbers; the length of atoms and variables.
 * The lexer only finds where a literal ends; this class says what it means, or where and why it is wrong.
 */
final class Literals {

    /** erl limits atoms (and variables) to 255 characters. */
    static final int MAX_NAME_LENGTH = 255;

    /**
     * Integer literals longer than this are refused rather than converted: {@link BigInteger#BigInteger(String)} is
     * quadratic, and no one types a number of a hundred thousand digits into a shell.
     */
    static final int MAX_INTEGER_DIGITS = 100_000;

    private Literals() {
    }

    static int line(Token t) {
        return t.getLine();
    }

    static int column(Token t) {
        return t.getCharPositionInLine() + 1;
    }

    static GrammarError errorAt(Token t, String message) {
        return new GrammarError(line(t), column(t), message);
    }

    /** The contents of a {@code "..."} or {@code '...'} token with its escapes decoded. */
    static String quoted(Token t) {
        String text = t.getText();
        return decode(text, 1, text.length() - 1, line(t), column(t) + 1, false);
    }

    /** An atom's name: the token itself, or a quoted atom decoded; at most 255 characters. */
    static String atom(Token t, boolean quoted) {
        String name = quoted ? quoted(t) : t.getText();
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw errorAt(t, "illegal atom");
        }
        return name;
    }

    static String var(Token t) {
        String name = t.getText();
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw errorAt(t, "illegal var");
        }
        return name;
    }

    /** The code point of {@code $c}; erl reports any fault in it at the {@code $}. */
    static BigInteger character(Token t) {
        String text = t.getText();
        try {
            String decoded = decode(text, 1, text.length(), line(t), column(t) + 1, false);
            return BigInteger.valueOf(decoded.codePointAt(0));
        } catch (GrammarError e) {
            throw errorAt(t, "illegal character");
        }
    }

    /** A decimal or {@code Base#digits} integer, with {@code _} separators. */
    static BigInteger integer(Token t) {
        String text = t.getText();
        if (text.length() > MAX_INTEGER_DIGITS) {
            throw errorAt(t, "illegal integer");
        }
        int hash = text.indexOf('#');
        if (hash < 0) {
            return new BigInteger(text.replace("_", ""));
        }
        int base = Integer.parseInt(text.substring(0, hash).replace("_", ""));
        return new BigInteger(text.substring(hash + 1).replace("_", ""), base);
    }

    /** The error for {@code Base#} with no digit of the base after it. */
    static GrammarError badBased(Token t) {
        String text = t.getText();
        BigInteger base = new BigInteger(text.substring(0, text.length() - 1).replace("_", ""));
        if (base.compareTo(BigInteger.TWO) < 0 || base.compareTo(BigInteger.valueOf(36)) > 0) {
            return errorAt(t, "illegal base '" + base + "'");
        }
        return errorAt(t, "illegal integer");
    }

    static double floating(Token t) {
        String text = t.getText();
        if (text.length() > MAX_INTEGER_DIGITS) {
            throw errorAt(t, "illegal float");
        }
        double d = Double.parseDouble(text.replace("_", ""));
        if (Double.isInfinite(d)) {
            throw errorAt(t, "illegal float");
        }
        return d;
    }

    /** "unterminated string starting with ..." / "unterminated atom starting with ...". */
    static GrammarError unterminated(Token t, char quote) {
        String text = t.getText();
        String head = head(decode(text, 1, text.length(), line(t), column(t) + 1, true), 16);
        String what = quote == '"' ? "string" : "atom";
        return errorAt(t, "unterminated " + what + " starting with " + ErlText.writeString(head, quote));
    }

    /** The first {@code n} characters, a CR LF pair counting as one as in {@code string:slice/3}. */
    private static String head(String s, int n) {
        int i = 0;
        for (int count = 0; count < n && i < s.length(); count++) {
            if (s.startsWith("\r\n", i)) {
                i += 2;
            } else {
                i += Character.charCount(s.codePointAt(i));
            }
        }
        return s.substring(0, i);
    }

    /**
     * Decodes {@code text[from, to)}, the body of a quoted literal whose first character is at {@code line:column}.
     * A bad escape or a code point erl does not take (a surrogate, U+FFFE, U+FFFF) is an "illegal character" at its
     * position. In lenient mode (the body of an
     * unterminated literal, which runs to the end of the input) an escape cut short by the end instead ends the
     * decoding, as erl reports the literal as unterminated then, with the characters before the escape as its head.
     */
    private static String decode(String text, int from, int to, int line, int column, boolean lenient) {
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            int c = text.codePointAt(i);
            if (c != '\\') {
                if (!isCharacter(c)) {
                    throw new GrammarError(line, column, "illegal character");
                }
                out.appendCodePoint(c);
                i += Character.charCount(c);
                if (c == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
                continue;
            }
            int value = -1;
            boolean cutShort = false;
            int j = i + 1; // after the backslash
            if (j >= to) {
                cutShort = true;
            } else {
                int e = text.codePointAt(j);
                if (e >= '0' && e <= '7') {
                    value = 0;
                    int end = Math.min(j + 3, to);
                    while (j < end && text.charAt(j) >= '0' && text.charAt(j) <= '7') {
                        value = value * 8 + (text.charAt(j) - '0');
                        j++;
                    }
                } else if (e == 'x') {
                    j++;
                    if (j >= to) {
                        cutShort = true;
                    } else if (text.charAt(j) == '{') {
                        int close = j + 1;
                        long v = 0;
                        while (close < to && isHex(text.charAt(close))) {
                            v = Math.min(v * 16 + Character.digit(text.charAt(close), 16), 0x7FFFFFFFL);
                            close++;
                        }
                        if (close >= to) {
                            cutShort = true;
                        } else if (text.charAt(close) == '}' && close > j + 1) {
                            value = (int) v;
                            j = close + 1;
                        }
                    } else if (j + 1 < to && isHex(text.charAt(j)) && isHex(text.charAt(j + 1))) {
                        value = Character.digit(text.charAt(j), 16) * 16 + Character.digit(text.charAt(j + 1), 16);
                        j += 2;
                    }
                } else if (e == '^') {
                    j++;
                    if (j >= to) {
                        cutShort = true;
                    } else {
                        int x = text.codePointAt(j);
                        value = x & 31;
                        j += Character.charCount(x);
                    }
                } else {
                    value = simpleEscape(e);
                    j += Character.charCount(e);
                }
            }
            if (cutShort && lenient) {
                break;
            }
            if (value < 0 || !isCharacter(value)) {
                throw new GrammarError(line, column, "illegal character");
            }
            out.appendCodePoint(value);
            // Positions move over the source text of the escape, which may hold a newline (\ then a line break).
            for (int k = i; k < j; ) {
                int s = text.codePointAt(k);
                if (s == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
                k += Character.charCount(s);
            }
            i = j;
        }
        return out.toString();
    }

    /** What erl_scan takes as a character: a Unicode scalar value, but for the non-characters FFFE and FFFF. */
    static boolean isCharacter(int c) {
        return c >= 0 && c <= Character.MAX_CODE_POINT && (c < 0xD800 || c > 0xDFFF) && c != 0xFFFE && c != 0xFFFF;
    }

    private static boolean isHex(char c) {
        return c < 128 && Character.digit(c, 16) >= 0;
    }

    private static int simpleEscape(int e) {
        switch (e) {
            case 'b': return '\b';
            case 'd': return 0x7F;
            case 'e': return 0x1B;
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 's': return ' ';
            case 't': return '\t';
            case 'v': return 0x0B;
            default: return e;
        }
    }
}
