package io.jerl.protocol.node;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.dist.ControlMessage;
import io.jerl.protocol.dist.DistConnection;
import io.jerl.protocol.dist.DistHandler;
import io.jerl.protocol.dist.DistPeer;
import io.jerl.protocol.handshake.DistFlags;
import io.jerl.protocol.handshake.HandshakeListener;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Term;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's connections, one per peer node, and the rules for making them: dial on demand (sends queue
 * until the handshake is done, as erl's auto-connect does), accept, settle two nodes dialing each other at
 * once (the greater name's dial wins, as in net_kernel), and replace a connection to a peer that restarted.
 */
final class Connections implements HandshakeListener, DistHandler {
    private static final Logger log = LoggerFactory.getLogger(Connections.class);
    /** Messages queued for a peer while its connection is being made; past this, sends are dropped. */
    private static final int MAX_QUEUED = 100_000;
    /** How every TLS failure's reason starts (see TlsGate); such a reason names the peer itself. */
    private static final String TLS_REASON = "tls: ";

    /** A send waiting for its connection; {@code unreachable} (may be null) runs if the connection is never made. */
    private record Pending(Consumer<DistConnection> write, Runnable unreachable) {
    }

    /** One peer's connection, from the first dial or accept until it goes down. */
    private static final class Entry {
        final Atom peer;
        final CompletableFuture<DistConnection> up = new CompletableFuture<>();
        final List<Pending> queued = new ArrayList<>();
        /** Our dial is under way, from the EPMD lookup on; {@link #outgoing} is its channel once there is one. */
        boolean dialing;
        Channel outgoing;
        Channel incoming;
        volatile DistConnection connection;

        Entry(Atom peer) {
            this.peer = peer;
        }
    }

    private final Node node;
    private final Map<Atom, Entry> entries = new ConcurrentHashMap<>();

    Connections(Node node) {
        this.node = node;
    }

    /** The connection to {@code peer}, made if need be; completes with null when it cannot be made. */
    CompletableFuture<DistConnection> connect(Atom peer) {
        if (!node.isAlive()) {
            return CompletableFuture.failedFuture(new ProtocolException(node.name().name()
                    + " is not distributed; it cannot connect to " + peer.name()));
        }
        Entry e;
        boolean dial = false;
        synchronized (this) {
            e = entries.get(peer);
            if (e == null) {
                e = new Entry(peer);
                e.dialing = true;
                entries.put(peer, e);
                dial = true;
            }
        }
        if (dial) {
            dial(e);
        }
        return e.up;
    }

    /** Sends over the peer's connection, dialing it first if there is none; queued sends keep their order. */
    void send(Atom peer, Consumer<DistConnection> write) {
        send(peer, write, null);
    }

    /**
     * As {@link #send(Atom, Consumer)}; {@code unreachable} runs instead of {@code write} when the connection
     * cannot be made (links and monitors turn that into 'noconnection').
     */
    void send(Atom peer, Consumer<DistConnection> write, Runnable unreachable) {
        Entry e = entries.get(peer);
        DistConnection c = e == null ? null : e.connection;
        if (c != null) {
            write.accept(c);
            return;
        }
        connect(peer);
        synchronized (this) {
            e = entries.get(peer);
            if (e != null && e.connection == null) {
                if (e.queued.size() < MAX_QUEUED) {
                    e.queued.add(new Pending(write, unreachable));
                    return;
                }
                log.warn("dropping a message to {}: {} are already waiting for the connection", peer, MAX_QUEUED);
                e = null;
            }
            c = e == null ? null : e.connection;
        }
        if (c != null) {
            write.accept(c);
        } else if (unreachable != null) {
            unreachable.run(); // the dial already failed; plain messages are dropped, as erl drops them
        }
    }

    DistConnection connection(Atom peer) {
        Entry e = entries.get(peer);
        return e == null ? null : e.connection;
    }

    List<DistConnection> established() {
        List<DistConnection> all = new ArrayList<>();
        for (Entry e : entries.values()) {
            DistConnection c = e.connection;
            if (c != null) {
                all.add(c);
            }
        }
        return all;
    }

    /** Closes one connection, as erlang:disconnect_node/1; false if there was none. */
    boolean disconnect(Atom peer) {
        DistConnection c = connection(peer);
        if (c == null) {
            return false;
        }
        c.close("disconnected");
        // Gone at once, not when the channel has finished closing: a connect right after must dial anew
        // rather than find this entry and send into a closing channel.
        if (dropEntry(c, "disconnected")) {
            log.info("connection to {} closed: disconnected", peer.name());
        }
        return true;
    }

    void closeAll() {
        for (Entry e : entries.values()) {
            DistConnection c = e.connection;
            if (c != null) {
                c.close("node stopping");
            }
            if (e.outgoing != null) {
                e.outgoing.close();
            }
        }
    }

    private void dial(Entry e) {
        NodeName name;
        try {
            name = NodeName.parse(e.peer.name());
        } catch (ProtocolException bad) {
            dialFailed(e, null, bad.getMessage());
            return;
        }
        node.epmdClient().portPlease(name.host(), name.alive()).whenComplete((address, error) -> {
            if (error != null) {
                dialFailed(e, null, "EPMD on " + name.host() + " did not answer: " + rootMessage(error));
            } else if (address.isEmpty()) {
                dialFailed(e, null, "EPMD on " + name.host() + " knows no node called " + name.alive());
            } else {
                Bootstrap b = node.clientBootstrap(e.peer.name(), name.host());
                ChannelFuture connecting = b.connect(name.host(), address.get().port());
                // The channel is the entry's dial from its registration on (see dialing), so a refused or
                // timed-out connect must name it to end the entry; otherwise later connects wait on it forever.
                connecting.addListener(f -> {
                    if (!f.isSuccess()) {
                        dialFailed(e, connecting.channel(), "cannot reach " + name.host() + ":"
                                + address.get().port() + ": " + rootMessage(f.cause()));
                    }
                });
            }
        });
    }

    /**
     * Called by the client bootstrap's initializer with the dial's channel. A dial that lost the race while
     * it was still looking the peer up is closed here, before it says anything.
     */
    void dialing(Atom peer, Channel ch) {
        synchronized (this) {
            Entry e = entries.get(peer);
            if (e != null && e.dialing && e.connection == null) {
                e.outgoing = ch;
                return;
            }
        }
        ch.close();
    }

    /** Our dial ({@code ch}, or the lookup before it when null) failed; the entry fails unless the peer's own dial lives. */
    private void dialFailed(Entry e, Channel ch, String reason) {
        synchronized (this) {
            boolean current = ch != null ? e.outgoing == ch : e.dialing && e.outgoing == null;
            if (!current) {
                return; // a dial that already gave way to the peer's; the entry lives on
            }
            e.outgoing = null;
            e.dialing = false;
        }
        if (reason.startsWith(TLS_REASON)) {
            log.warn("{}", reason); // names the peer and its address already
        } else {
            log.warn("cannot connect to {}: {}", e.peer.name(), reason);
        }
        abandonIfIdle(e);
    }

    /** Ends an entry that no dial, accept or connection can complete any more; queued messages are dropped. */
    private void abandonIfIdle(Entry e) {
        List<Pending> dropped;
        synchronized (this) {
            if (e.dialing || e.incoming != null || e.connection != null || !entries.remove(e.peer, e)) {
                return;
            }
            dropped = new ArrayList<>(e.queued);
            e.queued.clear();
        }
        if (!dropped.isEmpty()) {
            log.info("dropped {} message(s) sent to {} while it was unreachable", dropped.size(), e.peer.name());
        }
        e.up.complete(null);
        for (Pending p : dropped) {
            if (p.unreachable() != null) {
                p.unreachable().run();
            }
        }
    }

    // ---- HandshakeListener

    @Override
    public AcceptStatus admit(Channel channel, String peerName, boolean peerHidden) {
        Atom peer = Atom.of(peerName);
        Channel loser = null;
        AcceptStatus status;
        synchronized (this) {
            Entry e = entries.get(peer);
            if (e == null) {
                e = new Entry(peer);
                entries.put(peer, e);
                e.incoming = channel;
                status = AcceptStatus.OK;
            } else if (e.connection != null) {
                status = AcceptStatus.ALIVE;
            } else if (e.incoming != null) {
                status = AcceptStatus.NOK;
            } else if (e.dialing && node.name().compareTo(peer) > 0) {
                status = AcceptStatus.NOK; // our dial wins; theirs gives way, as in net_kernel
            } else {
                status = e.dialing ? AcceptStatus.OK_SIMULTANEOUS : AcceptStatus.OK;
                loser = e.outgoing; // their dial wins; ours gives way, even if it has no channel yet
                e.dialing = false;
                e.outgoing = null;
                e.incoming = channel;
            }
        }
        if (loser != null) {
            loser.close();
        }
        return status;
    }

    @Override
    public boolean stillWanted(Channel channel, String peerName) {
        synchronized (this) {
            Entry e = entries.get(Atom.of(peerName));
            return e != null && e.outgoing == channel && e.connection == null;
        }
    }

    @Override
    public void replaceExisting(Channel channel, String peerName) {
        DistConnection old = connection(Atom.of(peerName));
        if (old != null) {
            log.info("{} connected again: it restarted, so the old connection goes", peerName);
            dropEntry(old, "replaced by a new connection from the same node");
            old.close("replaced by a new connection");
        }
        synchronized (this) {
            Entry e = new Entry(Atom.of(peerName));
            e.incoming = channel;
            entries.put(e.peer, e);
        }
    }

    @Override
    public ChannelHandler established(Channel channel, DistPeer peer, boolean initiator) {
        if (node.isClosed()) {
            return null;
        }
        DistConnection c = new DistConnection(channel, peer, this, node.termDecoder(), node.options().netTickTime());
        Entry e;
        List<Pending> queued;
        synchronized (this) {
            e = entries.computeIfAbsent(peer.name(), Entry::new);
            if (e.connection != null) {
                return null; // cannot happen by the rules above; refuse rather than hold two
            }
            e.dialing = false;
            e.outgoing = null;
            e.incoming = null;
            queued = new ArrayList<>(e.queued);
            e.queued.clear();
            for (Pending p : queued) {
                p.write().accept(c);
            }
            e.connection = c;
        }
        c.start();
        boolean hidden = node.options().hidden() || !peer.has(DistFlags.PUBLISHED);
        log.info("connected to {} ({}{})", peer.name().name(), initiator ? "we dialed" : "it dialed",
                hidden ? ", hidden" : "");
        e.up.complete(c);
        node.nodeUp(peer.name(), hidden);
        return c;
    }

    @Override
    public void failed(Channel channel, String peerName, boolean initiator, String reason) {
        if (peerName == null) {
            if (reason.startsWith(TLS_REASON)) {
                log.warn("{}", reason); // a refused certificate or a plain peer: worth a warning, and it names the peer
            } else {
                log.info("an incoming connection from {} failed its handshake: {}", channel.remoteAddress(), reason);
            }
            return;
        }
        Entry e = entries.get(Atom.of(peerName));
        if (e == null) {
            return;
        }
        if (initiator) {
            dialFailed(e, channel, reason);
            return;
        }
        synchronized (this) {
            if (e.incoming != channel) {
                return;
            }
            e.incoming = null;
        }
        log.info("a connection attempt from {} failed: {}", peerName, reason);
        abandonIfIdle(e);
    }

    @Override
    public void lostRace(Channel channel, String peerName) {
        Entry e = entries.get(Atom.of(peerName));
        if (e == null) {
            return;
        }
        synchronized (this) {
            if (e.outgoing == channel) {
                e.outgoing = null;
                e.dialing = false;
            }
        }
        // The peer's dial to us completes the entry; give up if it never comes.
        node.eventLoop().schedule(() -> abandonIfIdle(e), node.options().handshakeTimeout().toMillis() * 2,
                TimeUnit.MILLISECONDS);
    }

    // ---- DistHandler

    @Override
    public void controlMessage(DistConnection connection, ControlMessage message, Term payload) {
        node.dispatch(connection, message, payload);
    }

    @Override
    public void closed(DistConnection connection, String reason) {
        if (dropEntry(connection, reason)) {
            if (reason.startsWith("not responding")) {
                log.error("** Node {} not responding ** ** Removing (timedout) connection **", connection.peer().name().name());
            } else {
                log.info("connection to {} closed: {}", connection.peer().name().name(), reason);
            }
        }
    }

    private boolean dropEntry(DistConnection connection, String reason) {
        Atom peer = connection.peer().name();
        synchronized (this) {
            Entry e = entries.get(peer);
            if (e == null || e.connection != connection) {
                return false;
            }
            entries.remove(peer, e);
        }
        node.nodeDown(peer, reason);
        return true;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
