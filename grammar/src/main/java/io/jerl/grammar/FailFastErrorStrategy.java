package io.jerl.grammar;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Stops at the first token that cannot continue the input, as erl_parse does: no recovery, no early "sync" report;
 * the cause of the {@link ParseCancellationException} is a {@link RecognitionException} naming that token.
 */
final class FailFastErrorStrategy extends DefaultErrorStrategy {

    static final FailFastErrorStrategy INSTANCE = new FailFastErrorStrategy();

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw new ParseCancellationException(e);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        throw new ParseCancellationException(new InputMismatchException(recognizer));
    }

    @Override
    public void sync(Parser recognizer) {
        // Errors are found where prediction or matching fails, which is the token erl_parse stops at.
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        // Reported by the caller from the exception; no listener output.
    }
}
