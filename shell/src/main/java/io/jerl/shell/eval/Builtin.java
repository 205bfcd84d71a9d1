package io.jerl.shell.eval;

import io.jerl.protocol.term.Term;
import java.util.List;

/**
 * A function the shell offers: {@code erlang:self/0}, {@code lists:map/2}, ... It raises Erlang exceptions
 * with {@link io.jerl.protocol.node.ErlangException} and erl's reasons ({@code badarg}, {@code badarith}, ...).
 */
@FunctionalInterface
public interface Builtin {
    Term apply(CallContext ctx, List<Term> args) throws InterruptedException;
}
