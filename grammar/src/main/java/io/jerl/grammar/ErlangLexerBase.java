package io.jerl.grammar;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.misc.Interval;

/** The predicates the generated {@code ErlangLexer} needs; it extends this class. */
public abstract class ErlangLexerBase extends Lexer {

    protected ErlangLexerBase(CharStream input) {
        super(input);
    }

    /**
     * Whether the {@code .} just matched ends the input: erl_scan makes it a dot token only before white space,
     * a {@code %} comment or the end of the input ({@code 1.5} is a float, {@code X.} ends, {@code #r.f} is a field).
     */
    protected final boolean atDotEnd() {
        int c = _input.LA(1);
        return c == IntStream.EOF || c == '%' || isWhiteSpace(c);
    }

    /** Whether the text matched so far runs to the end of the input. */
    protected final boolean atEnd() {
        return _input.LA(1) == IntStream.EOF;
    }

    /** erl_scan's white space: NUL to space, and the Latin-1 controls up to no-break space. */
    static boolean isWhiteSpace(int c) {
        return (c >= 0 && c <= 0x20) || (c >= 0x80 && c <= 0xA0);
    }

    /**
     * Whether the next character is a digit of the base written before the {@code #} of the integer being
     * matched. A base outside 2..36 has no digits, which leaves the text to the "illegal base" token.
     */
    protected final boolean isBaseDigit() {
        int c = _input.LA(1);
        if (c == IntStream.EOF) {
            return false;
        }
        int base = baseOfCurrentToken();
        return base > 0 && c < 128 && Character.digit(c, base) >= 0;
    }

    private int baseOfCurrentToken() {
        String text = _input.getText(Interval.of(_tokenStartCharIndex, _input.index() - 1));
        int base = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '#') {
                break;
            }
            if (ch != '_') {
                base = base * 10 + (ch - '0');
                if (base > 36) {
                    return 0;
                }
            }
        }
        return base >= 2 ? base : 0;
    }
}
