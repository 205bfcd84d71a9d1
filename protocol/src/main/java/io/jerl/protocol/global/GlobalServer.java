package io.jerl.protocol.global;

import static io.jerl.protocol.global.Terms.ADD_TO_KNOWN;
import static io.jerl.protocol.global.Terms.ASYNC_DEL_LOCK;
import static io.jerl.protocol.global.Terms.ASYNC_DEL_NAME;
import static io.jerl.protocol.global.Terms.CANCEL_CONNECT;
import static io.jerl.protocol.global.Terms.DEL_LOCK;
import static io.jerl.protocol.global.Terms.DELETE;
import static io.jerl.protocol.global.Terms.DOWN;
import static io.jerl.protocol.global.Terms.EXCHANGE;
import static io.jerl.protocol.global.Terms.EXCHANGE_OPS;
import static io.jerl.protocol.global.Terms.EXTRA_NODEDOWN;
import static io.jerl.protocol.global.Terms.GEN_CALL;
import static io.jerl.protocol.global.Terms.GEN_CAST;
import static io.jerl.protocol.global.Terms.GET_KNOWN;
import static io.jerl.protocol.global.Terms.GET_NAMES_EXT;
import static io.jerl.protocol.global.Terms.GET_PROTOCOL_VERSION;
import static io.jerl.protocol.global.Terms.GET_SYNCED;
import static io.jerl.protocol.global.Terms.GLOBAL;
import static io.jerl.protocol.global.Terms.GLOBAL_NAME_SERVER;
import static io.jerl.protocol.global.Terms.INIT_CONNECT;
import static io.jerl.protocol.global.Terms.INIT_CONNECT_ACK;
import static io.jerl.protocol.global.Terms.INSERT;
import static io.jerl.protocol.global.Terms.IN_SYNC;
import static io.jerl.protocol.global.Terms.J_NODEDOWN;
import static io.jerl.protocol.global.Terms.J_NODEUP;
import static io.jerl.protocol.global.Terms.LOCK;
import static io.jerl.protocol.global.Terms.LOCKER;
import static io.jerl.protocol.global.Terms.LOCK_IS_SET;
import static io.jerl.protocol.global.Terms.LOCK_SET;
import static io.jerl.protocol.global.Terms.LOST_CONNECTION;
import static io.jerl.protocol.global.Terms.NEW_NODES;
import static io.jerl.protocol.global.Terms.NO_LONGER_A_PID;
import static io.jerl.protocol.global.Terms.REGISTER;
import static io.jerl.protocol.global.Terms.REGISTER_EXT;
import static io.jerl.protocol.global.Terms.REMOVE_CONNECTION;
import static io.jerl.protocol.global.Terms.RESOLVED;
import static io.jerl.protocol.global.Terms.SET_LOCK;
import static io.jerl.protocol.global.Terms.UNDEFINED;
import static io.jerl.protocol.global.Terms.UNREGISTER;
import static io.jerl.protocol.global.Terms.UNUSED;
import static io.jerl.protocol.global.Terms.VSN;
import static io.jerl.protocol.global.Terms.YES;
import static io.jerl.protocol.global.Terms.elements;
import static io.jerl.protocol.global.Terms.is;
import static io.jerl.protocol.global.Terms.list;
import static io.jerl.protocol.global.Terms.num;
import static io.jerl.protocol.global.Terms.tuple;

import io.jerl.protocol.dist.ControlMessage;
import io.jerl.protocol.node.LocalProcess;
import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlMap;
import io.jerl.protocol.term.ExportFun;
import io.jerl.protocol.term.Fun;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jerl's {@code global_name_server}: the name table, the lock table, and the per-node connect protocol
 * (protocol version 8, as OTP 25 speaks it). One thread takes messages from the process's mailbox and
 * handles each under this object's monitor; the locker and the registrar (other threads) make their
 * calls to this node's name server by calling {@link #call} directly, which takes the same monitor. No
 * handler waits on the network.
 */
