package io.jerl.protocol.node;

import io.jerl.protocol.dist.ControlMessage;
import io.jerl.protocol.dist.ControlMessage.AliasSend;
import io.jerl.protocol.dist.ControlMessage.AltactSigSend;
import io.jerl.protocol.dist.ControlMessage.DemonitorP;
import io.jerl.protocol.dist.ControlMessage.Exit;
import io.jerl.protocol.dist.ControlMessage.GroupLeader;
import io.jerl.protocol.dist.ControlMessage.Link;
import io.jerl.protocol.dist.ControlMessage.MonitorP;
import io.jerl.protocol.dist.ControlMessage.MonitorPExit;
import io.jerl.protocol.dist.ControlMessage.RegSend;
import io.jerl.protocol.dist.ControlMessage.Send;
import io.jerl.protocol.dist.ControlMessage.SpawnReply;
import io.jerl.protocol.dist.ControlMessage.SpawnRequest;
import io.jerl.protocol.dist.ControlMessage.UnlinkId;
import io.jerl.protocol.dist.ControlMessage.UnlinkIdAck;
import io.jerl.protocol.dist.DistConnection;
import io.jerl.protocol.handshake.DistFlags;
import io.jerl.protocol.node.LocalProcess.Monitor;
import io.jerl.protocol.node.LocalProcess.Watcher;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signals between processes — links, exit signals, monitors, aliases, node monitors — routed the same
 * way whether the other process is here or on another node, and the control messages peers send for them.
 */
final class Signals {
    private static final Logger log = LoggerFactory.getLogger(Signals.class);
    private static final Atom EXIT = Atom.of("EXIT");
    private static final Atom DOWN = Atom.of("DOWN");
    private static final Atom PROCESS = Atom.of("process");
    private static final Atom NOPROC = Atom.of("noproc");
    private static final Atom NOCONNECTION = Atom.of("noconnection");
    private static final Atom NODEUP = Atom.of("nodeup");
    private static final Atom NODEDOWN = Atom.of("nodedown");

    private final Node node;
    private final Connections connections;
    private final Map<Ref, LocalProcess> aliases = new ConcurrentHashMap<>();
    /** monitor_node/2: each process once per call, as erl counts them. */
    private final Map<Atom, List<LocalProcess>> nodeWatchers = new ConcurrentHashMap<>();
    private final Set<LocalProcess> nodesWatchers = ConcurrentHashMap.newKeySet();
    private final AtomicLong unlinkIds = new AtomicLong(1);

    Signals(Node node, Connections connections) {
        this.node = node;
        this.connections = connections;
    }

    // ---- links and exit signals

    void link(LocalProcess p, Pid other) {
        if (other.equals(p.pid())) {
            return;
        }
        if (isLocal(other)) {
            LocalProcess target = node.process(other);
            if (target != null && target.addLink(p.pid())) {
                p.addLink(other);
            } else if (target == null || !target.isAlive()) {
                deliverExitSignal(p, other, NOPROC, true, true);
            }
            return;
        }
        if (p.addLink(other)) {
            connections.send(other.node(), c -> c.send(new Link(p.pid(), other), null),
                    () -> deliverExitSignal(p, other, NOCONNECTION, true, false));
        }
    }

    void unlink(LocalProcess p, Pid other) {
        if (isLocal(other)) {
            p.removeLink(other);
            LocalProcess target = node.process(other);
            if (target != null) {
                target.removeLink(p.pid());
            }
            return;
        }
        long id = unlinkIds.getAndIncrement();
        if (p.beginUnlink(other, id)) {
            DistConnection c = connections.connection(other.node());
            if (c != null) {
                c.send(new UnlinkId(id, p.pid(), other), null);
            }
        }
    }

    /** exit/2 from {@code from} to {@code to}. */
    void exitSignal(Pid from, Pid to, Term reason) {
        if (isLocal(to)) {
            LocalProcess target = node.process(to);
            if (target != null) {
                deliverExitSignal(target, from, reason, false, false);
            }
            return;
        }
        connections.send(to.node(), c -> c.send(exitMessage(c, false, from, to, reason), exitPayload(c, reason)));
    }

