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
     * A bad escape or a surrogate is an "illegal character" at its position; in lenient mode (the head of an
     * unterminated literal) decoding stops there instead, as erl's head stops there.
     */
    private static String decode(String text, int from, int to, int line, int column, boolean lenient) {
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            int c = text.codePointAt(i);
            if (c != '\\') {
                if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
                    if (lenient) {
                        break;
                    }
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
            int escLine = line;
            int escColumn = column;
            int value = -1;
            int j = i + 1; // after the backslash
            if (j < to) {
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
                    if (j < to && text.charAt(j) == '{') {
                        int close = j + 1;
                        long v = 0;
                        while (close < to && Character.digit(text.charAt(close), 16) >= 0 && text.charAt(close) < 128) {
                            v = Math.min(v * 16 + Character.digit(text.charAt(close), 16), 0x7FFFFFFFL);
                            close++;
                        }
                        if (close > j + 1 && close < to && text.charAt(close) == '}') {
                            value = (int) v;
                            j = close + 1;
                        }
                    } else if (j + 1 < to && isHex(text.charAt(j)) && isHex(text.charAt(j + 1))) {
                        value = Character.digit(text.charAt(j), 16) * 16 + Character.digit(text.charAt(j + 1), 16);
                        j += 2;
                    }
                } else if (e == '^') {
                    j++;
                    if (j < to) {
                        int x = text.codePointAt(j);
                        value = x & 31;
                        j += Character.charCount(x);
                    }
                } else {
                    value = simpleEscape(e);
                    j += Character.charCount(e);
                }
            }
            if (value < 0 || value > Character.MAX_CODE_POINT || (value >= 0xD800 && value <= 0xDFFF)) {
                if (lenient) {
                    break;
                }
                throw new GrammarError(escLine, escColumn, "illegal character");
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
