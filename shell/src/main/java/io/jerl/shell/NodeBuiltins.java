package io.jerl.shell;

import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.node.LocalProcess;
import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.node.NodeName;
import io.jerl.protocol.epmd.RegisteredNode;
import io.jerl.protocol.global.Global;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Port;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.shell.eval.Builtin;
import io.jerl.shell.eval.BuiltinRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The built-ins that talk to the node: processes, names, connections, rpc and global, as the seeds use them. */
final class NodeBuiltins {
    private static final Atom BADARG = Atom.of("badarg");

    private NodeBuiltins() {
    }

    static void register(BuiltinRegistry r, Node node, Global global) {
        r.register("erlang", "self", 0, (c, a) -> c.self().pid());
        r.register("erlang", "node", 0, (c, a) -> node.name());
        r.register("erlang", "nodes", 0, (c, a) -> ErlList.of(node.nodes()));
        r.register("erlang", "is_alive", 0, (c, a) -> Atom.of(node.isAlive()));
        r.register("erlang", "list_to_pid", 1, (c, a) -> {
            long[] n = printed(a.get(0), "<", ">", 3);
            return new Pid(node.name(), (int) n[1], (int) n[2], node.creation());
        });
        r.register("erlang", "list_to_port", 1, (c, a) -> {
            long[] n = printed(a.get(0), "#Port<", ">", 2);
            return new Port(node.name(), n[1], node.creation());
        });
        r.register("erlang", "list_to_ref", 1, (c, a) -> {
            long[] n = printed(a.get(0), "#Ref<", ">", 4);
            // erl prints a reference's words last first
            return new Ref(node.name(), node.creation(), new int[] {(int) n[3], (int) n[2], (int) n[1]});
        });
        r.register("erlang", "make_ref", 0, (c, a) -> node.makeRef());
        r.register("erlang", "send", 2, (c, a) -> {
            Term to = a.get(0);
            boolean ok = to instanceof Pid || to instanceof Atom || to instanceof Ref || (to instanceof Tuple t
                    && t.arity() == 2 && t.get(0) instanceof Atom && t.get(1) instanceof Atom);
            try {
                if (ok) {
                    c.self().send(to, a.get(1));
                    return a.get(1);
                }
            } catch (io.jerl.protocol.ProtocolException e) {
                // a name not registered here: erl's badarg
            }
            throw ErlangException.error(BADARG);
        });
        r.register("erlang", "register", 2, (c, a) -> {
            if (!(a.get(0) instanceof Atom name) || !(a.get(1) instanceof Pid pid) || node.process(pid) == null
                    || !node.register(name.name(), node.process(pid))) {
                throw ErlangException.error(BADARG);
            }
            return Atom.TRUE;
        });
        r.register("erlang", "unregister", 1, (c, a) -> {
            if (!(a.get(0) instanceof Atom name) || !node.unregister(name.name())) {
                throw ErlangException.error(BADARG);
            }
            return Atom.TRUE;
        });
        r.register("erlang", "whereis", 1, (c, a) -> {
            LocalProcess p = node.whereis(atom(a.get(0)).name());
            return p == null ? Atom.UNDEFINED : p.pid();
        });
        r.register("erlang", "registered", 0, (c, a) -> ErlList.of(node.registered()));
        r.register("erlang", "get_cookie", 0, (c, a) -> Atom.of(node.cookie()));
        r.register("erlang", "link", 1, (c, a) -> {
            Pid p = pid(a.get(0));
            if (p.node().equals(node.name()) && node.process(p) == null) {
                throw ErlangException.error(Atom.of("noproc"));
            }
            c.self().link(p);
            return Atom.TRUE;
        });
        r.register("erlang", "monitor", 2, (c, a) -> {
            if (!a.get(0).equals(Atom.of("process"))) {
                throw ErlangException.error(BADARG);
            }
            Term target = a.get(1);
            boolean named = target instanceof Atom || (target instanceof Tuple t && t.arity() == 2
                    && t.get(0) instanceof Atom && t.get(1) instanceof Atom);
            if (!(target instanceof Pid) && !named) {
                throw ErlangException.error(BADARG);
            }
            return c.self().monitor(target);
        });
        r.register("erlang", "demonitor", 1, (c, a) -> {
            if (!(a.get(0) instanceof Ref ref)) {
                throw ErlangException.error(BADARG);
            }
            c.self().demonitor(ref);
            return Atom.TRUE;
        });
        r.register("erlang", "exit", 2, (c, a) -> {
            c.self().exit(pid(a.get(0)), a.get(1));
            return Atom.TRUE;
        });
        r.register("erlang", "monitor_node", 2, (c, a) -> {
            c.self().monitorNode(atom(a.get(0)), a.get(1).equals(Atom.TRUE));
            return Atom.TRUE;
        });
        r.register("erlang", "spawn", 1, (c, a) -> {
            Term fun = a.get(0);
            // The fun runs as the new process (its own self() and mailbox); like a process erl's shell spawns, it
            // prints through the node's group leader, because the form that spawned it may be long finished.
            Mailbox m = node.spawn((self, none) -> c.forProcess(self, node::writeStandardOutput).apply(fun, List.of()));
            return m.pid();
        });
        r.register("net_kernel", "monitor_nodes", 1, (c, a) -> {
            if (!(a.get(0) instanceof Atom on) || !(on.equals(Atom.TRUE) || on.equals(Atom.FALSE))) {
                return Atom.ERROR; // what erl answers for a flag that is neither true nor false
            }
            c.self().monitorNodes(on.equals(Atom.TRUE));
            return Atom.OK;
        });
        // erl can make a running node distributed; jerl cannot rename a running node, and says so.
        Builtin start = (c, a) -> new Tuple(Atom.ERROR, node.isAlive() ? Atom.of("already_started")
                : ErlList.ofString("jerl cannot become distributed while running; start it with -sname or -name"));
        r.register("net_kernel", "start", 1, start);
        r.register("net_kernel", "start", 2, start);
        // A node that is not distributed does not try: erl answers 'ignored'.
        r.register("net_kernel", "connect_node", 1, (c, a) -> node.isAlive() ? Atom.of(node.connect(atom(a.get(0))))
                : Atom.of("ignored"));
        r.register("net_adm", "ping", 1, (c, a) -> Atom.of(node.ping(atom(a.get(0))) ? "pong" : "pang"));
        r.register("net_adm", "localhost", 0, (c, a) -> ErlList.ofString(NodeName.shortHostName()));
        r.register("inet", "gethostname", 0, (c, a) -> new Tuple(Atom.OK, ErlList.ofString(NodeName.shortHostName())));
        r.register("erl_epmd", "names", 0, (c, a) -> names(node));
        r.register("net_adm", "names", 0, (c, a) -> names(node));
        r.register("rpc", "call", 4, (c, a) -> node.rpcCall(atom(a.get(0)), atom(a.get(1)), atom(a.get(2)),
                list(a.get(3)), Duration.ofDays(365)));
        r.register("rpc", "call", 5, (c, a) -> node.rpcCall(atom(a.get(0)), atom(a.get(1)), atom(a.get(2)),
                list(a.get(3)), timeout(a.get(4))));
        r.register("global", "register_name", 2, (c, a) ->
                Atom.of(global.registerName(a.get(0), pid(a.get(1))) ? "yes" : "no"));
        r.register("global", "whereis_name", 1, (c, a) -> {
            Pid p = global.whereisName(a.get(0));
            return p == null ? Atom.UNDEFINED : p;
        });
        r.register("global", "send", 2, (c, a) -> {
            Pid to = global.whereisName(a.get(0));
            if (to == null) {
                throw ErlangException.exit(new Tuple(BADARG, new Tuple(a.get(0), a.get(1)))); // erl's exit reason
            }
            c.self().send(to, a.get(1));
            return to;
        });
        r.register("global", "registered_names", 0, (c, a) -> ErlList.of(new ArrayList<Term>(global.registeredNameTerms())));
        r.register("global", "sync", 0, (c, a) -> {
            global.sync(Duration.ofSeconds(30));
            return Atom.OK;
        });
    }

