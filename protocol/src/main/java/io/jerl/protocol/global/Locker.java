package io.jerl.protocol.global;

import static io.jerl.protocol.global.Terms.ADD_TO_KNOWN;
import static io.jerl.protocol.global.Terms.CANCEL;
import static io.jerl.protocol.global.Terms.GEN_CAST;
import static io.jerl.protocol.global.Terms.GLOBAL;
import static io.jerl.protocol.global.Terms.GLOBAL_NAME_SERVER;
import static io.jerl.protocol.global.Terms.HIS_THE_LOCKER;
import static io.jerl.protocol.global.Terms.LOCK_IS_SET;
import static io.jerl.protocol.global.Terms.LOCK_SET;
import static io.jerl.protocol.global.Terms.NO_FUN;
import static io.jerl.protocol.global.Terms.REMOVE_FROM_KNOWN;
import static io.jerl.protocol.global.Terms.UNDEFINED;
import static io.jerl.protocol.global.Terms.elements;
import static io.jerl.protocol.global.Terms.is;
import static io.jerl.protocol.global.Terms.list;
import static io.jerl.protocol.global.Terms.num;
import static io.jerl.protocol.global.Terms.tuple;

import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * global's "the locker": a process per node that, for each node being connected, takes the cluster-wide
 * lock {@code {global, [LockerA, LockerB]}} together with that node's locker, so the two name servers can
 * exchange their names while nobody registers. Its pid travels in {@code init_connect}; other lockers reach
 * it through {@code lock_set} casts to our name server, which forwards them here.
 */
