package io.jerl.shell;

import io.jerl.grammar.ExprParser;
import io.jerl.grammar.ParseResult;
import io.jerl.grammar.ast.Expr;
import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.term.TermPrinter;
import io.jerl.protocol.term.Tuple;
import java.io.PrintStream;
import java.util.List;

/**
 * One {@code -eval Expr} from the command line, run as erl runs it: the value is not printed, output goes to
 * standard output, halt() ends jerl with its status, and an exception ends jerl with status 1 after erl's line
 * {@code {"init terminating in do_boot",{Reason,Stack}}} on standard output (the stack is jerl's) and the error
 * in the shell's words on standard error.
 */
final class Eval {
    private Eval() {
    }

    /** @return null to go on, or the exit status */
    static Integer run(String expr, ShellSession session, PrintStream out, PrintStream err) {
        // erl adds the final dot itself
        ParseResult parsed = ExprParser.parse(expr + "\n.");
        if (parsed instanceof ParseResult.SyntaxError e) {
            err.println("jerl: -eval '" + expr + "': " + e.erlStyle());
            return 1;
        }
        List<Expr> exprs = ((ParseResult.Parsed) parsed).exprs();
        try {
            session.run(exprs, text -> {
                out.print(text);
                out.flush();
            });
            return null;
        } catch (ShellStop stop) {
            return stop.status();
        } catch (ErlangException e) {
            Tuple exit = (Tuple) ErrorText.exitValue(e);
            out.println("{\"init terminating in do_boot\"," + TermPrinter.print(exit.get(1)) + "}");
            out.flush();
            err.println("jerl: -eval '" + expr + "' raised:\n" + session.describe(e, exprs));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