    /**
     * What an exit signal does on arrival: a link signal only counts while the link exists; a trapping
     * process gets a message (except for an untrappable exit/2 'kill'); otherwise anything but 'normal' ends it.
     * {@code linkAlreadyGone} is for signals that replace a link that never formed (noproc, noconnection).
     */
    private void deliverExitSignal(LocalProcess target, Pid from, Term reason, boolean linked, boolean linkAlreadyGone) {
        if (linked && !linkAlreadyGone && (target.isUnlinking(from) || !target.removeLink(from))) {
            return;
        }
        if (linked && linkAlreadyGone) {
            target.removeLink(from);
        }
        boolean untrappableKill = !linked && reason.equals(LocalProcess.KILL);
        if (target.trapsExit() && !untrappableKill) {
            target.deliver(new Tuple(EXIT, from, reason));
        } else if (untrappableKill) {
            target.exit(LocalProcess.KILLED);
        } else if (!reason.equals(LocalProcess.NORMAL) || (!linked && from.equals(target.pid()))) {
            target.exit(reason);
        }
    }

    private static ControlMessage exitMessage(DistConnection c, boolean linked, Pid from, Pid to, Term reason) {
        boolean payload = c.peer().has(DistFlags.EXIT_PAYLOAD);
        return new Exit(linked, from, to, reason, null, payload);
    }

    private static Term exitPayload(DistConnection c, Term reason) {
        return c.peer().has(DistFlags.EXIT_PAYLOAD) ? reason : null;
    }

    // ---- monitors

    Ref monitor(LocalProcess p, Term target) {
        Ref ref = node.makeRef();
        if (target instanceof Pid pid) {
            monitorProcess(p, ref, pid.node(), pid, pid);
        } else if (target instanceof Atom name) {
            monitorProcess(p, ref, node.name(), name, new Tuple(name, node.name()));
        } else if (target instanceof Tuple t && t.arity() == 2 && t.get(0) instanceof Atom name
                && t.get(1) instanceof Atom where) {
            monitorProcess(p, ref, where, name, new Tuple(name, where));
        } else {
            throw new io.jerl.protocol.ProtocolException("badarg: cannot monitor " + target
                    + "; expected a pid, a name or {Name, Node}");
        }
        return ref;
    }

    /** {@code wireTarget} is the pid or the bare name; {@code object} is what the 'DOWN' message names. */
    private void monitorProcess(LocalProcess p, Ref ref, Atom where, Term wireTarget, Term object) {
        if (where.equals(node.name())) {
            LocalProcess target = wireTarget instanceof Pid pid ? node.process(pid) : node.registered((Atom) wireTarget);
            p.addMonitor(new Monitor(ref, where, object));
            if (target == null || !target.addWatcher(new Watcher(p.pid(), ref, wireTarget))) {
                down(p, ref, NOPROC);
            }
            return;
        }
        p.addMonitor(new Monitor(ref, where, object));
        connections.send(where, c -> c.send(new MonitorP(p.pid(), wireTarget, ref), null),
                () -> down(p, ref, NOCONNECTION));
    }

    boolean demonitor(LocalProcess p, Ref ref) {
        Monitor m = p.removeMonitor(ref);
        if (m == null) {
            return false;
        }
        Term wireTarget = m.object() instanceof Tuple t ? t.get(0) : m.object();
        if (m.node().equals(node.name())) {
            LocalProcess target = wireTarget instanceof Pid pid ? node.process(pid) : node.registered((Atom) wireTarget);
            if (target != null) {
                target.removeWatcher(ref);
            }
        } else {
            DistConnection c = connections.connection(m.node());
            if (c != null) {
                c.send(new DemonitorP(p.pid(), wireTarget, ref), null);
            }
        }
        return true;
    }

    /** Delivers {'DOWN', Ref, process, Object, Reason} if the monitor is still held. */
    private void down(LocalProcess watcher, Ref ref, Term reason) {
        Monitor m = watcher.removeMonitor(ref);
        if (m != null) {
            watcher.deliver(new Tuple(DOWN, ref, PROCESS, m.object(), reason));
        }
    }

    // ---- aliases

    Ref alias(LocalProcess p) {
        Ref ref = node.makeRef();
        aliases.put(ref, p);
        p.addAlias(ref);
        return ref;
    }

