package io.jerl.shell.eval;

import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.format.TermStyle;
import java.util.List;
import java.util.function.Consumer;

/** What a built-in may use: the calling process, its node, a way to call funs, and how terms print. */
public interface CallContext {
    /** The calling process (erl's self()). */
    Mailbox self();

    /** The node, or null in a shell that is not distributed. */
    Node node();

    /** Calls a fun (a shell fun or {@code fun M:F/A}) with {@code args}, as {@code F(Args...)}. */
    Term apply(Term fun, List<Term> args) throws InterruptedException;

    /** How pids and the like print on this node. */
    TermStyle style();

    /** Writes text where the calling process's output goes (its group leader). */
    void print(String text);

    /**
     * The context for another process, as spawn needs: funs it calls run in the same evaluator, but
     * {@code self()} and {@code receive} are {@code process}'s, and its output goes to {@code out}.
     */
    CallContext forProcess(Mailbox process, Consumer<String> out);
}
