package io.jerl.shell;

import io.jerl.grammar.ast.Expr;
import io.jerl.protocol.term.Term;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The shell's history of forms and their values, for h(), v(N) and e(N). Like erl's shell it keeps the last
 * 20 forms (erl's default for history/1 and results/1); a form that raised keeps {@code {'EXIT', {Reason, Stack}}}
 * as its value, as erl's does.
 */
final class History {
    static final int KEEP = 20;

    /**
     * @param number the prompt number of the form
     * @param source the form as typed, without the final dot
     */
    record Entry(int number, String source, List<Expr> exprs, Term value) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    void add(Entry e) {
        entries.addLast(e);
        while (entries.size() > KEEP) {
            entries.removeFirst();
        }
    }

    /**
     * Form {@code n} as erl's v(N) and e(N) name it, or null when it is not kept: a positive number is a prompt
     * number; zero and below count back from {@code current}, the form being evaluated ({@code v(-1)} is the
     * previous form).
     */
    Entry get(long n, int current) {
        long number = n > 0 ? n : current + n;
        for (Entry e : entries) {
            if (e.number() == number) {
                return e;
            }
        }
        return null;
    }

    List<Entry> entries() {
        return new ArrayList<>(entries);
    }
}
