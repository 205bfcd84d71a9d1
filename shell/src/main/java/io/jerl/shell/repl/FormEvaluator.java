package io.jerl.shell.repl;

import io.jerl.grammar.ast.Expr;
import java.util.List;

/** Evaluates one form ({@code E1, ..., En.}) and says what the shell prints for it. */
@FunctionalInterface
public interface FormEvaluator {
    Outcome evaluate(Form form);

    /**
     * One parsed form.
     *
     * @param source the text as typed, without the final dot (for h() and e(N))
     * @param number the prompt number of this form, for v(N) and e(N)
     */
    record Form(String source, List<Expr> exprs, int number) {
        public Form {
            exprs = List.copyOf(exprs);
        }
    }

    /** How a form ended. */
    enum Kind {
        /** It gave a value: the next form gets the next number. */
        VALUE,
        /** It raised an exception; it still uses up its number, as in erl. */
        RAISED,
        /** It was refused before it ran (erl's "* 10: command not found"); its number is used again. */
        REFUSED,
        /** It stops the shell (q(), halt()). */
        STOP
    }

    /**
     * What evaluating a form gave.
     *
     * @param text   the text to print after the form, with its line end
     * @param status the exit status, for {@link Kind#STOP}
     */
    record Outcome(String text, Kind kind, int status) {
        public static Outcome value(String text) {
            return new Outcome(text, Kind.VALUE, 0);
        }

        public static Outcome raised(String text) {
            return new Outcome(text, Kind.RAISED, 0);
        }

        public static Outcome refused(String text) {
            return new Outcome(text, Kind.REFUSED, 0);
        }

        public static Outcome stop(String text, int status) {
            return new Outcome(text, Kind.STOP, status);
        }
    }
}