    boolean unalias(LocalProcess p, Ref ref) {
        return p.removeAlias(ref) && aliases.remove(ref, p);
    }

    /** The process an alias names, or null. */
    LocalProcess aliased(Ref ref) {
        return aliases.get(ref);
    }

    // ---- node monitors

    void monitorNode(LocalProcess p, Atom peer, boolean on) {
        if (!on) {
            List<LocalProcess> ws = nodeWatchers.get(peer);
            if (ws != null) {
                ws.remove(p);
            }
            return;
        }
        if (peer.equals(node.name())) {
            return;
        }
        nodeWatchers.computeIfAbsent(peer, k -> new CopyOnWriteArrayList<>()).add(p);
        node.connectAsync(peer).thenAccept(c -> {
            if (c == null) {
                List<LocalProcess> ws = nodeWatchers.get(peer);
                if (ws != null && ws.remove(p)) {
                    p.deliver(new Tuple(NODEDOWN, peer));
                }
            }
        });
    }

    void monitorNodes(LocalProcess p, boolean on) {
        if (on) {
            nodesWatchers.add(p);
        } else {
            nodesWatchers.remove(p);
        }
    }

    void nodeUp(Atom peer, boolean hidden) {
        if (!hidden) {
            for (LocalProcess p : nodesWatchers) {
                p.deliver(new Tuple(NODEUP, peer));
            }
        }
    }

    /** A connection went: linked processes get 'noconnection', monitors fire, node monitors hear nodedown. */
    void nodeDown(Atom peer, boolean hidden, List<LocalProcess> processes) {
        for (LocalProcess p : processes) {
            LocalProcess.NodeLoss loss = p.forgetNode(peer);
            for (Monitor m : loss.monitors()) {
                p.deliver(new Tuple(DOWN, m.ref(), PROCESS, m.object(), NOCONNECTION));
            }
            for (Pid linked : loss.links()) {
                deliverExitSignal(p, linked, NOCONNECTION, true, true);
            }
        }
        List<LocalProcess> ws = nodeWatchers.remove(peer);
        if (ws != null) {
            for (LocalProcess p : ws) {
                p.deliver(new Tuple(NODEDOWN, peer));
            }
        }
        if (!hidden) {
            for (LocalProcess p : nodesWatchers) {
                p.deliver(new Tuple(NODEDOWN, peer));
            }
        }
    }

    // ---- a local process ended

    void exited(LocalProcess p, LocalProcess.Exit e) {
        node.forget(p);
        nodesWatchers.remove(p);
        for (List<LocalProcess> ws : nodeWatchers.values()) {
            ws.removeIf(w -> w == p);
        }
        for (Ref a : e.aliases()) {
            aliases.remove(a, p);
        }
        Term reason = e.reason();
        for (Pid linked : e.links()) {
            if (isLocal(linked)) {
                LocalProcess other = node.process(linked);
                if (other != null) {
                    deliverExitSignal(other, p.pid(), reason, true, false);
                }
            } else {
                DistConnection c = connections.connection(linked.node());
                if (c != null) {
                    c.send(exitMessage(c, true, p.pid(), linked, reason), exitPayload(c, reason));
                }
            }
        }
        for (Watcher w : e.watchers()) {
            if (isLocal(w.watcher())) {
                LocalProcess other = node.process(w.watcher());
                if (other != null) {
                    down(other, w.ref(), reason);
                }
            } else {
                DistConnection c = connections.connection(w.watcher().node());
                if (c != null) {
                    boolean payload = c.peer().has(DistFlags.EXIT_PAYLOAD);
                    c.send(new MonitorPExit(w.target(), w.watcher(), w.ref(), reason, payload), payload ? reason : null);
                }
            }
        }
        for (Monitor m : e.monitors()) {
            Term wireTarget = m.object() instanceof Tuple t ? t.get(0) : m.object();
            if (m.node().equals(node.name())) {
                LocalProcess target = wireTarget instanceof Pid pid ? node.process(pid) : node.registered((Atom) wireTarget);
                if (target != null) {
                    target.removeWatcher(m.ref());
                }
            } else {
                DistConnection c = connections.connection(m.node());
                if (c != null) {
                    c.send(new DemonitorP(p.pid(), wireTarget, m.ref()), null);
                }
            }
        }
    }

