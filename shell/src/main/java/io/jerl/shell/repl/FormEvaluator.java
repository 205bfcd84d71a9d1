package io.jerl.shell.repl;

import io.jerl.grammar.ast.Expr;
import java.util.List;

/** Evaluates one form ({@code E1, ..., En.}) and says what the shell prints for it. */
@FunctionalInterface
public interface FormEvaluator {
    /**
     * @param number the prompt number of this form, for v(N) and e(N)
     * @return the text to print after the form, with its line end; and whether the shell stops (q().)
     */
    Outcome evaluate(List<Expr> exprs, int number);

    record Outcome(String text, boolean stop) {
        public static Outcome print(String text) {
            return new Outcome(text, false);
        }
    }
}
