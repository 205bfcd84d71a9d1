package io.jerl.grammar;

import io.jerl.grammar.ast.AtomLit;
import io.jerl.grammar.ast.Call;
import io.jerl.grammar.ast.Expr;
import io.jerl.grammar.ast.FunRef;
import io.jerl.grammar.ast.IntLit;
import io.jerl.grammar.ast.Pos;
import io.jerl.grammar.ast.StringLit;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * What erl prints for a pid, port, reference or external fun, read back as the erl shell reads it:
 * {@code <0.85.0>}, {@code #Port<0.5>}, {@code #Ref<0.1.2.3>}, {@code #Fun<lists.map.2>}.
 *
 * <p>erl_parse itself rejects these; the shell's parser (erl_eval:extended_parse_exprs/1) first looks for their
 * exact token sequences ({@code '<' 0.85 '.' 0 '>'}: erl_scan reads {@code 0.85} as a float) and turns each into
 * a call of {@code erlang:list_to_pid/port/ref} on the printed text, or into {@code fun M:F/A}. This does the
 * same on jerl's tokens, replacing each sequence by one {@code PRINTED_ID} token whose value is that expression.
 * Anything else (another tag, another count of numbers, a dot followed by a space) stays as it was and fails to
 * parse where erl_parse fails, with erl's message. Unlike erl, the node number of a pid is not checked here:
 * {@code <7.1.0>} for an unknown node 7 fails when evaluated (badarg), where erl reports a syntax error.
 */
final class PrintedIds {
    private PrintedIds() {
    }

    private static final int[] PID = {ErlangLexer.LT, ErlangLexer.FLOAT, ErlangLexer.PERIOD, ErlangLexer.INTEGER,
            ErlangLexer.GT};
    private static final int[] PORT = {ErlangLexer.HASH, ErlangLexer.VAR, ErlangLexer.LT, ErlangLexer.FLOAT,
            ErlangLexer.GT};
    private static final int[] REF = {ErlangLexer.HASH, ErlangLexer.VAR, ErlangLexer.LT, ErlangLexer.FLOAT,
            ErlangLexer.PERIOD, ErlangLexer.FLOAT, ErlangLexer.GT};
    private static final int[] FUN = {ErlangLexer.HASH, ErlangLexer.VAR, ErlangLexer.LT, ErlangLexer.ATOM,
            ErlangLexer.PERIOD, ErlangLexer.ATOM, ErlangLexer.PERIOD, ErlangLexer.INTEGER, ErlangLexer.GT};

    /** The tokens with each printed identifier merged into one token; values stay aligned with token indexes. */
    static ExprParser.Lexed merge(List<Token> tokens, List<Object> values) {
        List<Token> outTokens = new ArrayList<>(tokens.size());
        List<Object> outValues = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            int length = 0;
            Expr expr = null;
            if (matches(tokens, i, PID)) {
                length = PID.length;
                expr = listTo(tokens.get(i), "list_to_pid", text(tokens, i, length));
            } else if (matches(tokens, i, PORT) && tag(tokens, i, "Port")) {
                length = PORT.length;
                expr = listTo(tokens.get(i), "list_to_port", text(tokens, i, length));
            } else if (matches(tokens, i, REF) && tag(tokens, i, "Ref")) {
                length = REF.length;
                expr = listTo(tokens.get(i), "list_to_ref", text(tokens, i, length));
            } else if (matches(tokens, i, FUN) && tag(tokens, i, "Fun")) {
                length = FUN.length;
                Pos at = pos(tokens.get(i));
                expr = new FunRef(at, new AtomLit(at, (String) values.get(i + 3)),
                        new AtomLit(at, (String) values.get(i + 5)), new IntLit(at, (BigInteger) values.get(i + 7)));
            }
            if (expr == null) {
                outTokens.add(tokens.get(i));
                outValues.add(values.get(i));
                continue;
            }
            CommonToken merged = new CommonToken(tokens.get(i));
            merged.setType(ErlangLexer.PRINTED_ID);
            merged.setText(text(tokens, i, length));
            merged.setStopIndex(tokens.get(i + length - 1).getStopIndex());
            outTokens.add(merged);
            outValues.add(expr);
            i += length - 1;
        }
        return new ExprParser.Lexed(outTokens, outValues.toArray());
    }

    private static boolean matches(List<Token> tokens, int at, int[] types) {
        if (at + types.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < types.length; k++) {
            if (tokens.get(at + k).getType() != types[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean tag(List<Token> tokens, int at, String tag) {
        return tokens.get(at + 1).getText().equals(tag);
    }

    /** The printed form, without any white space between the tokens (erl builds it from the token texts too). */
    private static String text(List<Token> tokens, int at, int length) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < length; k++) {
            sb.append(tokens.get(at + k).getText());
        }
        return sb.toString();
    }

    private static Call listTo(Token first, String function, String text) {
        Pos at = pos(first);
        return new Call(at, new AtomLit(at, "erlang"), new AtomLit(at, function), List.of(new StringLit(at, text)));
    }

    private static Pos pos(Token t) {
        return new Pos(Literals.line(t), Literals.column(t));
    }
}
