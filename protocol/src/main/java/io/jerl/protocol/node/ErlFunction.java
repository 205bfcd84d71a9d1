package io.jerl.protocol.node;

import io.jerl.protocol.term.Term;
import java.util.List;

/**
 * A function peers can call on this node ({@code rpc:call(jerl@host, M, F, A)}, {@code spawn(jerl@host, M, F, A)}).
 * It runs as a process of its own: {@code self} is that process's mailbox. Raise Erlang exceptions with
 * {@link ErlangException}.
 */
@FunctionalInterface
public interface ErlFunction {
    Term apply(Mailbox self, List<Term> args) throws InterruptedException;
}
