package io.jerl.grammar;

import io.jerl.grammar.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Turns what a shell user types into expressions, or into the error erl would report, at the line and column erl
 * would report it.
 *
 * <p>A form is {@code E1, ..., En.}: comma-separated expressions ended by a dot followed by white space, a
 * {@code %} comment or the end of the text. {@link #parse(String)} takes exactly one form; {@link #isComplete(String)}
 * tells a REPL whether the text typed so far ends one; {@link #split(String)} cuts a line holding several forms the
 * way the erl shell does. Nothing here throws on bad input, however large, deep or garbled: every outcome is a
 * {@link ParseResult}.
 *
 * <p>The work runs in erl's order: the scanner's errors first (an unterminated string, an illegal character, an
 * illegal integer or float), then the parser's ({@code syntax error before: ...}, {@code head mismatch}), then the
 * few checks erl's shell makes before evaluating that belong to syntax here (a record, which jerl does not have:
 * {@code record rec undefined}; {@code m:f} without arguments: {@code illegal expression}). Two messages are jerl's
 * own, for input beyond its bounds: {@code input too large (more than N tokens)} and
 * {@code expression nested too deeply}.
 *
 * <p>Thread-safe: each call makes its own lexer and parser; the prediction caches ANTLR shares between them are
 * thread-safe. The first call in a JVM loads the grammar and warms those caches (around 100 ms on a cold JVM, a few
 * microseconds per token after); a shell can make one throw-away call in the background at start-up.
 */
public final class ExprParser {

    /**
     * Inputs of more tokens than this are refused ("input too large") before parsing: the parse tree costs up to
     * a kilobyte per token, and no one types two hundred thousand tokens into a shell. One token may be long: a
     * string literal of ten megabytes is fine.
     */
    public static final int MAX_TOKENS = 200_000;

    /**
     * Brackets and blocks ({@code ( [ { << begin case if receive try fun}) nested deeper than this are refused
     * ("expression nested too deeply"). Parsing the deepest accepted input fits in a thread's default 1 MB of
     * stack; on a smaller stack such input may come back as that error at 1:1, never as a thrown
     * {@link StackOverflowError}.
     */
    public static final int MAX_NESTING = 250;

    /**
     * ASTs deeper than this are refused ("expression nested too deeply"), so that walking one recursively cannot
     * overflow the stack. Long operator chains ({@code 1 + 1 + ... + 1}) make deep trees without brackets.
     */
    public static final int MAX_DEPTH = 1_000;

    private ExprParser() {
    }

    /**
     * Parses one form: {@code E1, ..., En.}. Line and column numbers start at 1 at the start of {@code text}.
     * Anything after the dot other than white space and comments is a syntax error; use {@link #split(String)}
     * first to take several forms from one line.
     */
    public static ParseResult parse(String text) {
        try {
            Lexed lexed = lex(text);
            ErlangParser.FormContext form = parseTokens(lexed.tokens);
            List<Expr> exprs = new AstBuilder(lexed.values).form(form);
            return new ParseResult.Parsed(exprs);
        } catch (GrammarError e) {
            return e.toSyntaxError();
        } catch (StackOverflowError e) {
            return new ParseResult.SyntaxError(1, 1, TOO_DEEP);
        }
    }

    /**
     * Whether {@code text} ends a form: its last token is a dot that ends input (so it is not inside a string, a
     * quoted atom, a comment or a character literal, nor the point of a float) and no string, quoted atom or
     * character is left open. A REPL asks for another line while this is false. Text that only holds white space
     * and comments is not complete.
     */
    public static boolean isComplete(String text) {
        ErlangLexer lexer = newLexer(text);
        int last = Token.INVALID_TYPE;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            last = t.getType();
        }
        return last == ErlangLexer.DOT;
    }

    /**
     * Cuts {@code text} after each dot that ends a form, as the erl shell reads a line holding several:
     * {@code "1. foo(1,)."} gives the forms {@code "1. "} and {@code "foo(1,)."}. The dot keeps the one white space
     * character after it; the rest of the text (white space and comments included, which erl counts as lines of
     * the next form) is {@link Forms#rest()}. Parse each form on its own, so that its lines and columns count from
     * its own start, as erl's do.
     */
    public static Forms split(String text) {
        ErlangLexer lexer = newLexer(text);
        List<String> forms = new ArrayList<>();
        int start = 0; // char index in text where the next form starts
        int cpStart = 0; // the same place as a code point index
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getType() != ErlangLexer.DOT) {
                continue;
            }
            int endCp = t.getStopIndex() + 1; // code point index after the dot
            int next = lexer.getInputStream().LA(1);
            if (next != Token.EOF && ErlangLexerBase.isWhiteSpace(next)) {
                endCp++;
            }
            int end = text.offsetByCodePoints(start, endCp - cpStart);
            forms.add(text.substring(start, end));
            start = end;
            cpStart = endCp;
        }
        return new Forms(forms, text.substring(start));
    }

    /** The result of {@link #split(String)}: whole forms, and the text after the last of them. */
    public record Forms(List<String> forms, String rest) {
        public Forms {
            forms = List.copyOf(forms);
        }
    }

    // ------------------------------------------------------------------------------------------------ internals

    private static ErlangLexer newLexer(String text) {
        ErlangLexer lexer = new ErlangLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        return lexer;
    }

    /** Tokens on the default channel and the decoded value of each literal, by token index. */
    record Lexed(List<Token> tokens, Object[] values) {
    }

    /** The tokens the parser sees for {@code text} (printed pids and the like merged), for grammar tests. */
    static List<Token> tokens(String text) {
        return lex(text).tokens();
    }

    /** Scans all of {@code text}, reporting the first scanner error as erl_scan would. */
    private static Lexed lex(String text) {
        ErlangLexer lexer = newLexer(text);
        List<Token> tokens = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        int depth = 0;
        int previous = Token.INVALID_TYPE;
        int beforePrevious = Token.INVALID_TYPE;
        for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
            if (tokens.size() >= MAX_TOKENS) {
                throw Literals.errorAt(t, "input too large (more than " + MAX_TOKENS + " tokens)");
            }
            tokens.add(t);
            values.add(value(t));
            int type = t.getType();
            if (type == Token.EOF) {
                break;
            }
            int opened = opens(type, previous, beforePrevious);
            if (opened > 0) {
                depth += opened;
                if (depth > MAX_NESTING) {
                    throw tooDeep(t);
                }
            } else if (closes(type)) {
                depth = Math.max(0, depth - 1);
            }
            beforePrevious = previous;
            previous = type;
        }
        return PrintedIds.merge(tokens, values);
    }

    /** The decoded value of a literal token (null for others), or the scanner's error for an error token. */
    private static Object value(Token t) {
        switch (t.getType()) {
            case ErlangLexer.INTEGER:
                return Literals.integer(t);
            case ErlangLexer.FLOAT:
                return Literals.floating(t);
            case ErlangLexer.CHAR:
                return Literals.character(t);
            case ErlangLexer.STRING:
                return Literals.quoted(t);
            case ErlangLexer.ATOM:
                return Literals.atom(t, false);
            case ErlangLexer.QUOTED_ATOM:
                return Literals.atom(t, true);
            case ErlangLexer.VAR:
                return Literals.var(t);
            case ErlangLexer.BAD_BASED:
                throw Literals.badBased(t);
            case ErlangLexer.BAD_FLOAT:
                throw Literals.errorAt(t, "illegal float");
            case ErlangLexer.BAD_CHAR:
            case ErlangLexer.ILLEGAL_CHAR:
                throw Literals.errorAt(t, "illegal character");
            case ErlangLexer.UNTERMINATED_CHAR:
                throw Literals.errorAt(t, "unterminated character");
            case ErlangLexer.UNTERMINATED_STRING:
                throw Literals.unterminated(t, '"');
            case ErlangLexer.UNTERMINATED_ATOM:
                throw Literals.unterminated(t, '\'');
            default:
                return null;
        }
    }

    /**
     * How many levels of nesting a token opens: one for a bracket or a block keyword; two for the {@code (} that
     * starts the first head of a fun with clauses ({@code fun (}, {@code fun Name (}), which opens both the head and
     * the fun that {@code end} closes. Only a guard against input deep enough to exhaust the stack; the parser
     * bounds its own depth too.
     */
    private static int opens(int type, int previous, int beforePrevious) {
        switch (type) {
            case ErlangLexer.LPAREN:
                boolean funHead = previous == ErlangLexer.FUN
                        || (previous == ErlangLexer.VAR && beforePrevious == ErlangLexer.FUN);
                return funHead ? 2 : 1;
            case ErlangLexer.LBRACK:
            case ErlangLexer.LBRACE:
            case ErlangLexer.LBIN:
            case ErlangLexer.BEGIN:
            case ErlangLexer.IF:
            case ErlangLexer.CASE:
            case ErlangLexer.RECEIVE:
            case ErlangLexer.TRY:
                return 1;
            default:
                return 0;
        }
    }

    private static boolean closes(int type) {
        switch (type) {
            case ErlangLexer.RPAREN:
            case ErlangLexer.RBRACK:
            case ErlangLexer.RBRACE:
            case ErlangLexer.RBIN:
            case ErlangLexer.END:
                return true;
            default:
                return false;
        }
    }

    static GrammarError tooDeep(Token at) {
        return Literals.errorAt(at, TOO_DEEP);
    }

    static final String TOO_DEEP = "expression nested too deeply";

    /** Two-stage parse: fast SLL prediction first; on any error, again with full LL, which finds erl's token. */
    private static ErlangParser.FormContext parseTokens(List<Token> tokens) {
        CommonTokenStream stream = new CommonTokenStream(new ListTokenSource(tokens));
        ErlangParser parser = new ErlangParser(stream);
        parser.removeErrorListeners();
        parser.setErrorHandler(new FailFastErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return parser.form();
        } catch (ParseCancellationException sllFailed) {
            stream.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
                return parser.form();
            } catch (ParseCancellationException e) {
                throw syntaxError(e, tokens);
            }
        }
    }

    private static GrammarError syntaxError(ParseCancellationException e, List<Token> tokens) {
        Token offending = null;
        if (e.getCause() instanceof RecognitionException re) {
            offending = re.getOffendingToken();
        }
        if (offending == null) {
            offending = tokens.get(tokens.size() - 1);
        }
        if (offending.getType() == Token.EOF) {
            // erl_parse reports the end of the tokens at the last token, with nothing after "before: ".
            Token last = tokens.size() >= 2 ? tokens.get(tokens.size() - 2) : offending;
            int line = tokens.size() >= 2 ? Literals.line(last) : 1;
            int column = tokens.size() >= 2 ? Literals.column(last) : 1;
            return new GrammarError(line, column, "syntax error before: ");
        }
        return Literals.errorAt(offending, "syntax error before: " + TokenText.describe(offending));
    }
}