    private static Term names(Node node) throws InterruptedException {
        try {
            List<RegisteredNode> all = node.epmdNames()
                    .get(5, TimeUnit.SECONDS);
            List<Term> out = new ArrayList<>();
            for (RegisteredNode n : all) {
                out.add(new Tuple(ErlList.ofString(n.name()), ErlInt.of(n.port())));
            }
            return new Tuple(Atom.OK, ErlList.of(out));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return new Tuple(Atom.ERROR, Atom.of("address"));
        }
    }

    /**
     * The numbers of a printed pid, port or reference on this node ({@code <0.85.0>}): {@code count} unsigned
     * 32-bit numbers between {@code open} and {@code close}, separated by dots, the first 0 (this node). Other
     * nodes' numbering is not known here, so their identifiers are refused as erl refuses unknown ones: badarg.
     */
    private static long[] printed(Term text, String open, String close, int count) {
        String s = text instanceof ErlList l ? l.asString().orElse(null) : null;
        if (s == null || !s.startsWith(open) || !s.endsWith(close)) {
            throw ErlangException.error(BADARG);
        }
        String[] parts = s.substring(open.length(), s.length() - close.length()).split("\\.", -1);
        if (parts.length != count) {
            throw ErlangException.error(BADARG);
        }
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            if (!parts[i].matches("[0-9]{1,10}") || (out[i] = Long.parseLong(parts[i])) > 0xFFFFFFFFL) {
                throw ErlangException.error(BADARG);
            }
        }
        if (out[0] != 0) {
            throw ErlangException.error(BADARG);
        }
        return out;
    }

    private static Atom atom(Term t) {
        if (t instanceof Atom a) {
            return a;
        }
        throw ErlangException.error(BADARG);
    }

    private static Pid pid(Term t) {
        if (t instanceof Pid p) {
            return p;
        }
        throw ErlangException.error(BADARG);
    }

    private static List<Term> list(Term t) {
        if (t instanceof ErlList l && l.isProper()) {
            return List.of(l.elements());
        }
        if (t == io.jerl.protocol.term.Nil.NIL) {
            return List.of();
        }
        throw ErlangException.error(BADARG);
    }

    /** rpc's Timeout: milliseconds or infinity; anything else is badarg, as erl's rpc:call/5 guard says. */
    private static Duration timeout(Term t) {
        if (t.equals(Atom.of("infinity"))) {
            return Duration.ofDays(365);
        }
        if (t instanceof ErlInt ms && ms.value() >= 0) {
            return Duration.ofMillis(ms.value());
        }
        throw ErlangException.error(BADARG);
    }
}
