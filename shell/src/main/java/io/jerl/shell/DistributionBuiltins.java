package io.jerl.shell;

import io.jerl.protocol.epmd.NodeAddress;
import io.jerl.protocol.epmd.RegisteredNode;
import io.jerl.protocol.global.Global;
import io.jerl.protocol.node.ConnectionInfo;
import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Port;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.protocol.tls.TlsSession;
import io.jerl.shell.eval.BuiltinRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The built-ins about nodes and the cluster: erlang's node/1, nodes/1, disconnect_node/1, get_cookie/1 and
 * set_cookie/1,2; net_kernel's get_net_ticktime/0 and disconnect/1; net_adm:names/1 and erl_epmd's names/1 and
 * port_please/2 (any host's EPMD); global's unregister_name/1 and re_register_name/2.
 */
final class DistributionBuiltins {
    private static final Atom BADARG = Atom.of("badarg");
    private static final long EPMD_SECONDS = 10;
    /** The OTP release whose distribution, rpc and erpc behaviour jerl follows. */
    static final String OTP_RELEASE = "25";

    private DistributionBuiltins() {
    }

    static void register(BuiltinRegistry r, Node node, Global global) {
        r.register("erlang", "node", 1, (c, a) -> {
            Term t = a.get(0);
            if (t instanceof Pid p) {
                return p.node();
            }
            if (t instanceof Ref ref) {
                return ref.node();
            }
            if (t instanceof Port port) {
                return port.node();
            }
            throw ErlangException.error(BADARG);
        });
        r.register("erlang", "nodes", 1, (c, a) -> nodes(node, a.get(0)));
        r.register("erlang", "disconnect_node", 1, (c, a) -> disconnect(node, a.get(0)));
        r.register("net_kernel", "disconnect", 1, (c, a) -> disconnect(node, a.get(0)));
        r.register("net_kernel", "node_info", 1, (c, a) -> nodeInfo(node, ProcessBuiltins.atom(a.get(0))));
        r.register("net_kernel", "get_net_ticktime", 0, (c, a) ->
                ErlInt.of(node.options().netTickTime().toSeconds()));
        r.register("erlang", "get_cookie", 1, (c, a) -> Atom.of(node.cookie(ProcessBuiltins.atom(a.get(0)))));
        r.register("erlang", "set_cookie", 1, (c, a) -> {
            node.setCookie(ProcessBuiltins.atom(a.get(0)).name());
            return Atom.TRUE;
        });
        r.register("erlang", "set_cookie", 2, (c, a) -> {
            node.setCookie(ProcessBuiltins.atom(a.get(0)), ProcessBuiltins.atom(a.get(1)).name());
            return Atom.TRUE;
        });
        r.register("erlang", "system_info", 1, (c, a) -> {
            // the one item peers ask for to learn what they talk to; other items would be invented, so badarg
            if (!a.get(0).equals(Atom.of("otp_release"))) {
                throw ErlangException.error(BADARG);
            }
            return ErlList.ofString(OTP_RELEASE);
        });
        r.register("net_adm", "names", 1, (c, a) -> names(node, a.get(0)));
        r.register("erl_epmd", "names", 1, (c, a) -> names(node, a.get(0)));
        r.register("erl_epmd", "port_please", 2, (c, a) -> portPlease(node, a.get(0), a.get(1)));
        r.register("global", "unregister_name", 1, (c, a) -> {
            global.unregisterName(a.get(0));
            return Atom.OK;
        });
        r.register("global", "re_register_name", 2, (c, a) -> {
            if (!(a.get(1) instanceof Pid pid)) {
                throw ErlangException.error(Atom.of("function_clause"));
            }
            global.reRegisterName(a.get(0), pid);
            return Atom.of("yes");
        });
    }

    /**
     * erlang:nodes/1 with one of visible, hidden, connected, this, known or a list of them. known is this node and
     * those connected now: jerl does not remember nodes it was once connected to, as erl does.
     */
    /**
     * net_kernel:node_info/1 as erl answers it ({@code {ok, [{state, up}, {address, #net_address{}}, {type, T}]}}),
     * plus, over TLS, jerl's {@code {tls, [{protocol, 'tlsv1.3'}, {cipher_suite, S}, {peer_certificate, Subject}]}}.
     */
    private static Term nodeInfo(Node node, Atom peer) {
        ConnectionInfo info = node.connectionInfo(peer);
        if (info == null) {
            return new Tuple(Atom.of("error"), Atom.of("bad_node"));
        }
        InetSocketAddress at = info.address();
        List<Term> ip = new ArrayList<>();
        for (byte b : at.getAddress().getAddress()) {
            ip.add(ErlInt.of(b & 0xff));
        }
        String host = peer.name().substring(peer.name().indexOf('@') + 1);
        Term address = new Tuple(Atom.of("net_address"), new Tuple(new Tuple(ip.toArray(Term[]::new)), ErlInt.of(at.getPort())),
                ErlList.ofString(host), Atom.of(info.tls() != null ? "tls" : "tcp"),
                Atom.of(ip.size() == 4 ? "inet" : "inet6"));
        List<Term> items = new ArrayList<>(List.of(new Tuple(Atom.of("state"), Atom.of("up")),
                new Tuple(Atom.of("address"), address),
                new Tuple(Atom.of("type"), Atom.of(info.hidden() ? "hidden" : "normal"))));
        TlsSession tls = info.tls();
        if (tls != null) {
            items.add(new Tuple(Atom.of("tls"), ErlList.of(List.of(
                    new Tuple(Atom.of("protocol"), Atom.of(tls.protocol())),
                    new Tuple(Atom.of("cipher_suite"), ErlList.ofString(tls.cipherSuite())),
                    new Tuple(Atom.of("peer_certificate"), tls.peerSubject() == null ? Atom.of("none")
                            : ErlList.ofString(tls.peerSubject()))))));
        }
        return new Tuple(Atom.of("ok"), ErlList.of(items));
    }

    private static Term nodes(Node node, Term arg) {
        List<Term> kinds = arg instanceof Atom ? List.of(arg) : ProcessBuiltins.properList(arg);
        boolean visible = false;
        boolean hidden = false;
        boolean self = false;
        for (Term k : kinds) {
            String kind = k instanceof Atom a ? a.name() : "";
            switch (kind) {
                case "visible" -> visible = true;
                case "hidden" -> hidden = true;
                case "connected" -> {
                    visible = true;
                    hidden = true;
                }
                case "this" -> self = true;
                case "known" -> {
                    visible = true;
                    hidden = true;
                    self = true;
                }
                default -> throw ErlangException.error(BADARG);
            }
        }
        Set<Atom> out = new LinkedHashSet<>();
        if (visible || hidden) {
            out.addAll(node.nodes(hidden, visible));
        }
        if (self) {
            out.add(node.name()); // last, where erl puts it
        }
        return ErlList.of(new ArrayList<>(out));
    }

    /** erlang:disconnect_node/1: false for anything but a node connected now (erl's answer even for a non-atom). */
    private static Term disconnect(Node node, Term peer) {
        if (!(peer instanceof Atom a) || a.equals(node.name())) {
            return Atom.FALSE;
        }
        return Atom.of(node.disconnect(a));
    }

    /**
     * net_adm:names/1: {ok, [{Name, Port}]} from the EPMD on {@code host}, last listed first as erl_epmd gives them;
     * {error, nxdomain | address} if there is no such host or no EPMD answers there.
     */
    private static Term names(Node node, Term host) throws InterruptedException {
        String h = host(host);
        if (!resolves(h)) {
            return new Tuple(Atom.ERROR, Atom.of("nxdomain"));
        }
        try {
            List<Term> out = new ArrayList<>();
            for (RegisteredNode n : node.epmdClient().names(h).get(EPMD_SECONDS, TimeUnit.SECONDS)) {
                out.add(0, new Tuple(ErlList.ofString(n.name()), ErlInt.of(n.port())));
            }
            return new Tuple(Atom.OK, ErlList.of(out));
        } catch (ExecutionException | TimeoutException e) {
            return new Tuple(Atom.ERROR, Atom.of("address"));
        }
    }

    /** erl_epmd:port_please/2: {port, Port, Version} for a name the EPMD on {@code host} knows, else noport. */
    private static Term portPlease(Node node, Term name, Term host) throws InterruptedException {
        String alive = name instanceof Atom a ? a.name() : string(name);
        String h = host(host);
        if (alive == null || !resolves(h)) {
            return Atom.of("noport");
        }
        try {
            Optional<NodeAddress> at = node.epmdClient().portPlease(h, alive).get(EPMD_SECONDS, TimeUnit.SECONDS);
            return at.<Term>map(x -> new Tuple(Atom.of("port"), ErlInt.of(x.port()), ErlInt.of(x.highestVersion())))
                    .orElse(Atom.of("noport"));
        } catch (ExecutionException | TimeoutException e) {
            return Atom.of("noport");
        }
    }

    /** A host as erl takes it: an atom, a string or an IPv4 tuple; badarg for anything else. */
    private static String host(Term t) {
        if (t instanceof Atom a) {
            return a.name();
        }
        if (t instanceof Tuple ip && ip.arity() == 4) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                if (!(ip.get(i) instanceof ErlInt b) || b.value() < 0 || b.value() > 255) {
                    throw ErlangException.error(BADARG);
                }
                sb.append(i == 0 ? "" : ".").append(b.value());
            }
            return sb.toString();
        }
        String s = string(t);
        if (s == null) {
            throw ErlangException.error(BADARG);
        }
        return s;
    }

    /** The text of a string (a list of characters), or null. */
    private static String string(Term t) {
        return t instanceof ErlList l ? l.asString().orElse(null) : null;
    }

    private static boolean resolves(String host) {
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
