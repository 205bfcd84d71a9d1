package io.jerl.shell;

import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.format.PrettyPrinter;
import io.jerl.protocol.term.format.TermStyle;

/**
 * How erl's shell prints the value of a form: {@code ~tp} from column 1 in 80 columns, but cut at depth 30
 * ({@code [1,2,...,29|...]}) and with at most 60 characters of a term on one line, the limits shell.erl
 * passes to io_lib_pretty (its LINEMAX and CHAR_MAX). Plain {@code ~p} elsewhere has neither limit.
 */
final class ResultText {
    static final int DEPTH = 30;
    static final int LINE_MAX_CHARS = 60;

    private ResultText() {
    }

    static String of(Term value, TermStyle style) {
        return PrettyPrinter.print(value, 1, 80, DEPTH, LINE_MAX_CHARS, true, true, style);
    }
}
