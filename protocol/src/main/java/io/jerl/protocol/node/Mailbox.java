package io.jerl.protocol.node;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Ref;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A process driven by Java code: messages queue in arrival order and a thread takes them with
 * {@link #receive}, optionally selecting the first that matches, as Erlang's {@code receive} does.
 */
public final class Mailbox extends LocalProcess {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<Term> queue = new ArrayDeque<>();
    private volatile boolean trapExit;
    /** The thread running this process's code, if any, interrupted when the process is killed. */
    private volatile Thread runner;
    /** Whether a thread waits in {@link #receive} for a message (process_info's status waiting). */
    private volatile boolean waiting;

    Mailbox(Node node, Pid pid) {
        super(node, pid);
    }

    @Override
    void deliver(Term message) {
        if (!isAlive()) {
            return;
        }
        lock.lock();
        try {
            queue.addLast(message);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** process_flag(trap_exit, On): exit signals arrive as {@code {'EXIT', From, Reason}} messages instead of ending us. */
    public void trapExit(boolean on) {
        trapExit = on;
    }

    @Override
    public boolean trapsExit() {
        return trapExit;
    }

    /** link/1: a link to {@code other}, here or on another node. */
    public void link(Pid other) {
        node.signals().link(this, other);
    }

    /** unlink/1. */
    public void unlink(Pid other) {
        node.signals().unlink(this, other);
    }

    /**
     * monitor(process, Target): {@code target} is a pid, a locally registered name (Atom) or {@code {Name, Node}}.
     * A {@code {'DOWN', Ref, process, Object, Reason}} message arrives when it ends, at once with
     * {@code noproc} if it does not exist, or {@code noconnection} if its node cannot be reached or goes down.
     */
    public Ref monitor(Term target) {
        return node.signals().monitor(this, target);
    }

    /** demonitor/1; false if the monitor was no longer active. */
    public boolean demonitor(Ref ref) {
        return node.signals().demonitor(this, ref);
    }

    /** exit/2: sends an exit signal to {@code to}. */
    public void exit(Pid to, Term reason) {
        node.signals().exitSignal(pid(), to, reason);
    }

    /** alias/0: a reference that, used as a destination, reaches this process until {@link #unalias}. */
    public Ref alias() {
        return node.signals().alias(this);
    }

    public boolean unalias(Ref alias) {
        return node.signals().unalias(this, alias);
    }

    /** monitor_node/2: {@code {nodedown, Node}} arrives when the connection to {@code peer} goes (or cannot be made). */
    public void monitorNode(Atom peer, boolean on) {
        node.signals().monitorNode(this, peer, on);
    }

    /** net_kernel:monitor_nodes/1: {@code {nodeup, N}} and {@code {nodedown, N}} for every visible node. */
    public void monitorNodes(boolean on) {
        node.signals().monitorNodes(this, on);
    }

    /** Sends {@code message} to a pid, a registered name (Atom), or {@code {Name, Node}}; as {@code To ! Message}. */
    public void send(Term to, Term message) {
        node.send(pid(), to, message);
    }

    /** Registers this mailbox under {@code name}; false when the name is taken. */
    public boolean register(String name) {
        return node.register(name, this);
    }

    /** The next message, waiting as long as it takes. */
    public Term receive() throws InterruptedException {
        return receive(m -> true, null);
    }

    /** The next message, or null when none arrives within {@code timeout}. */
    public Term receive(Duration timeout) throws InterruptedException {
        return receive(m -> true, timeout);
    }

    /**
     * The first message, oldest first, that {@code match} accepts, waiting up to {@code timeout} (null: for
     * ever) for one; null on timeout. Messages it skips stay queued in order.
     */
    public Term receive(Predicate<Term> match, Duration timeout) throws InterruptedException {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        lock.lockInterruptibly();
        try {
            int scanned = 0;
            while (true) {
                if (scanned > queue.size()) {
                    scanned = 0; // another thread took messages; rescan from the start
                }
                Iterator<Term> it = queue.iterator();
                for (int i = 0; i < scanned && it.hasNext(); i++) {
                    it.next();
                }
                while (it.hasNext()) {
                    Term m = it.next();
                    scanned++;
                    if (match.test(m)) {
                        it.remove();
                        return m;
                    }
                }
                if (!isAlive()) {
                    return null;
                }
                long left = timeout == null ? Long.MAX_VALUE : deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                waiting = true;
                try {
                    if (timeout == null) {
                        arrived.await();
                    } else {
                        arrived.awaitNanos(left);
                    }
                } finally {
                    waiting = false;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Takes every queued message at once, oldest first (the shell's {@code flush()}). */
    public List<Term> drain() {
        lock.lock();
        try {
            List<Term> all = new ArrayList<>(queue);
            queue.clear();
            return all;
        } finally {
            lock.unlock();
        }
    }

    /** The queued messages, oldest first, left in the queue (process_info(P, messages)). */
    public List<Term> messages() {
        lock.lock();
        try {
            return new ArrayList<>(queue);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the process is blocked in receive, waiting for a message. */
    public boolean isWaiting() {
        return waiting;
    }

    public int queueLength() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Ends this process normally: it leaves the registry, and monitors and links hear 'normal'. */
    public void close() {
        exit(Atom.of("normal"));
    }

    void bindThread(Thread t) {
        runner = t;
    }

    @Override
    void onExit() {
        Thread t = runner;
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
        }
        lock.lock();
        try {
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
