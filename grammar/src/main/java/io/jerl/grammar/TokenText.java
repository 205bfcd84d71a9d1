package io.jerl.grammar;

import org.antlr.v4.runtime.Token;

/** A token as erl_parse names it after "syntax error before: ". */
final class TokenText {

    private TokenText() {
    }

    static String describe(Token t) {
        switch (t.getType()) {
            case Token.EOF:
                return "";
            case ErlangLexer.DOT:
                return "'.'";
            case ErlangLexer.VAR:
                return t.getText();
            case ErlangLexer.ATOM:
                return ErlText.writeAtom(t.getText());
            case ErlangLexer.QUOTED_ATOM:
                return ErlText.writeAtom(Literals.quoted(t));
            case ErlangLexer.STRING:
                return ErlText.writeString(Literals.quoted(t), '"');
            case ErlangLexer.CHAR:
                return ErlText.writeChar(Literals.character(t).intValueExact());
            case ErlangLexer.INTEGER:
                return Literals.integer(t).toString();
            case ErlangLexer.FLOAT:
                return ErlText.formatFloat(Literals.floating(t));
            default:
                // Keywords and symbols are written as the atom erl_scan makes of them: 'end', '(', '=>', '\\'.
                return ErlText.writeAtom(t.getText());
        }
    }
}
