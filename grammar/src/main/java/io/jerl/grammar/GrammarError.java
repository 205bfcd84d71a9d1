package io.jerl.grammar;

/**
 * An error found while turning text into an AST, at a 1-based line and column. Internal: the facade turns it into a
 * {@link ParseResult.SyntaxError}. It carries no stack trace; it is control flow, not a bug report.
 */
final class GrammarError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int line;
    final int column;

    GrammarError(int line, int column, String message) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
    }

    ParseResult.SyntaxError toSyntaxError() {
        return new ParseResult.SyntaxError(line, column, getMessage());
    }
}
