package io.jerl.protocol.node;

import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Term;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process that handles each message at once on the delivering thread, with no queue of its own. For the
 * node's built-in services (net_kernel and the like), whose answers never wait on anything.
 */
public final class ServiceProcess extends LocalProcess {
    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private final Consumer<Term> handler;

    ServiceProcess(Node node, Pid pid, Consumer<Term> handler) {
        super(node, pid);
        this.handler = handler;
    }

    /** Services never die of a signal; an exit signal reaches the handler as an {'EXIT', ...} message. */
    @Override
    boolean trapsExit() {
        return true;
    }

    @Override
    void deliver(Term message) {
        try {
            handler.accept(message);
        } catch (RuntimeException e) {
            log.warn("service {} failed on {}: {}", pid(), message, e.toString());
        }
    }
}
