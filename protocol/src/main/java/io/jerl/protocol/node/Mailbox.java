package io.jerl.protocol.node;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
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

    /** With trap_exit set, exit signals arrive as {@code {'EXIT', From, Reason}} messages instead of ending us. */
    public void trapExit(boolean on) {
        trapExit = on;
    }

    public boolean trapsExit() {
        return trapExit;
    }

    @Override
    void exitSignal(Pid from, Term reason, boolean linked) {
        if (trapExit && !reason.equals(Atom.of("kill"))) {
            if (linked) {
                removeLink(from);
            }
            deliver(new Tuple(Atom.of("EXIT"), from, reason));
        } else {
            super.exitSignal(from, reason.equals(Atom.of("kill")) ? Atom.of("killed") : reason, linked);
        }
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
                if (timeout == null) {
                    arrived.await();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return null;
                    }
                    arrived.awaitNanos(left);
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

    @Override
    void onExit() {
        lock.lock();
        try {
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