    // ---- control messages from peers (network threads; nothing here blocks)

    void dispatch(DistConnection from, ControlMessage message, Term payload) {
        if (message instanceof Send s) {
            deliverTo(node.process(s.to()), payload);
        } else if (message instanceof RegSend r) {
            LocalProcess p = node.registered(r.toName());
            if (p != null) {
                p.deliver(payload);
            } else {
                log.debug("{} sent to {}, which is not registered here; dropped", r.from(), r.toName().name());
            }
        } else if (message instanceof AliasSend a) {
            deliverTo(aliases.get(a.alias()), payload);
        } else if (message instanceof AltactSigSend a) {
            altactSig(a, payload);
        } else if (message instanceof Link l) {
            LocalProcess p = node.process(l.to());
            if (p == null || !p.addLink(l.from())) {
                if (p == null || !p.isAlive()) {
                    from.send(exitMessage(from, true, l.to(), l.from(), NOPROC), exitPayload(from, NOPROC));
                }
            }
        } else if (message instanceof UnlinkId u) {
            // The ack goes out before any other signal from this process to the unlinker.
            from.send(new UnlinkIdAck(u.id(), u.to(), u.from()), null);
            LocalProcess p = node.process(u.to());
            if (p != null) {
                p.removeLink(u.from());
            }
        } else if (message instanceof UnlinkIdAck a) {
            LocalProcess p = node.process(a.to());
            if (p != null) {
                p.unlinkAcked(a.from(), a.id());
            }
        } else if (message instanceof Exit e) {
            LocalProcess p = node.process(e.to());
            if (p != null) {
                deliverExitSignal(p, e.from(), e.reason(), e.linked(), false);
            }
        } else if (message instanceof MonitorP m) {
            LocalProcess p = m.target() instanceof Pid pid ? node.process(pid)
                    : m.target() instanceof Atom a ? node.registered(a) : null;
            if (p == null || !p.addWatcher(new Watcher(m.from(), m.ref(), m.target()))) {
                boolean pl = from.peer().has(DistFlags.EXIT_PAYLOAD);
                from.send(new MonitorPExit(m.target(), m.from(), m.ref(), NOPROC, pl), pl ? NOPROC : null);
            }
        } else if (message instanceof DemonitorP d) {
            LocalProcess p = d.target() instanceof Pid pid ? node.process(pid)
                    : d.target() instanceof Atom a ? node.registered(a) : null;
            if (p != null) {
                p.removeWatcher(d.ref());
            }
        } else if (message instanceof MonitorPExit m) {
            LocalProcess p = node.process(m.watcher());
            if (p != null) {
                down(p, m.ref(), m.reason());
            }
        } else if (message instanceof GroupLeader g) {
            LocalProcess p = node.process(g.to());
            if (p != null) {
                p.setGroupLeader(g.from());
            }
        } else if (message instanceof SpawnRequest r) {
            node.spawner().request(from, r, payload);
        } else if (message instanceof SpawnReply r) {
            node.spawner().reply(r);
        } else {
            log.info("{} sent {}, which jerl does not handle; ignored", from.peer().name().name(), message);
        }
    }

    /**
     * No jerl alias or process takes priority signals, so a priority one is handled as an ordinary signal,
     * as erl handles it for a receiver that has not enabled priority reception.
     */
    private void altactSig(AltactSigSend a, Term payload) {
        LocalProcess p = a.is(AltactSigSend.ALIAS) ? aliases.get((Ref) a.to())
                : a.is(AltactSigSend.NAME) ? node.registered((Atom) a.to()) : node.process((Pid) a.to());
        if (p == null) {
            log.debug("{} sent to {}, which is not here; dropped", a.from(), a.to());
        } else if (a.is(AltactSigSend.EXIT)) {
            deliverExitSignal(p, a.from(), payload, false, false);
        } else {
            p.deliver(payload);
        }
    }

    private static void deliverTo(LocalProcess p, Term message) {
        if (p != null) {
            p.deliver(message);
        }
    }

    private boolean isLocal(Pid pid) {
        return pid.node().equals(node.name());
    }
}
