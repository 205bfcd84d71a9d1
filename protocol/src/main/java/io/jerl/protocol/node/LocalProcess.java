package io.jerl.protocol.node;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A process on this node: a pid that messages reach, plus the signals remote processes attached to it
 * (their monitors of it, their links to it), which fire when it exits.
 */
public abstract sealed class LocalProcess permits Mailbox, ServiceProcess {
    /** A remote monitor of this process: who watches, under which reference, and by what (pid or name). */
    record Watcher(Pid watcher, Ref ref, Term target) {
    }

    protected final Node node;
    private final Pid pid;
    private final Map<Ref, Watcher> watchers = new ConcurrentHashMap<>();
    private final Set<Pid> links = ConcurrentHashMap.newKeySet();
    private volatile Term exitReason;

    protected LocalProcess(Node node, Pid pid) {
        this.node = node;
        this.pid = pid;
    }

    public Pid pid() {
        return pid;
    }

    public Node node() {
        return node;
    }

    public boolean isAlive() {
        return exitReason == null;
    }

    /** Why the process ended, or null while it runs. */
    public Term exitReason() {
        return exitReason;
    }

    /** A message for this process. Called from any thread, including network threads: must not block. */
    abstract void deliver(Term message);

    /** An exit signal from a linked process or erlang:exit/2; the default is to die of it unless it is 'normal'. */
    void exitSignal(Pid from, Term reason, boolean linked) {
        if (linked) {
            links.remove(from);
        }
        if (!reason.equals(Atom.of("normal")) || !linked) {
            exit(reason);
        }
    }

    void addWatcher(Pid watcher, Ref ref, Term target) {
        watchers.put(ref, new Watcher(watcher, ref, target));
    }

    void removeWatcher(Ref ref) {
        watchers.remove(ref);
    }

    void addLink(Pid other) {
        links.add(other);
    }

    boolean removeLink(Pid other) {
        return links.remove(other);
    }

    /** Forgets the monitors and links held by processes on a node that went away. */
    void forgetNode(Atom peer) {
        watchers.values().removeIf(w -> w.watcher().node().equals(peer));
        links.removeIf(p -> p.node().equals(peer));
    }

    /** Ends the process: it leaves the registry and its watchers and links hear {@code reason}. Idempotent. */
    public void exit(Term reason) {
        synchronized (this) {
            if (exitReason != null) {
                return;
            }
            exitReason = reason;
        }
        List<Watcher> ws = new ArrayList<>(watchers.values());
        watchers.clear();
        List<Pid> ls = new ArrayList<>(links);
        links.clear();
        onExit();
        node.processExited(this, reason, ws, ls);
    }

    /** Hook for subclasses to wake blocked readers. */
    void onExit() {
    }
}
