package io.jerl.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jerl.grammar.ast.AtomLit;
import io.jerl.grammar.ast.Expr;
import io.jerl.grammar.ast.IntLit;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loop's mechanics against erl's own transcript for the same piped input (recorded from OTP 25:
 * {@code printf 'X = 1.\nX +\n 1.\nfoo(1,).\n1. 2.\nq().\n' | erl -sname t}).
 */
class ReplTest {
    /** Stands in for the evaluator: prints the last expression if it is a literal, and stops on q(). */
    private static FormEvaluator.Outcome fake(FormEvaluator.Form form) {
        List<Expr> exprs = form.exprs();
        int n = form.number();
        Expr last = exprs.get(exprs.size() - 1);
        if (last instanceof io.jerl.grammar.ast.Call c && c.function() instanceof AtomLit a && a.name().equals("q")) {
            return FormEvaluator.Outcome.stop("ok\n", 0);
        }
        if (last instanceof IntLit i) {
            return FormEvaluator.Outcome.value(i.value() + "\n");
        }
        return FormEvaluator.Outcome.value("form" + n + "\n");
    }

    private static String run(String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        new Repl(new StreamIo(new BufferedReader(new StringReader(input)), ps), ReplTest::fake,
                n -> "(t@vm)" + n + "> ").run();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void promptsCountFormsNotLinesAndSyntaxErrorsDoNotUseANumber() {
        assertEquals("(t@vm)1> form1\n"
                + "(t@vm)2> form2\n"
                + "(t@vm)3> * 1:7: syntax error before: ')'\n"
                + "(t@vm)3> 1\n"
                + "(t@vm)4> 2\n"
                + "(t@vm)5> ok\n",
                run("X = 1.\nX +\n 1.\nfoo(1,).\n1. 2.\nq().\n"));
    }

    @Test
    void endOfInputReportsAnUnfinishedFormAsErlDoes() {
        assertEquals("(t@vm)1> 7\n(t@vm)2> * 1:4: syntax error before: \n(t@vm)2> ", run("7.\nfoo(\n"));
        assertEquals("(t@vm)1> form1\n(t@vm)2> ", run("ok.\n% only a comment\n"));
    }

    @Test
    void anErrorOnTheSecondLineOfAFormReportsLineTwo() {
        assertEquals("(t@vm)1> * 2:5: syntax error before: ')'\n(t@vm)1> ", run("foo(1,\n  2,).\n"));
    }
}
