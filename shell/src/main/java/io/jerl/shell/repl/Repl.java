package io.jerl.shell.repl;

import io.jerl.grammar.ExprParser;
import io.jerl.grammar.ParseResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntFunction;

/**
 * The read-eval-print loop, as erl's shell runs it: the prompt carries the number of the next form; a form
 * may span lines (continuation lines get no prompt) and one line may hold several forms (each gets its
 * prompt); a syntax error is reported as {@code * L:C: ...} and does not use up a number.
 */
public final class Repl {
    private final ShellIo io;
    private final FormEvaluator evaluator;
    private final IntFunction<String> prompt;
    private int number = 1;
    private int failures;

    /** @param prompt the prompt for form N, e.g. {@code "(bus@server1)N> "} */
    public Repl(ShellIo io, FormEvaluator evaluator, IntFunction<String> prompt) {
        this.io = io;
        this.evaluator = evaluator;
        this.prompt = prompt;
    }

    /**
     * How a run ended.
     *
     * @param stopped  a form stopped the shell (q(), halt()) rather than the input ending
     * @param status   the exit status that form asked for (0 at the end of input)
     * @param failures forms that raised or had a syntax error
     */
    public record End(boolean stopped, int status, int failures) {
    }

    /** Runs until the end of input or a form that stops the shell. */
    public End run() {
        Deque<String> pending = new ArrayDeque<>();
        StringBuilder partial = new StringBuilder();
        boolean promptShown = false;
        while (true) {
            if (pending.isEmpty()) {
                String line = io.readLine(partial.length() == 0 && !promptShown ? prompt.apply(number) : "");
                promptShown = false;
                if (line == null) {
                    return endOfInput(partial.toString());
                }
                partial.append(line).append('\n');
                if (!ExprParser.isComplete(partial.toString())) {
                    continue;
                }
                ExprParser.Forms forms = ExprParser.split(partial.toString());
                pending.addAll(forms.forms());
                partial.setLength(0);
                if (!forms.rest().isBlank()) {
                    partial.append(forms.rest());
                }
            } else {
                io.print(prompt.apply(number)); // the next form from the same line gets its own prompt
            }
            FormEvaluator.Outcome out = evaluateForm(pending.removeFirst());
            if (out != null && out.kind() == FormEvaluator.Kind.STOP) {
                return new End(true, out.status(), failures);
            }
            if (pending.isEmpty() && partial.length() == 0) {
                continue;
            }
            if (pending.isEmpty()) {
                io.print(prompt.apply(number));
                promptShown = true;
            }
        }
    }

    /**
     * Input ended. An unfinished form (an unterminated string or quoted atom, a missing dot) gets erl's error for it
     * and one more prompt, as erl prints them before it stops; it is not silently dropped.
     */
    private End endOfInput(String unfinished) {
        boolean onlyComments = unfinished.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("%"));
        if (!onlyComments) {
            FormEvaluator.Outcome out = evaluateForm(unfinished);
            if (out != null && out.kind() == FormEvaluator.Kind.STOP) {
                return new End(true, out.status(), failures);
            }
            io.print(prompt.apply(number));
        }
        return new End(false, 0, failures);
    }

    /** Parses and evaluates one form; null after a syntax error. */
    private FormEvaluator.Outcome evaluateForm(String form) {
        ParseResult r = ExprParser.parse(form);
        if (r instanceof ParseResult.SyntaxError e) {
            failures++;
            io.print(e.erlStyle() + "\n");
            return null;
        }
        FormEvaluator.Outcome out = evaluator.evaluate(
                new FormEvaluator.Form(withoutDot(form), ((ParseResult.Parsed) r).exprs(), number));
        if (out.kind() != FormEvaluator.Kind.REFUSED) {
            number++;
        }
        if (out.kind() == FormEvaluator.Kind.RAISED || out.kind() == FormEvaluator.Kind.REFUSED) {
            failures++;
        }
        io.print(out.text());
        return out;
    }

    /** The form as typed, without its final dot and the white space around it. */
    static String withoutDot(String form) {
        String s = form.strip();
        return s.endsWith(".") ? s.substring(0, s.length() - 1).strip() : s;
    }
}
