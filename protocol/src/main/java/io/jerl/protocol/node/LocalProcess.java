package io.jerl.protocol.node;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A process on this node: a pid that messages reach, plus its signal state — links, the monitors it holds,
 * the monitors others hold on it, its aliases — all of which fire or are undone when it exits. The node's
 * {@link Signals} does the routing; this class only keeps the state consistent under its own lock.
 */
public abstract sealed class LocalProcess permits Mailbox, ServiceProcess {
    static final Atom NORMAL = Atom.of("normal");
    static final Atom KILL = Atom.of("kill");
    static final Atom KILLED = Atom.of("killed");

    /** A monitor on this process: who watches, under which reference, and how it named us (pid or name). */
    record Watcher(Pid watcher, Ref ref, Term target) {
    }

    /** A monitor this process holds: its reference and the object its 'DOWN' will name (pid or {Name, Node}). */
    record Monitor(Ref ref, Atom node, Term object) {
    }

    /** Everything an exiting process must notify, taken atomically. */
    record Exit(Term reason, List<Pid> links, List<Watcher> watchers, List<Monitor> monitors, List<Ref> aliases) {
    }

    protected final Node node;
    private final Pid pid;
    private final Set<Pid> links = new HashSet<>();
    /** Links we are taking down: the UNLINK_ID id sent; exit signals from these pids are ignored until acked. */
    private final Map<Pid, Long> unlinking = new HashMap<>();
    private final Map<Ref, Watcher> watchers = new HashMap<>();
    private final Map<Ref, Monitor> monitors = new HashMap<>();
    private final Set<Ref> aliases = new HashSet<>();
    private volatile Pid groupLeader;
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

    /** Where this process's I/O requests go (erlang:group_leader/0); null for the node's default. */
    public Pid groupLeader() {
        Pid gl = groupLeader;
        return gl != null ? gl : node.defaultGroupLeader();
    }

    void setGroupLeader(Pid gl) {
        groupLeader = gl;
    }

    /** A message for this process. Called from any thread, including network threads: must not block. */
    abstract void deliver(Term message);

    /** Whether exit signals arrive as {'EXIT', From, Reason} messages instead of ending the process. */
    abstract boolean trapsExit();

    // ---- links

    synchronized boolean addLink(Pid other) {
        unlinking.remove(other);
        return isAlive() && links.add(other);
    }

    /** The processes linked to this one (process_info(P, links)). */
    public synchronized List<Pid> links() {
        return new ArrayList<>(links);
    }

    synchronized boolean removeLink(Pid other) {
        return links.remove(other);
    }

    /** Starts taking down a link to a remote process with UNLINK_ID {@code id}. */
    synchronized boolean beginUnlink(Pid other, long id) {
        if (!links.remove(other)) {
            return false;
        }
        unlinking.put(other, id);
        return true;
    }

    synchronized void unlinkAcked(Pid other, long id) {
        Long pending = unlinking.get(other);
        if (pending != null && pending == id) {
            unlinking.remove(other);
        }
    }

    synchronized boolean isUnlinking(Pid other) {
        return unlinking.containsKey(other);
    }

    // ---- monitors

    synchronized boolean addWatcher(Watcher w) {
        if (!isAlive()) {
            return false;
        }
        watchers.put(w.ref(), w);
        return true;
    }

    /** The processes monitoring this one (process_info(P, monitored_by)). */
    public synchronized List<Pid> monitoredBy() {
        List<Pid> out = new ArrayList<>();
        watchers.values().forEach(w -> out.add(w.watcher()));
        return out;
    }

    synchronized Watcher removeWatcher(Ref ref) {
        return watchers.remove(ref);
    }

    synchronized void addMonitor(Monitor m) {
        monitors.put(m.ref(), m);
    }

    synchronized Monitor removeMonitor(Ref ref) {
        return monitors.remove(ref);
    }

    // ---- aliases

    synchronized void addAlias(Ref alias) {
        aliases.add(alias);
    }

    synchronized boolean removeAlias(Ref alias) {
        return aliases.remove(alias);
    }

    /**
     * A node went down: forgets the signals tied to it and returns what the process must hear — linked pids
     * there (each an exit signal 'noconnection') and monitors held there (each a 'DOWN' with 'noconnection').
     */
    synchronized NodeLoss forgetNode(Atom peer) {
        List<Pid> lostLinks = new ArrayList<>();
        links.removeIf(p -> p.node().equals(peer) && lostLinks.add(p));
        unlinking.keySet().removeIf(p -> p.node().equals(peer));
        watchers.values().removeIf(w -> w.watcher().node().equals(peer));
        List<Monitor> lostMonitors = new ArrayList<>();
        monitors.values().removeIf(m -> m.node().equals(peer) && lostMonitors.add(m));
        return new NodeLoss(lostLinks, lostMonitors);
    }

    record NodeLoss(List<Pid> links, List<Monitor> monitors) {
    }

    /**
     * Marks the process ended and hands back everything to notify; null if it had already ended. The node
     * does the notifying, outside this lock.
     */
    synchronized Exit markExited(Term reason) {
        if (exitReason != null) {
            return null;
        }
        exitReason = reason;
        Exit e = new Exit(reason, new ArrayList<>(links), new ArrayList<>(watchers.values()),
                new ArrayList<>(monitors.values()), new ArrayList<>(aliases));
        links.clear();
        unlinking.clear();
        watchers.clear();
        monitors.clear();
        aliases.clear();
        return e;
    }

    /** Ends the process with {@code reason}: links and monitors fire, names and aliases go. Idempotent. */
    public void exit(Term reason) {
        Exit e = markExited(reason);
        if (e != null) {
            onExit();
            node.signals().exited(this, e);
        }
    }

    /** Hook for subclasses to wake blocked readers. */
    void onExit() {
    }
}