final class Locker implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Locker.class);
    private static final Duration WAKE = Duration.ofSeconds(1);

    /** A node being connected: its locker, the protocol version, and both sides' tags. */
    private record Him(Atom node, Pid locker, int vsn, Term myTag, Term hisTag) {
    }

    private final Global global;
    private final Node node;
    private final Atom me;
    private final Mailbox mailbox;
    private final GlobalServer server;
    private final String myHost;
    private final Map<Long, Runnable> funs = new ConcurrentHashMap<>();
    private final AtomicLong nextFun = new AtomicLong();

    // owned by the locker thread
    private final List<Him> local = new ArrayList<>();
    private final List<Him> remote = new ArrayList<>();
    private final List<Atom> known = new ArrayList<>();
    private Atom boss;
    private boolean justSynced;

    Locker(Global global, Node node, Mailbox mailbox, GlobalServer server) {
        this.global = global;
        this.node = node;
        this.me = node.name();
        this.mailbox = mailbox;
        this.server = server;
        this.myHost = hostOf(me);
        this.boss = me;
    }

    Pid pid() {
        return mailbox.pid();
    }

    /** A message for the locker, from any thread. */
    void send(Term message) {
        node.send(server.pid(), mailbox.pid(), message);
    }

    /** {@code {cancel, Node, Tag, Fun}}; the fun runs on the locker thread if it is waiting for this cancel. */
    void cancel(Atom n, Term tag, Runnable fun) {
        Term f = NO_FUN;
        if (fun != null) {
            long id = nextFun.incrementAndGet();
            funs.put(id, fun);
            f = num(id);
        }
        send(tuple(CANCEL, n, tag, f));
    }

    @Override
    public void run() {
        known.addAll(server.knownNodes());
        boss = Terms.max(withMe(known));
        try {
            loop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (mailbox.isAlive()) {
                log.error("global's locker on {} failed", me.name(), e);
            }
        }
    }

    private void loop() throws InterruptedException {
        while (mailbox.isAlive()) {
            try {
                step();
            } catch (RuntimeException e) {
                if (mailbox.isAlive()) {
                    log.warn("global's locker on {} failed; carrying on", me.name(), e);
                }
            }
        }
    }

    private void step() throws InterruptedException {
        Term m = mailbox.receive(Duration.ZERO);
        if (m != null) {
            handle(m);
            return;
        }
        long timeout;
        if (local.isEmpty() && remote.isEmpty()) {
            timeout = -1;
        } else if (justSynced) {
            timeout = 0;
        } else if (known.isEmpty()) {
            timeout = 200;
        } else {
            timeout = Math.min(1000 + 100L * known.size(), 3000);
        }
        justSynced = false;
        if (timeout < 0) {
            m = mailbox.receive(WAKE);
            if (m != null) {
                handle(m);
            }
            return;
        }
        m = mailbox.receive(Duration.ofMillis(timeout));
        if (m != null) {
            handle(m);
        } else if (mailbox.isAlive() && !server.isGlobalLockSet()) {
            selectNode();
        }
    }

    /** global.erl's the_locker_message/2. */
    private void handle(Term m) throws InterruptedException {
        if (is(m, HIS_THE_LOCKER, 5) && m instanceof Tuple t && t.get(1) instanceof Pid hisLocker) {
            int vsn = t.get(2) instanceof Tuple v && v.arity() == 2 ? (int) Terms.intValue(v.get(0), 0) : 0;
            Him him = new Him(hisLocker.node(), hisLocker, vsn, t.get(4), t.get(3));
            if (hostOf(him.node()).equals(myHost)) {
                local.add(0, him);
            } else {
                remote.add(0, him);
            }
        } else if (is(m, CANCEL, 4) && m instanceof Tuple t && t.get(1) instanceof Atom n) {
            forgetFun(t.get(3));
            if (!t.get(2).equals(UNDEFINED)) {
                removeNode(n, t.get(2));
            }
        } else if ((is(m, LOCK_SET, 5) || is(m, LOCK_SET, 4)) && m instanceof Tuple t && t.get(1) instanceof Pid p) {
            if (!t.get(2).equals(Atom.TRUE)) {
                return;
            }
            Him him = find(p.node());
            if (him == null) {
                sendLockSet(false, p, 5, num(0));
            } else if (t.arity() == 4 || him.myTag().equals(t.get(4))) {
                lockSetTrue(p, him);
            }
        } else if (is(m, ADD_TO_KNOWN, 2) && m instanceof Tuple t) {
            for (Term n : elements(t.get(1))) {
                if (n instanceof Atom a) {
                    known.add(0, a);
                }
            }
            boss = Terms.max(withMe(known));
        } else if (is(m, REMOVE_FROM_KNOWN, 2) && m instanceof Tuple t && t.get(1) instanceof Atom n) {
            known.remove(n);
            boss = Terms.max(withMe(known));
        } else {
            log.trace("locker on {} ignores {}", me.name(), m);
        }
    }

    /** His locker has the lock on his side and asks us to take it here too. */
    private void lockSetTrue(Pid hisLocker, Him him) throws InterruptedException {
        Term lockId = lockerLockId(hisLocker);
        boolean set = lockNodesSafely(lockId, List.of());
        sendLockSet(set, hisLocker, him.vsn(), him.hisTag());
        List<Atom> known2 = withMe(known);
        if (set) {
            castToServer(tuple(LOCK_IS_SET, him.node(), him.myTag(), lockId));
            waitCancelLock(him.node(), lockId, him.myTag(), known2);
            justSynced = true;
            removeNode(him.node(), him.myTag());
        } else {
            justSynced = false;
        }
    }

    /** Picks a node to connect to and tries to take the lock for the pair, as global.erl's select_node/1. */
    private void selectNode() throws InterruptedException {
        List<Him> others = local.isEmpty() ? remote : local;
        others.removeIf(h -> known.contains(h.node()));
        if (others.isEmpty()) {
            return;
        }
        Him him = others.get(ThreadLocalRandom.current().nextInt(others.size()));
        Term lockId = lockerLockId(him.locker());
        boolean set = lockNodesSafely(lockId, List.of(him.node()));
        if (set) {
            List<Atom> known1 = new ArrayList<>(List.of(me, him.node()));
            known1.addAll(known);
            sendLockSet(true, him.locker(), him.vsn(), him.hisTag());
            lockIsSet(him, known1, lockId);
        }
    }

    /** Waits for his answer to our lock_set, or for a cancel of this connection. */
    private void lockIsSet(Him him, List<Atom> known1, Term lockId) throws InterruptedException {
        Atom n = him.node();
        Term myTag = him.myTag();
        Predicate<Term> mine = m -> ((is(m, LOCK_SET, 5) || is(m, LOCK_SET, 4))
                && ((Tuple) m).get(1) instanceof Pid p && p.node().equals(n))
                || (is(m, CANCEL, 4) && ((Tuple) m).get(1).equals(n) && ((Tuple) m).get(2).equals(myTag));
        while (mailbox.isAlive()) {
            Term m = mailbox.receive(mine, WAKE);
            if (m == null) {
                continue;
            }
            Tuple t = (Tuple) m;
            if (is(t, CANCEL, 4)) {
                runFun(t.get(3));
                global.deleteGlobalLock(mailbox, lockId, known1);
                removeNode(n, myTag);
                return;
            }
            boolean old = t.arity() == 5 && !t.get(4).equals(myTag);
            if (old) {
                continue;
            }
            if (t.get(2).equals(Atom.TRUE)) {
                castToServer(tuple(LOCK_IS_SET, n, myTag, lockId));
                waitCancelLock(n, lockId, myTag, known1);
                justSynced = true;
                local.remove(him);
                remote.remove(him);
            } else {
                global.deleteGlobalLock(mailbox, lockId, known1);
            }
            return;
        }
    }

    /** Holds the lock until the name server is through with the node (its cancel), then lets go. */
    private void waitCancelLock(Atom n, Term lockId, Term myTag, List<Atom> nodes) throws InterruptedException {
        Predicate<Term> cancel = m -> is(m, CANCEL, 4) && ((Tuple) m).get(1).equals(n) && ((Tuple) m).get(2).equals(myTag);
        while (mailbox.isAlive()) {
            Term m = mailbox.receive(cancel, WAKE);
            if (m != null) {
                runFun(((Tuple) m).get(3));
                global.deleteGlobalLock(mailbox, lockId, nodes);
                return;
            }
        }
    }

    /**
     * Takes the lock on the boss first, then on us and {@code extra}, then on every known node; on any
     * refusal it lets go of what it took. One try, as global.erl's lock_nodes_safely/3.
     */
    private boolean lockNodesSafely(Term lockId, List<Atom> extra) throws InterruptedException {
        List<Atom> first = new ArrayList<>();
        if (boss != null) {
            first.add(boss);
        }
        if (!(first.equals(List.of(me)) || server.canSetLock(lockId))) {
            return false;
        }
        if (!global.setLockOnNodes(mailbox, lockId, first)) {
            return false;
        }
        updateKnown();
        List<Atom> second = new ArrayList<>();
        second.add(me);
        second.addAll(extra);
        second.removeAll(first);
        if (!global.setLockOnNodes(mailbox, lockId, second)) {
            global.delLock(mailbox, lockId, first);
            return false;
        }
        List<Atom> rest = new ArrayList<>(known);
        rest.removeAll(first);
        if (!global.setLockOnNodes(mailbox, lockId, rest)) {
            List<Atom> soFar = new ArrayList<>(first);
            soFar.addAll(second);
            global.delLock(mailbox, lockId, soFar);
            return false;
        }
        return true;
    }

    /** Takes the known-node updates that are waiting, as global.erl's update_locker_known/1. */
    private void updateKnown() throws InterruptedException {
        while (true) {
            Term m = mailbox.receive(t -> is(t, ADD_TO_KNOWN, 2) || is(t, REMOVE_FROM_KNOWN, 2), Duration.ZERO);
            if (m == null) {
                return;
            }
            handle(m);
        }
    }

    private void sendLockSet(boolean set, Pid hisLocker, int vsn, Term hisTag) {
        Term known0 = list(known);
        Term msg = vsn < 8 ? tuple(LOCK_SET, mailbox.pid(), Atom.of(set), known0)
                : tuple(LOCK_SET, mailbox.pid(), Atom.of(set), known0, hisTag);
        if (vsn < 6) {
            node.send(mailbox.pid(), hisLocker, msg);
        } else {
            node.send(mailbox.pid(), new Tuple(GLOBAL_NAME_SERVER, hisLocker.node()), tuple(GEN_CAST, msg));
        }
    }

    private void castToServer(Term msg) {
        node.send(mailbox.pid(), server.pid(), tuple(GEN_CAST, msg));
    }

    private Term lockerLockId(Pid his) {
        Pid mine = mailbox.pid();
        List<Term> pair = Terms.compare(mine, his) <= 0 ? List.of(mine, his) : List.of(his, mine);
        return tuple(GLOBAL, list(pair));
    }

    private Him find(Atom n) {
        for (Him h : local) {
            if (h.node().equals(n)) {
                return h;
            }
        }
        for (Him h : remote) {
            if (h.node().equals(n)) {
                return h;
            }
        }
        return null;
    }

    private void removeNode(Atom n, Term tag) {
        removeFirst(local, n, tag);
        removeFirst(remote, n, tag);
    }

    private static void removeFirst(List<Him> hims, Atom n, Term tag) {
        for (int i = 0; i < hims.size(); i++) {
            if (hims.get(i).node().equals(n) && hims.get(i).myTag().equals(tag)) {
                hims.remove(i);
                return;
            }
        }
    }

    private void runFun(Term ref) {
        if (ref instanceof ErlInt id) {
            Runnable f = funs.remove(id.value());
            if (f != null) {
                try {
                    f.run();
                } catch (RuntimeException e) {
                    log.warn("global's locker on {}: the cancel action failed", me.name(), e);
                }
            }
        }
    }

    private void forgetFun(Term ref) {
        if (ref instanceof ErlInt id) {
            funs.remove(id.value());
        }
    }

    private List<Atom> withMe(List<Atom> nodes) {
        List<Atom> all = new ArrayList<>();
        all.add(me);
        all.addAll(nodes);
        return all;
    }

    private static String hostOf(Atom n) {
        int at = n.name().indexOf('@');
        return at < 0 ? "" : n.name().substring(at + 1);
    }
}
