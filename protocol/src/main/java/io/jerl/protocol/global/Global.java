package io.jerl.protocol.global;

import static io.jerl.protocol.global.Terms.DEL_LOCK;
import static io.jerl.protocol.global.Terms.GEN_CALL;
import static io.jerl.protocol.global.Terms.GLOBAL;
import static io.jerl.protocol.global.Terms.GLOBAL_NAME_SERVER;
import static io.jerl.protocol.global.Terms.J_NODEDOWN;
import static io.jerl.protocol.global.Terms.J_NODEUP;
import static io.jerl.protocol.global.Terms.REGISTER;
import static io.jerl.protocol.global.Terms.SET_LOCK;
import static io.jerl.protocol.global.Terms.UNREGISTER;
import static io.jerl.protocol.global.Terms.tuple;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.node.NodeListener;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ExportFun;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.TermPrinter;
import io.jerl.protocol.term.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erlang's {@code global} name service on a jerl node: a {@code global_name_server} process that takes part
 * in global's protocol (version 8, OTP 23–27) with every visible node, so names registered anywhere in the
 * cluster are seen here and names registered here are seen everywhere, and {@code global:sync()} on erl
 * nodes completes.
 *
 * <p>On a hidden node it takes part in nothing, as erl's global, but still answers lock and registration
 * calls. With {@code connectAll} false it behaves as {@code erl -connect_all false}: global then ignores new
 * connections entirely (no name exchange, no transitive connections; erl's {@code global:sync()} waits for
 * such a node for ever, exactly as it does for an erl node started with that flag).
 *
 * <p>Processes on this node that hold a name are noticed when they end (within about a second, or at once
 * through {@link #processExited}); processes on other nodes are forgotten when their node goes down.
 */
public final class Global implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Global.class);
    private static final Atom NODEDOWN_HIDDEN = Atom.FALSE;
    /** How long a call to another node's name server may take before that node counts as a bad node. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** global:register_name/2's default resolve method, as an external fun erl can run. */
    static final Term RANDOM_EXIT_NAME = new ExportFun(GLOBAL, Atom.of("random_exit_name"), 3);

    private final Node node;
    private final Atom me;
    private final boolean connectAll;
    private final Mailbox serverMailbox;
    private final Mailbox lockerMailbox;
    private final Mailbox registrar;
    private final GlobalServer server;
    private final Locker locker;
    private final Object registrarLock = new Object();
    private final Set<Mailbox> callers = ConcurrentHashMap.newKeySet();
    private final Set<Atom> visibleUp = ConcurrentHashMap.newKeySet();
    private final NodeListener listener;
    private volatile boolean closed;

    private Global(Node node, boolean connectAll, boolean preventOverlappingPartitions) {
        this.node = node;
        this.me = node.name();
        this.connectAll = connectAll;
        this.serverMailbox = node.spawnMailbox(GLOBAL_NAME_SERVER.name());
        this.lockerMailbox = node.spawnMailbox();
        this.registrar = node.spawnMailbox();
        // A remote process that holds a name or a lock is monitored; its 'DOWN' drops them, as in global.erl.
        this.server = new GlobalServer(node, serverMailbox, connectAll, preventOverlappingPartitions,
                serverMailbox::monitor);
        this.locker = new Locker(this, node, lockerMailbox, server);
        server.setLocker(locker);
        this.listener = new NodeListener() {
            @Override
            public void nodeUp(Atom peer, boolean hidden) {
                if (!hidden && !node.options().hidden()) {
                    visibleUp.add(peer);
                    node.send(serverMailbox.pid(), serverMailbox.pid(), tuple(J_NODEUP, peer));
                }
            }

            @Override
            public void nodeDown(Atom peer, String reason) {
                boolean visible = visibleUp.remove(peer);
                if (serverMailbox.isAlive()) {
                    node.send(serverMailbox.pid(), serverMailbox.pid(), tuple(J_NODEDOWN, peer, Atom.of(visible)));
                }
                for (Mailbox c : callers) {
                    node.send(c.pid(), c.pid(), tuple(J_NODEDOWN, peer, NODEDOWN_HIDDEN));
                }
            }
        };
    }

    /** {@link #start(Node, boolean, boolean)} with prevent_overlapping_partitions on when connect_all is. */
    public static Global start(Node node, boolean connectAll) {
        return start(node, connectAll, connectAll);
    }

    /**
     * Starts global on {@code node}: registers {@code global_name_server} and begins the protocol with the
     * visible nodes already connected and with each that connects later.
     *
     * @param connectAll                   erl's {@code connect_all}: take part, and connect to the nodes
     *                                     other name servers know
     * @param preventOverlappingPartitions erl's {@code prevent_overlapping_partitions} (on by default since
     *                                     OTP 25): when another node reports that it lost a node we still
     *                                     see, drop that node too
     * @throws ProtocolException if {@code global_name_server} is already registered on the node
     */
    public static Global start(Node node, boolean connectAll, boolean preventOverlappingPartitions) {
        Global g = new Global(node, connectAll, preventOverlappingPartitions);
        g.startThreads();
        return g;
    }

    private void startThreads() {
        Thread s = new Thread(server, "jerl-global-" + me.name());
        s.setDaemon(true);
        s.start();
        Thread l = new Thread(locker, "jerl-global-locker-" + me.name());
        l.setDaemon(true);
        l.start();
        node.addNodeListener(listener);
        if (!node.options().hidden()) {
            for (Atom peer : node.nodes()) {
                listener.nodeUp(peer, false);
            }
        }
        log.debug("global started on {} (connect_all {}, taking part: {})", me.name(), connectAll, server.takesPart());
    }

    // ---- the API of erl's global module

    /**
     * global:register_name/2: takes the global lock on every known node, and registers {@code name} for
     * {@code pid} on all of them unless the name is taken or the pid already has a name.
     *
     * @return true (yes) or false (no)
     */
    public boolean registerName(Atom name, Pid pid) {
        return registerName((Term) name, pid);
    }

    /** global:register_name/2 for a name that is any term. */
    public boolean registerName(Term name, Pid pid) {
        return transAllKnown(nodes -> {
            if (server.where(name) != null) {
                return false;
            }
            List<Term> already = server.namesOf(pid);
            if (!already.isEmpty()) {
                log.warn("global: {} registered under several names: {}", pid, TermPrinter.print(name) + " " + already);
                return false;
            }
            multiCall(registrar, nodes, tuple(REGISTER, name, pid, RANDOM_EXIT_NAME));
            return true;
        });
    }

    /** global:re_register_name/2: registers {@code name} for {@code pid} on every known node, replacing any holder. */
    public void reRegisterName(Term name, Pid pid) {
        transAllKnown(nodes -> {
            multiCall(registrar, nodes, tuple(REGISTER, name, pid, RANDOM_EXIT_NAME));
            return Boolean.TRUE;
        });
    }

    /** global:unregister_name/1. */
    public void unregisterName(Atom name) {
        unregisterName((Term) name);
    }

    public void unregisterName(Term name) {
        if (server.where(name) == null) {
            return;
        }
        transAllKnown(nodes -> {
            multiCall(registrar, nodes, tuple(UNREGISTER, name));
            return Boolean.TRUE;
        });
    }

    /** global:whereis_name/1: the pid, or null for undefined. */
    public Pid whereisName(Atom name) {
        return server.where(name);
    }

    public Pid whereisName(Term name) {
        return server.where(name);
    }

    /** global:registered_names/0, the names that are atoms. */
    public List<Atom> registeredNames() {
        List<Atom> out = new ArrayList<>();
        for (Term t : server.registeredNames()) {
            if (t instanceof Atom a) {
                out.add(a);
            }
        }
        return out;
    }

    /** global:registered_names/0, all of them. */
    public List<Term> registeredNameTerms() {
        return server.registeredNames();
    }

    /**
     * global:send/2: sends {@code message} to the process registered as {@code name}.
     *
     * @throws ProtocolException with the text {@code {badarg,{Name,Msg}}} when the name is not registered
     */
    public Pid send(Pid from, Atom name, Term message) {
        Pid pid = server.where(name);
        if (pid == null) {
            throw new ProtocolException(TermPrinter.print(tuple(Atom.of("badarg"), tuple(name, message))));
        }
        node.send(from, pid, message);
        return pid;
    }

    /**
     * global:sync/0: waits until global has exchanged names with every visible node connected now.
     *
     * @return false if that did not happen within {@code timeout}
     */
    public boolean sync(Duration timeout) {
        List<Atom> nodes = node.options().hidden() ? List.of() : node.nodes();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (server) {
            while (!server.allSynced(nodes)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return false;
                }
                try {
                    server.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A process on this node ended: its names and locks go at once. The node may call this from its process
     * exit path; without it global notices within about a second. (Other nodes learn of it through their
     * own monitors of the process, which the node answers.)
     */
    public void processExited(Pid pid) {
        server.processDown(pid);
    }

    /** The nodes global has exchanged names with. */
    public List<Atom> syncedNodes() {
        return server.syncedNodes();
    }

    /** The nodes global knows as part of the cluster. */
    public List<Atom> knownNodes() {
        return server.knownNodes();
    }

    public boolean connectAll() {
        return connectAll;
    }

    public Pid serverPid() {
        return serverMailbox.pid();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        node.removeNodeListener(listener);
        registrar.close();
        lockerMailbox.close();
        serverMailbox.close();
        synchronized (server) {
            server.notifyAll();
        }
    }

    // ---- the registrar: global.erl's trans_all_known/1

    private <T> T transAllKnown(Function<List<Atom>, T> fun) {
        synchronized (registrarLock) {
            if (closed) {
                throw new ProtocolException("global on " + me.name() + " is closed");
            }
            registrar.drain();
            Term id = tuple(GLOBAL, registrar.pid());
            List<Atom> nodes = setLockKnown(id);
            try {
                return fun.apply(nodes);
            } finally {
                deleteGlobalLock(registrar, id, nodes);
            }
        }
    }

    private List<Atom> setLockKnown(Term id) {
        for (int times = 0; ; times++) {
            List<Atom> known = server.knownNodes();
            List<Atom> nodes = new ArrayList<>();
            nodes.add(me);
            nodes.addAll(known);
            Atom boss = Terms.max(nodes);
            if (setLockOnNodes(registrar, id, List.of(boss))) {
                if (setLockOnNodes(registrar, id, nodes)) {
                    List<Atom> now = server.knownNodes();
                    now.removeAll(known);
                    if (now.isEmpty()) {
                        return nodes;
                    }
                }
                delLock(registrar, id, List.of(boss));
            }
            if (closed) {
                throw new ProtocolException("global on " + me.name() + " is closed");
            }
            randomSleep(times);
        }
    }

    private static void randomSleep(int times) {
        long max = times > 5 ? 8000 : (1L << times) * 1000 / 8;
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, max + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException("interrupted while waiting for global's lock");
        }
    }

    // ---- locks on several nodes, shared by the registrar and the locker

    /** global.erl's set_lock_on_nodes/2: one try; true when every node that answered said yes. */
    boolean setLockOnNodes(Mailbox from, Term id, List<Atom> nodes) {
        if (nodes.isEmpty()) {
            return true;
        }
        if (nodes.size() > 1 && nodes.contains(me) && !server.canSetLock(id)) {
            return false;
        }
        Map<Atom, Term> replies = multiCall(from, nodes, tuple(SET_LOCK, id));
        List<Atom> yes = new ArrayList<>();
        boolean refused = false;
        for (Map.Entry<Atom, Term> r : replies.entrySet()) {
            if (r.getValue().equals(Atom.TRUE)) {
                yes.add(r.getKey());
            } else {
                refused = true;
            }
        }
        if (!refused) {
            return true;
        }
        if (replies.size() > 1 && !yes.isEmpty()) {
            multiCall(from, yes, tuple(DEL_LOCK, id));
        }
        return false;
    }

    void delLock(Mailbox from, Term id, List<Atom> nodes) {
        if (!nodes.isEmpty()) {
            multiCall(from, nodes, tuple(DEL_LOCK, id));
        }
    }

    /** Releases a lock everywhere, the boss last. */
    void deleteGlobalLock(Mailbox from, Term id, List<Atom> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        Atom boss = Terms.max(nodes);
        List<Atom> others = new ArrayList<>(nodes);
        others.remove(boss);
        delLock(from, id, others);
        delLock(from, id, List.of(boss));
    }

    /**
     * gen_server:multi_call(Nodes, global_name_server, Request) from the process {@code from}: the answers of
     * the nodes that answered. A node that is down, goes down, or does not answer within
     * {@link #CALL_TIMEOUT} is left out (a "bad node"). Our own node is called directly.
     */
    Map<Atom, Term> multiCall(Mailbox from, Collection<Atom> nodes, Term request) {
        Map<Atom, Term> replies = new LinkedHashMap<>();
        Map<Term, Atom> waiting = new HashMap<>();
        callers.add(from);
        try {
            for (Atom n : nodes) {
                if (n.equals(me)) {
                    Term r = server.call(request, from.pid());
                    if (r != null) {
                        replies.put(n, r);
                    }
                    continue;
                }
                if (!node.nodes(true, true).contains(n) && !node.connect(n)) {
                    continue;
                }
                Ref ref = node.makeRef();
                Tuple tag = new Tuple(ref, n);
                node.send(from.pid(), new Tuple(GLOBAL_NAME_SERVER, n), tuple(GEN_CALL, tuple(from.pid(), tag), request));
                waiting.put(tag, n);
            }
            long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
            while (!waiting.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !from.isAlive()) {
                    log.debug("global on {}: no answer to {} from {}", me.name(), request, waiting.values());
                    break;
                }
                Term m = from.receive(t -> (t instanceof Tuple r && r.arity() == 2 && waiting.containsKey(r.get(0)))
                        || isNodedownOf(t, waiting), Duration.ofNanos(left));
                if (m == null) {
                    continue;
                }
                Tuple r = (Tuple) m;
                if (Terms.is(r, J_NODEDOWN, 3)) {
                    waiting.values().removeIf(n -> n.equals(r.get(1)));
                } else {
                    Atom n = waiting.remove(r.get(0));
                    replies.put(n, r.get(1));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProtocolException("interrupted while calling global_name_server");
        } finally {
            callers.remove(from);
        }
        return replies;
    }

    private static boolean isNodedownOf(Term t, Map<Term, Atom> waiting) {
        return Terms.is(t, J_NODEDOWN, 3) && waiting.containsValue(((Tuple) t).get(1));
    }
}