final class GlobalServer implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(GlobalServer.class);

    /** The protocol version OTP 23–27 speak (global.erl's {@code get_protocol_version}). */
    static final int PROTOCOL_VERSION = 8;

    private static final Object LOCK_IS_SET_MARK = new Object();
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final long LOST_CONNECTION_MEMORY_NANOS = Duration.ofHours(1).toNanos();

    /** What a node going away means for the known-table, as global.erl's handle_nodedown/3. */
    enum NodeDownType { DISCONNECTED, REMOVE_CONNECTION, IGNORE_NODE }

    record NameEntry(Term name, Pid pid, Term method) {
    }

    private static final class LockEntry {
        final Term requesterId;
        final List<Pid> holders = new ArrayList<>();

        LockEntry(Term requesterId) {
            this.requesterId = requesterId;
        }
    }

    /** What global.erl keeps in its process dictionary per node while connecting to it. */
    private static final class Peer {
        Term myTag;
        Term hisTag;
        Term protVsn;
        Term lockId;
        /** null, LOCK_IS_SET_MARK, or the name list of an exchange that came before the lock. */
        Object waitLock;
        /** null, our ops (a List of terms) or his early 'resolved' (a SavedResolved). */
        Object saveOps;
        /** {Vsn, InitMsg, HisTag} of an init_connect that came before our nodeup. */
        Term[] preConnect;
    }

    private record SavedResolved(Term hisKnown, Term namesExt, Term hisResolved) {
    }

    private record LostConnection(Term creation, Term opId, long at) {
    }

    private final Node node;
    private final Atom me;
    private final Mailbox mailbox;
    private final boolean takesPart;
    private final boolean connectAll;
    private final boolean preventOverlap;
    private final Consumer<Pid> remoteMonitor;
    private Locker locker;

    private final Map<Term, NameEntry> names = new LinkedHashMap<>();
    private final Map<Term, LockEntry> locks = new HashMap<>();
    private boolean globalLockDown;
    private final Map<Atom, Integer> known = new LinkedHashMap<>();
    private final Map<Atom, Integer> pending = new HashMap<>();
    private final Set<Atom> removing = new HashSet<>();
    private final Set<Atom> up = new LinkedHashSet<>();
    private final Set<Atom> synced = new LinkedHashSet<>();
    private final Map<Atom, Term> resolvers = new HashMap<>();
    private final Map<Atom, Peer> peers = new HashMap<>();
    private final Map<List<Atom>, LostConnection> lostConnections = new HashMap<>();
    private long nextTag = ThreadLocalRandom.current().nextLong(1, 1L << 40);
    private long nextOpId = 1;
    private final long creationExtension;
    private long lastHousekeeping = System.nanoTime();

    GlobalServer(Node node, Mailbox mailbox, boolean connectAll, boolean preventOverlap, Consumer<Pid> remoteMonitor) {
        this.node = node;
        this.me = node.name();
        this.mailbox = mailbox;
        this.connectAll = connectAll;
        this.preventOverlap = preventOverlap;
        this.takesPart = connectAll && !node.options().hidden();
        this.remoteMonitor = remoteMonitor;
        this.creationExtension = (ThreadLocalRandom.current().nextLong(1L << 27) << 32) | (node.creation() & 0xFFFFFFFFL);
    }

    void setLocker(Locker locker) {
        this.locker = locker;
    }

    Pid pid() {
        return mailbox.pid();
    }

    boolean takesPart() {
        return takesPart;
    }

    // ---- the process

    @Override
    public void run() {
        while (mailbox.isAlive()) {
            Term m;
            try {
                m = mailbox.receive(TICK);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (this) {
                if (m != null) {
                    try {
                        handle(m);
                    } catch (RuntimeException e) {
                        log.warn("global_name_server on {} failed on {}", me.name(), m, e);
                    }
                }
                if (System.nanoTime() - lastHousekeeping > TICK.toNanos()) {
                    lastHousekeeping = System.nanoTime();
                    housekeeping();
                }
                notifyAll();
            }
        }
    }

    private void handle(Term m) {
        if (!(m instanceof Tuple t) || t.arity() == 0) {
            unexpected("info", m);
            return;
        }
        Term tag = t.get(0);
        if (tag.equals(GEN_CALL) && t.arity() == 3 && t.get(1) instanceof Tuple from && from.arity() == 2
                && from.get(0) instanceof Pid caller) {
            Term reply = call(t.get(2), caller);
            if (reply != null) {
                node.send(mailbox.pid(), caller, tuple(from.get(1), reply));
            }
        } else if (tag.equals(GEN_CAST) && t.arity() == 2) {
            cast(t.get(1));
        } else if (is(t, J_NODEUP, 2) && t.get(1) instanceof Atom n) {
            nodeUp(n);
        } else if (is(t, J_NODEDOWN, 3) && t.get(1) instanceof Atom n) {
            nodeDown(n, t.get(2).equals(Atom.TRUE));
        } else if (is(t, INIT_CONNECT_ACK, 4) && t.get(1) instanceof Atom n) {
            initConnectAck(n, t.get(2), t.get(3));
        } else if (is(t, CANCEL_CONNECT, 3) && t.get(1) instanceof Atom n) {
            if (myTag(n).equals(t.get(2))) {
                cancelLocker(n, t.get(2), null);
                resetNodeState(n);
                pending.remove(n);
                restartConnect(n, t.get(2));
            }
        } else if (is(t, LOST_CONNECTION, 5) && t.get(1) instanceof Atom a && t.get(4) instanceof Atom b) {
            lostConnection(t, a, t.get(2), t.get(3), b);
        } else if (is(t, REMOVE_CONNECTION, 2) && t.get(1) instanceof Atom n) {
            removeConnection(n);
        } else if (is(t, EXTRA_NODEDOWN, 2) && t.get(1) instanceof Atom n) {
            handleNodedown(n, NodeDownType.DISCONNECTED);
        } else if (is(t, DOWN, 5) && t.get(3) instanceof Pid p) {
            processDown(p);
        } else {
            unexpected("info", m);
        }
    }

    private void unexpected(String kind, Term m) {
        log.debug("global_name_server on {} ignores {} {}", me.name(), kind, m);
    }

    // ---- calls (gen_server:call and multi_call from any node; direct calls from our locker and registrar)

    /** Answers a call as global.erl's handle_call/3 does; null for requests that get no answer. */
    synchronized Term call(Term req, Pid from) {
        try {
            return doCall(req, from);
        } finally {
            notifyAll();
        }
    }

    private Term doCall(Term req, Pid from) {
        if (req instanceof Tuple t) {
            if (is(t, REGISTER, 4) && t.get(2) instanceof Pid pid) {
                insName(t.get(1), pid, t.get(3), from, Nil.NIL);
                return YES;
            } else if (is(t, REGISTER_EXT, 5) && t.get(2) instanceof Pid pid) {
                insName(t.get(1), pid, t.get(3), from, Nil.NIL);
                return YES;
            } else if (is(t, UNREGISTER, 2)) {
                deleteName(t.get(1));
                return Atom.OK;
            } else if (is(t, SET_LOCK, 2) && t.get(1) instanceof Tuple id && id.arity() == 2) {
                return Atom.of(setLock(id, from));
            } else if (is(t, DEL_LOCK, 2) && t.get(1) instanceof Tuple id && id.arity() == 2) {
                delLock(id, from);
                return Atom.TRUE;
            }
        } else if (req.equals(GET_KNOWN)) {
            return list(known.keySet());
        } else if (req.equals(GET_SYNCED)) {
            return list(synced);
        } else if (req.equals(GET_PROTOCOL_VERSION)) {
            return num(PROTOCOL_VERSION);
        } else if (req.equals(GET_NAMES_EXT)) {
            return Nil.NIL;
        }
        unexpected("call", req);
        return null;
    }

    // ---- casts

    private void cast(Term msg) {
        if (!(msg instanceof Tuple t) || t.arity() == 0) {
            unexpected("cast", msg);
            return;
        }
        if (is(t, INIT_CONNECT, 4) && t.get(2) instanceof Atom n) {
            initConnect(t.get(1), n, t.get(3));
        } else if (is(t, LOCK_IS_SET, 4) && t.get(1) instanceof Atom n) {
            if (myTag(n).equals(t.get(2))) {
                lockIsSet(n, t.get(3));
            } else {
                cancelLocker(n, t.get(2), null);
            }
        } else if (is(t, EXCHANGE, 5) && t.get(1) instanceof Atom n) {
            if (myTag(n).equals(t.get(4))) {
                exchange(n, t.get(2));
            } else {
                cancelLocker(n, t.get(4), null);
            }
        } else if (is(t, EXCHANGE_OPS, 5) && t.get(1) instanceof Atom n) {
            exchangeOps(n, t.get(2), elements(t.get(3)), t.get(4));
        } else if (is(t, RESOLVED, 7) && t.get(1) instanceof Atom n) {
            Term tag = t.get(6);
            if (myTag(n).equals(tag)) {
                Peer p = peer(n);
                if (p.saveOps instanceof List<?>) {
                    resolved(n, t.get(2), t.get(3), t.get(5));
                } else {
                    p.saveOps = new SavedResolved(t.get(3), t.get(5), t.get(2));
                }
            } else {
                cancelLocker(n, tag, null);
            }
        } else if (is(t, NEW_NODES, 6) && t.get(1) instanceof Atom n) {
            List<Atom> added = addToKnown(elements(t.get(4)));
            syncOthers(added);
            doOps(elements(t.get(2)), n, t.get(5));
            locker.send(tuple(ADD_TO_KNOWN, list(added)));
        } else if (is(t, IN_SYNC, 3) && t.get(1) instanceof Atom n) {
            synced.add(n);
            pending.remove(n);
            cancelLocker(n, myTag(n), null);
            resetNodeState(n);
        } else if ((is(t, LOCK_SET, 5) || is(t, LOCK_SET, 4)) && t.get(1) instanceof Pid p) {
            if (t.arity() == 4 || myTag(p.node()).equals(t.get(4))) {
                locker.send(t);
            }
        } else if (is(t, ASYNC_DEL_NAME, 3) || is(t, ASYNC_DEL_LOCK, 3)) {
            log.trace("ignored {}", t);
        } else {
            unexpected("cast", msg);
        }
    }

    // ---- nodes coming and going

    private void nodeUp(Atom n) {
        if (n.equals(me)) {
            return;
        }
        up.add(n);
        if (takesPart) {
            handleNodeup(n);
        }
    }

    private void nodeDown(Atom n, boolean visible) {
        up.remove(n);
        // What erl's name server learns from its monitors ('DOWN' with noconnection): names and locks held
        // by processes on that node go.
        List<Pid> gone = new ArrayList<>();
        for (NameEntry e : names.values()) {
            if (e.pid().node().equals(n)) {
                gone.add(e.pid());
            }
        }
        for (LockEntry l : locks.values()) {
            for (Pid p : l.holders) {
                if (p.node().equals(n)) {
                    gone.add(p);
                }
            }
        }
        gone.forEach(this::processDown);
        if (visible) {
            handleNodedown(n, NodeDownType.DISCONNECTED);
        }
    }

    private void handleNodeup(Atom n) {
        if (known.containsKey(n) || resolvers.containsKey(n)) {
            return;
        }
        Peer p = peer(n);
        Term[] pre = p.preConnect;
        p.preConnect = null;
        if (pre != null) {
            // global.erl casts it to itself, so it is handled after this nodeup
            node.send(mailbox.pid(), mailbox.pid(), tuple(GEN_CAST, tuple(INIT_CONNECT, tuple(pre[0], pre[2]), n, pre[1])));
        }
        Term myTag = num(nextTag++);
        p.myTag = myTag;
        Map<Term, Term> knownMap = new LinkedHashMap<>();
        known.forEach((k, v) -> knownMap.put(k, num(v)));
        castTo(n, tuple(INIT_CONNECT, tuple(num(PROTOCOL_VERSION), myTag), me,
                tuple(LOCKER, NO_LONGER_A_PID, new ErlMap(knownMap), locker.pid())));
        resolvers.put(n, myTag);
        log.debug("global on {}: init_connect to {} with tag {}", me.name(), n.name(), myTag);
    }

    private void initConnect(Term vsnTerm, Atom n, Term initMsg) {
        if (!(vsnTerm instanceof Tuple vt) || vt.arity() < 2 || !(vt.get(0) instanceof ErlInt hv)) {
            log.info("Illegal global protocol version {} Node: {}", vsnTerm, n);
            return;
        }
        long hisVsn = hv.value();
        long vsn = vt.arity() > 2 ? PROTOCOL_VERSION : Math.min(hisVsn, PROTOCOL_VERSION);
        Term hisTag = vt.get(1);
        if (pending.containsKey(n)) {
            if (hisVsn < 8) {
                node.disconnect(n);
                log.error("'global' at node {} got an out of sync connection attempt from old version {} node {}."
                        + " Disconnecting from it.", me, hisVsn, n);
                return;
            }
            sendCancelConnectMessage(n, hisTag);
            restartConnect(n, myTag(n));
        }
        Peer p = peer(n);
        p.protVsn = num(vsn);
        p.hisTag = hisTag;
        Term myTag = resolvers.get(n);
        if (myTag != null) {
            if (!(is(initMsg, LOCKER, 4) && ((Tuple) initMsg).get(3) instanceof Pid hisLocker)) {
                log.info("global on {}: init_connect from {} without a locker: {}", me.name(), n, initMsg);
                return;
            }
            locker.send(tuple(Terms.HIS_THE_LOCKER, hisLocker, tuple(num(vsn), Nil.NIL), hisTag, myTag));
            if (hisVsn >= 8) {
                volatileSend(n, tuple(INIT_CONNECT_ACK, me, hisTag, myTag));
            }
            pending.put(n, (int) hisVsn);
        } else {
            p.preConnect = new Term[] {num(vsn), initMsg, hisTag};
        }
    }

    private void initConnectAck(Atom n, Term hisMyTag, Term hisHisTag) {
        Term myMyTag = myTag(n);
        Term myHisTag = hisTag(n);
        if (!(myMyTag.equals(hisMyTag) && myHisTag.equals(hisHisTag))) {
            sendCancelConnectMessage(n, hisHisTag);
            restartConnect(n, myMyTag);
        }
    }

    private void restartConnect(Atom n, Term myTag) {
        cancelLocker(n, myTag, null);
        resetNodeState(n);
        pending.remove(n);
        if (myTag instanceof ErlInt && takesPart && up.contains(n)) {
            handleNodeup(n);
        }
    }

    /** Tells the locker to give up on {@code n} under {@code tag}; the locker runs {@code fun} first if it holds the lock. */
    private void cancelLocker(Atom n, Term tag, Runnable fun) {
        locker.cancel(n, tag, fun);
        sendCancelConnect(n, tag);
        if (tag.equals(resolvers.get(n))) {
            resolvers.remove(n);
        }
    }

    private void sendCancelConnect(Atom n, Term myTag) {
        Integer vsn = pending.get(n);
        if (vsn == null || vsn < 8 || !myTag(n).equals(myTag)) {
            return;
        }
        sendCancelConnectMessage(n, hisTag(n));
    }

    private void sendCancelConnectMessage(Atom n, Term hisTag) {
        volatileSend(n, tuple(CANCEL_CONNECT, me, hisTag));
    }

    private void lockIsSet(Atom n, Term lockId) {
        castTo(n, tuple(EXCHANGE, me, namesList(), Nil.NIL, hisTag(n)));
        Peer p = peer(n);
        p.lockId = lockId;
        if (p.waitLock instanceof Term nameList) {
            p.waitLock = LOCK_IS_SET_MARK;
            exchange(n, nameList);
        } else {
            p.waitLock = LOCK_IS_SET_MARK;
        }
    }

    private void exchange(Atom n, Term nameList) {
        Peer p = peer(n);
        Object wait = p.waitLock;
        p.waitLock = null;
        if (wait == LOCK_IS_SET_MARK) {
            Term tag = resolvers.get(n);
            if (tag == null) {
                log.debug("global on {}: exchange from {} but no resolver", me.name(), n);
                return;
            }
            // global.erl's resolver process; it reports with an exchange_ops cast to the name server
            List<Term> ops = new ArrayList<>();
            List<Term> res = new ArrayList<>();
            exchangeNames(elements(nameList), n, ops, res);
            node.send(mailbox.pid(), mailbox.pid(), tuple(GEN_CAST, tuple(EXCHANGE_OPS, n, tag, list(ops), list(res))));
        } else {
            p.waitLock = nameList;
        }
    }

    private void exchangeOps(Atom n, Term myTag, List<Term> ops, Term resolved) {
        if (!myTag(n).equals(myTag)) {
            cancelLocker(n, myTag, null);
            return;
        }
        castTo(n, tuple(RESOLVED, me, resolved, knownList(), UNUSED, Nil.NIL, hisTag(n)));
        Peer p = peer(n);
        Object saved = p.saveOps;
        p.saveOps = new ArrayList<>(ops);
        if (saved instanceof SavedResolved r) {
            resolved(n, r.hisResolved(), r.hisKnown(), r.namesExt());
        }
    }

    @SuppressWarnings("unchecked")
    private void resolved(Atom n, Term hisResolved, Term hisKnown, Term namesExt) {
        Peer p = peer(n);
        List<Term> ops = new ArrayList<>((List<Term>) p.saveOps);
        p.saveOps = null;
        ops.addAll(elements(hisResolved));
        Map<Atom, Integer> knownBefore = new LinkedHashMap<>(known);
        List<Term> newNodes = new ArrayList<>();
        newNodes.add(tuple(n, num(nodeVsn(n))));
        List<Atom> hisKnownNodes = new ArrayList<>();
        for (Term k : elements(hisKnown)) {
            Atom kn = nodeOf(k);
            if (kn == null) {
                continue;
            }
            hisKnownNodes.add(kn);
            long v = k instanceof Tuple kt ? Terms.intValue(kt.get(1), 0) : 0;
            newNodes.add(tuple(kn, num(v == 0 ? nodeVsn(kn) : v)));
        }
        syncOthers(hisKnownNodes);
        Term extraInfo = list(List.of(tuple(VSN, orUndefined(p.protVsn)), tuple(LOCK, orUndefined(p.lockId))));
        doOps(ops, me, extraInfo);
        for (Atom c : hisKnownNodes) {
            cancelResolvedLocker(c, tag -> cancelLocker(c, tag, null));
        }
        Term opsList = list(ops);
        Term newNodesMsg = tuple(NEW_NODES, me, opsList, namesExt, list(newNodes), extraInfo);
        List<Term> newNodeNames = new ArrayList<>();
        for (Term nn : newNodes) {
            newNodeNames.add(((Tuple) nn).get(0));
        }
        Term oldStyleMsg = tuple(NEW_NODES, me, opsList, namesExt, list(newNodeNames), extraInfo);
        Runnable newNodesF = () -> knownBefore.forEach((k, v) -> castTo(k, v >= 7 ? newNodesMsg : oldStyleMsg));
        cancelResolvedLocker(n, tag -> cancelLocker(n, tag, newNodesF));
        List<Atom> added = addToKnown(newNodes);
        locker.send(tuple(ADD_TO_KNOWN, list(added)));
        synced.add(n);
        log.debug("global on {}: synced with {}; known now {}", me.name(), n.name(), known.keySet());
    }

    private void cancelResolvedLocker(Atom n, Consumer<Term> cancel) {
        Term tag = myTag(n);
        pending.remove(n);
        cancel.accept(tag);
        resetNodeState(n);
    }

    /** Connects to nodes another name server knows (connect_all) and tells each that we are in sync. */
    private void syncOthers(List<Atom> nodes) {
        for (Atom n : nodes) {
            if (n.equals(me)) {
                continue;
            }
            if (!connectAll) {
                log.debug("global on {}: connect_all is off; not connecting to {}", me.name(), n.name());
                continue;
            }
            Pid self = mailbox.pid();
            node.connectAsync(n).whenComplete((c, err) -> {
                if (err == null && c != null) {
                    node.send(self, new Tuple(GLOBAL_NAME_SERVER, n), tuple(GEN_CAST, tuple(IN_SYNC, me, Atom.TRUE)));
                } else {
                    log.warn("'global' at {} failed to connect to {}", me.name(), n.name());
                    if (mailbox.isAlive()) {
                        node.send(self, self, tuple(EXTRA_NODEDOWN, n));
                    }
                }
            });
        }
    }

    private void handleNodedown(Atom n, NodeDownType what) {
        cancelLocker(n, myTag(n), null);
        locker.send(tuple(Terms.REMOVE_FROM_KNOWN, n));
        resetNodeState(n);
        switch (what) {
            case REMOVE_CONNECTION -> removing.add(n);
            case IGNORE_NODE -> removing.remove(n);
            case DISCONNECTED -> {
                if (!removing.remove(n)) {
                    informConnectionLoss(n);
                }
            }
            default -> throw new IllegalStateException();
        }
        pending.remove(n);
        known.remove(n);
        synced.remove(n);
    }

    // ---- prevent_overlapping_partitions

    private void informConnectionLoss(Atom n) {
        if (!(connectAll && preventOverlap && takesPart)) {
            return;
        }
        Term msg = tuple(LOST_CONNECTION, me, num(creationExtension), num(nextOpId++), n);
        volatileMulticast(msg, n);
    }

    private void lostConnection(Tuple msg, Atom a, Term creation, Term opId, Atom b) {
        if (!(connectAll && preventOverlap && takesPart)) {
            return;
        }
        List<Atom> key = List.of(a, b);
        LostConnection seen = lostConnections.get(key);
        if (seen != null && seen.creation().equals(creation) && Terms.compare(opId, seen.opId()) <= 0) {
            return;
        }
        volatileMulticast(msg, a);
        lostConnections.put(key, new LostConnection(creation, opId, System.nanoTime()));
        Atom rm = me.equals(b) ? a : b;
        if (!(known.containsKey(rm) || pending.containsKey(rm))) {
            return;
        }
        String what;
        if (nodeVsn(rm) < 7) {
            node.disconnect(rm);
            what = "disconnected old";
        } else {
            volatileSend(rm, tuple(REMOVE_CONNECTION, me));
            what = "requested disconnect from";
        }
        log.warn("'global' at node {} {} node {} in order to prevent overlapping partitions", me.name(), what,
                rm.name());
        handleNodedown(rm, NodeDownType.REMOVE_CONNECTION);
    }

    private void removeConnection(Atom n) {
        if (!(known.containsKey(n) || pending.containsKey(n))) {
            return;
        }
        node.disconnect(n);
        handleNodedown(n, NodeDownType.REMOVE_CONNECTION);
        log.warn("'global' at node {} disconnected node {} in order to prevent overlapping partitions", me.name(),
                n.name());
    }

    private void volatileMulticast(Term msg, Atom ignore) {
        Set<Atom> to = new LinkedHashSet<>();
        known.forEach((k, v) -> {
            if (!k.equals(ignore) && v >= 7) {
                to.add(k);
            }
        });
        pending.forEach((k, v) -> {
            if (!k.equals(ignore) && v >= 7) {
                to.add(k);
            }
        });
        to.forEach(k -> volatileSend(k, msg));
    }

    // ---- names

    private void insName(Term name, Pid pid, Term method, Term fromPidOrNode, Term extraInfo) {
        deleteName(name);
        names.put(name, new NameEntry(name, pid, method));
        if (!pid.node().equals(me)) {
            remoteMonitor.accept(pid);
        }
        if (!lockStillSet(fromPidOrNode, extraInfo)) {
            log.debug("global on {}: {} registered without the global lock held; dropped", me.name(), name);
            deleteName(name);
        }
    }

    private boolean lockStillSet(Term pidOrNode, Term extraInfo) {
        LockEntry g = locks.get(GLOBAL);
        if (g != null) {
            if (pidOrNode instanceof Pid p) {
                return g.holders.contains(p);
            }
            Term lock = extraInfo(LOCK, extraInfo);
            return lock instanceof Tuple lt && lt.arity() == 2 && lt.get(0).equals(GLOBAL)
                    && g.requesterId.equals(lt.get(1));
        }
        return !globalLockDown;
    }

    private static Term extraInfo(Atom key, Term extraInfo) {
        for (Term e : elements(extraInfo)) {
            if (e instanceof Tuple t && t.arity() == 2 && t.get(0).equals(key)) {
                return t.get(1);
            }
        }
        return UNDEFINED;
    }

    private void deleteName(Term name) {
        if (names.remove(name) != null) {
            log.debug("global on {}: {} unregistered", me.name(), name);
        }
    }

    private void doOps(List<Term> ops, Atom connNode, Term extraInfo) {
        List<Term> deletes = new ArrayList<>();
        for (Term op : ops) {
            if (is(op, INSERT, 2) && ((Tuple) op).get(1) instanceof Tuple ins && ins.arity() == 3
                    && ins.get(1) instanceof Pid pid) {
                insName(ins.get(0), pid, ins.get(2), connNode, extraInfo);
            } else if (is(op, DELETE, 2)) {
                deletes.add(((Tuple) op).get(1));
            }
        }
        deletes.forEach(this::deleteName);
    }

    private Term namesList() {
        List<Term> out = new ArrayList<>();
        for (NameEntry e : names.values()) {
            if (aliveOrRemote(e.pid())) {
                out.add(tuple(e.name(), e.pid(), e.method()));
            }
        }
        return list(out);
    }

    /** global.erl's resolver: what to do with the names a node has, against ours. */
    private void exchangeNames(List<Term> his, Atom n, List<Term> ops, List<Term> res) {
        for (Term t : his) {
            if (!(t instanceof Tuple e && e.arity() == 3 && e.get(1) instanceof Pid pid)) {
                continue;
            }
            Term name = e.get(0);
            Term method = e.get(2);
            NameEntry ours = names.get(name);
            if (ours == null) {
                ops.add(tuple(INSERT, tuple(name, pid, method)));
            } else if (ours.pid().equals(pid)) {
                continue;
            } else if (Terms.compare(me, n) < 0) {
                Pid pid2 = ours.pid();
                Pid winner = resolveConflict(name, ours.method(), pid, pid2);
                if (pid.equals(winner)) {
                    ops.add(tuple(INSERT, tuple(name, pid, method)));
                } else if (pid2.equals(winner)) {
                    res.add(tuple(INSERT, tuple(name, pid2, ours.method())));
                } else {
                    ops.add(tuple(DELETE, name));
                    res.add(tuple(DELETE, name));
                }
            }
        }
    }

    /**
     * Runs a resolve method for a name two partitions registered. jerl runs no BEAM code: global's own three
     * methods are done here, and any other fun is handled as random_notify_name (the one that harms nobody).
     */
    private Pid resolveConflict(Term name, Term method, Pid pid1, Pid pid2) {
        String kind = "random_exit_name";
        if (method instanceof ExportFun ef && ef.module().equals(GLOBAL)) {
            kind = ef.function().name();
        } else if (!(method instanceof Fun lf && lf.module().equals(GLOBAL))) {
            log.warn("global on {}: cannot run the resolve method {} for {} on jerl; notifying the loser instead",
                    me.name(), method, name);
            kind = "random_notify_name";
        }
        Pid min = Terms.compare(pid1.node(), pid2.node()) < 0 ? pid1 : pid2;
        Pid max = min == pid1 ? pid2 : pid1;
        switch (kind) {
            case "notify_all_name" -> {
                node.send(mailbox.pid(), pid1, tuple(Atom.of("global_name_conflict"), name, pid2));
                node.send(mailbox.pid(), pid2, tuple(Atom.of("global_name_conflict"), name, pid1));
                return null;
            }
            case "random_notify_name" -> {
                node.send(mailbox.pid(), max, tuple(Atom.of("global_name_conflict"), name));
                return min;
            }
            default -> {
                log.info("global: Name conflict terminating {}", tuple(name, max));
                kill(max);
                return min;
            }
        }
    }

    private void kill(Pid pid) {
        if (pid.node().equals(me)) {
            LocalProcess p = node.process(pid);
            if (p != null) {
                p.exit(Atom.of("killed"));
            }
        } else {
            Pid from = mailbox.pid();
            node.connectAsync(pid.node()).thenAccept(c -> c.send(
                    new ControlMessage.Exit(false, from, pid, Atom.of("kill"), null, false), null));
        }
    }

    // ---- locks

    private boolean setLock(Tuple id, Pid pid) {
        Term resource = id.get(0);
        LockEntry e = locks.get(resource);
        if (e == null) {
            e = new LockEntry(id.get(1));
            locks.put(resource, e);
        } else if (!e.requesterId.equals(id.get(1))) {
            return false;
        }
        if (!e.holders.contains(pid)) {
            e.holders.add(pid);
            if (!pid.node().equals(me)) {
                remoteMonitor.accept(pid);
            }
        }
        return true;
    }

    private void delLock(Tuple id, Pid pid) {
        LockEntry e = locks.get(id.get(0));
        if (e != null && e.requesterId.equals(id.get(1))) {
            removeLock(id.get(0), e, pid, false);
        }
    }

    private void removeLock(Term resource, LockEntry e, Pid pid, boolean down) {
        if (e.holders.size() == 1 && e.holders.get(0).equals(pid)) {
            locks.remove(resource);
            if (resource.equals(GLOBAL)) {
                globalLockDown = down;
            }
        } else {
            e.holders.remove(pid);
        }
    }

    /** global.erl's can_set_lock/1: free, or held under the same requester id. */
    synchronized boolean canSetLock(Term lockId) {
        if (!(lockId instanceof Tuple id) || id.arity() != 2) {
            return false;
        }
        LockEntry e = locks.get(id.get(0));
        return e == null || e.requesterId.equals(id.get(1));
    }

    synchronized boolean isGlobalLockSet() {
        return locks.containsKey(GLOBAL);
    }

    // ---- processes ending

    /** A process that held names or locks is gone: as global.erl's 'DOWN' handling. */
    synchronized void processDown(Pid pid) {
        names.values().removeIf(e -> {
            if (e.pid().equals(pid)) {
                log.debug("global on {}: {} went with {}", me.name(), e.name(), pid);
                return true;
            }
            return false;
        });
        for (Iterator<Map.Entry<Term, LockEntry>> it = new ArrayList<>(locks.entrySet()).iterator(); it.hasNext(); ) {
            Map.Entry<Term, LockEntry> l = it.next();
            if (l.getValue().holders.contains(pid)) {
                removeLock(l.getKey(), l.getValue(), pid, true);
            }
        }
        notifyAll();
    }

    private boolean aliveOrRemote(Pid pid) {
        if (!pid.node().equals(me)) {
            return true;
        }
        LocalProcess p = node.process(pid);
        return p != null && p.isAlive();
    }

    private void housekeeping() {
        Set<Pid> dead = new HashSet<>();
        for (NameEntry e : names.values()) {
            if (!aliveOrRemote(e.pid())) {
                dead.add(e.pid());
            }
        }
        for (LockEntry l : locks.values()) {
            for (Pid p : l.holders) {
                if (!aliveOrRemote(p)) {
                    dead.add(p);
                }
            }
        }
        dead.forEach(this::processDown);
        long now = System.nanoTime();
        lostConnections.values().removeIf(l -> now - l.at() > LOST_CONNECTION_MEMORY_NANOS);
    }

    // ---- queries for the Java API

    synchronized Pid where(Term name) {
        NameEntry e = names.get(name);
        return e != null && aliveOrRemote(e.pid()) ? e.pid() : null;
    }

    synchronized List<Term> registeredNames() {
        return new ArrayList<>(names.keySet());
    }

    synchronized List<Term> namesOf(Pid pid) {
        List<Term> out = new ArrayList<>();
        for (NameEntry e : names.values()) {
            if (e.pid().equals(pid)) {
                out.add(e.name());
            }
        }
        return out;
    }

    synchronized List<Atom> knownNodes() {
        return new ArrayList<>(known.keySet());
    }

    synchronized List<Atom> syncedNodes() {
        return new ArrayList<>(synced);
    }

    /** True once every node in {@code nodes} is synced or no longer connected. Call holding the monitor. */
    boolean allSynced(List<Atom> nodes) {
        List<Atom> connected = null;
        for (Atom n : nodes) {
            if (!synced.contains(n)) {
                if (connected == null) {
                    connected = node.nodes();
                }
                if (connected.contains(n)) {
                    return false;
                }
            }
        }
        return true;
    }

    // ---- helpers

    private Peer peer(Atom n) {
        return peers.computeIfAbsent(n, k -> new Peer());
    }

    private Term myTag(Atom n) {
        Peer p = peers.get(n);
        return p == null ? UNDEFINED : orUndefined(p.myTag);
    }

    private Term hisTag(Atom n) {
        Peer p = peers.get(n);
        return p == null ? UNDEFINED : orUndefined(p.hisTag);
    }

    private static Term orUndefined(Term t) {
        return t == null ? UNDEFINED : t;
    }

    private void resetNodeState(Atom n) {
        peers.remove(n);
    }

    private int nodeVsn(Atom n) {
        if (n.equals(me)) {
            return PROTOCOL_VERSION;
        }
        Integer v = known.get(n);
        if (v == null) {
            v = pending.get(n);
        }
        return v == null ? 0 : v;
    }

    private Term knownList() {
        List<Term> out = new ArrayList<>();
        known.forEach((k, v) -> out.add(tuple(k, num(v))));
        return list(out);
    }

    private static Atom nodeOf(Term t) {
        if (t instanceof Atom a) {
            return a;
        }
        if (t instanceof Tuple tu && tu.arity() == 2 && tu.get(0) instanceof Atom a) {
            return a;
        }
        return null;
    }

    /** global.erl's add_to_known/2: the nodes that were not known before. */
    private List<Atom> addToKnown(List<Term> add) {
        List<Atom> added = new ArrayList<>();
        for (Term t : add) {
            Atom n = nodeOf(t);
            if (n == null || n.equals(me)) {
                continue;
            }
            int v = t instanceof Tuple tu ? (int) Terms.intValue(tu.get(1), 0) : 0;
            Integer old = known.get(n);
            if (old == null) {
                added.add(n);
                known.put(n, v);
            } else if (old < 0) {
                known.put(n, v);
            }
        }
        return added;
    }

    private void castTo(Atom n, Term msg) {
        node.send(mailbox.pid(), new Tuple(GLOBAL_NAME_SERVER, n), tuple(GEN_CAST, msg));
    }

    /** erlang:send(..., [noconnect]): only over a connection that is up. */
    private void volatileSend(Atom n, Term msg) {
        if (node.nodes(true, true).contains(n)) {
            node.send(mailbox.pid(), new Tuple(GLOBAL_NAME_SERVER, n), msg);
        }
    }

    @Override
    public String toString() {
        return "GlobalServer[" + me.name() + "]";
    }
}
