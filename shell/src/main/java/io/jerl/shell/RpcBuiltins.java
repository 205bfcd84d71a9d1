package io.jerl.shell;

import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.shell.eval.CallContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import io.jerl.protocol.term.Ref;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * rpc:cast/4, multicall/3,4,5, async_call/4, yield/1 and nb_yield/1,2, erpc:call/4,5, cast/4 and multicall/4,5, with erl's answers and exception
 * forms. Calls to this node itself run here as processes of their own, through the node's function table.
 */
final class RpcBuiltins {
    private static final Atom ERPC = Atom.of("erpc");
    private static final Atom BADARG = Atom.of("badarg");
    private static final Atom BADRPC = Atom.of("badrpc");
    private static final Atom NODEDOWN = Atom.of("nodedown");
    private static final Atom INFINITY = Atom.of("infinity");
    /** erl's infinity: long enough that no shell user waits it out. */
    private static final Duration FOREVER = Duration.ofDays(365);

    /** What one call to one node is: M, F and A, checked. */
    private record Mfa(Atom module, Atom function, List<Term> args) {
    }

    private RpcBuiltins() {
    }

    static void register(BuiltinRegistry r, Node node) {
        r.register("erpc", "call", 4, (c, a) -> erpcCall(node, a.get(0), erpcMfa(a, 1), INFINITY));
        r.register("erpc", "call", 5, (c, a) -> erpcCall(node, a.get(0), erpcMfa(a, 1), a.get(4)));
        r.register("erpc", "cast", 4, (c, a) -> {
            cast(c, node, erpcNode(a.get(0)), erpcMfa(a, 1));
            return Atom.OK;
        });
        r.register("erpc", "multicall", 4, (c, a) -> erpcMulticall(node, a.get(0), erpcMfa(a, 1), INFINITY));
        r.register("erpc", "multicall", 5, (c, a) -> erpcMulticall(node, a.get(0), erpcMfa(a, 1), a.get(4)));
        r.register("rpc", "cast", 4, (c, a) -> {
            cast(c, node, ProcessBuiltins.atom(a.get(0)), rpcMfa(a, 1));
            return Atom.TRUE;
        });
        r.register("rpc", "multicall", 3, (c, a) -> rpcMulticall(node, everyNode(node), rpcMfa(a, 0), INFINITY));
        r.register("rpc", "multicall", 4, (c, a) -> a.get(0) instanceof Atom
                ? rpcMulticall(node, everyNode(node), rpcMfa(a, 0), a.get(3))  // multicall(M, F, A, Timeout)
                : rpcMulticall(node, a.get(0), rpcMfa(a, 1), INFINITY));         // multicall(Nodes, M, F, A)
        r.register("rpc", "multicall", 5, (c, a) -> rpcMulticall(node, a.get(0), rpcMfa(a, 1), a.get(4)));
        registerAsync(r, node);
    }

    /**
     * rpc:async_call/4 and its yield/1 and nb_yield/1,2: the call runs on a thread of its own; the key is a
     * reference, as erpc's request id is in erl. A key that is unknown (or already yielded) is badarg.
     */
    private static void registerAsync(BuiltinRegistry r, Node node) {
        Map<Ref, CompletableFuture<Term>> pending = new ConcurrentHashMap<>();
        r.register("rpc", "async_call", 4, (c, a) -> {
            Atom peer = ProcessBuiltins.atom(a.get(0));
            Mfa mfa = rpcMfa(a, 1);
            Ref key = node.makeRef();
            CompletableFuture<Term> result = new CompletableFuture<>();
            pending.put(key, result);
            Thread t = new Thread(() -> {
                try {
                    result.complete(node.rpcCall(peer, mfa.module(), mfa.function(), mfa.args(), FOREVER));
                } catch (InterruptedException | RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }, "jerl-async-call");
            t.setDaemon(true);
            t.start();
            return key;
        });
        r.register("rpc", "yield", 1, (c, a) -> awaitAnswer(pending, a.get(0), null));
        r.register("rpc", "nb_yield", 1, (c, a) -> nbYield(pending, a.get(0), Duration.ZERO));
        r.register("rpc", "nb_yield", 2, (c, a) -> nbYield(pending, a.get(0), rpcTimeout(a.get(1))));
    }

    private static Term nbYield(Map<Ref, CompletableFuture<Term>> pending, Term key, Duration wait)
            throws InterruptedException {
        Term v = awaitAnswer(pending, key, wait);
        return v == null ? Atom.of("timeout") : new Tuple(Atom.of("value"), v);
    }

    /** The call's rpc answer, waiting up to {@code wait} (null: as long as it takes); null when it is not there yet. */
    private static Term awaitAnswer(Map<Ref, CompletableFuture<Term>> pending, Term key, Duration wait)
            throws InterruptedException {
        CompletableFuture<Term> f = key instanceof Ref ref ? pending.get(ref) : null;
        if (f == null) {
            throw ErlangException.error(BADARG);
        }
        try {
            Term v = wait == null ? f.get() : f.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            pending.remove(key);
            return v;
        } catch (TimeoutException notYet) {
            return null;
        } catch (ExecutionException e) {
            pending.remove(key);
            throw e.getCause() instanceof ErlangException x ? x : ErlangException.exit(Atom.of("killed"));
        }
    }

    private static Term everyNode(Node node) {
        List<Term> all = new ArrayList<>();
        all.add(node.name());
        all.addAll(node.nodes());
        return ErlList.of(all);
    }

    private static Term erpcCall(Node node, Term peer, Mfa mfa, Term timeout) throws InterruptedException {
        Atom n = erpcNode(peer);
        return node.erpcCall(n, mfa.module(), mfa.function(), mfa.args(), erpcTimeout(timeout));
    }

    /** erpc:multicall: per node, in order, {ok, Value} or {Class, Reason} as erpc:call would have raised it. */
    private static Term erpcMulticall(Node node, Term nodes, Mfa mfa, Term timeout) throws InterruptedException {
        List<Atom> peers = nodeList(nodes, () -> ErlangException.error(new Tuple(ERPC, BADARG)));
        Duration t = erpcTimeout(timeout);
        List<Term> out = new ArrayList<>();
        for (Future<Term> f : inParallel(peers, peer -> {
            try {
                return new Tuple(Atom.OK, node.erpcCall(peer, mfa.module(), mfa.function(), mfa.args(), t));
            } catch (ErlangException e) {
                return new Tuple(e.kind(), e.reason());
            }
        })) {
            out.add(result(f));
        }
        return ErlList.of(out);
    }

    /** rpc:multicall: {Results, BadNodes}; a node that cannot be reached goes in BadNodes, a failure in Results. */
    private static Term rpcMulticall(Node node, Term nodes, Mfa mfa, Term timeout) throws InterruptedException {
        List<Atom> peers = nodeList(nodes, () -> ErlangException.error(BADARG));
        Duration t = rpcTimeout(timeout);
        List<Future<Term>> calls = inParallel(peers, peer ->
                node.rpcCall(peer, mfa.module(), mfa.function(), mfa.args(), t));
        List<Term> results = new ArrayList<>();
        List<Term> bad = new ArrayList<>();
        for (int i = 0; i < peers.size(); i++) {
            Term v = result(calls.get(i));
            if (v instanceof Tuple b && b.arity() == 2 && b.get(0).equals(BADRPC)
                    && (b.get(1).equals(NODEDOWN) || b.get(1).equals(Atom.of("timeout")))) {
                bad.add(peers.get(i));
            } else {
                results.add(v);
            }
        }
        return new Tuple(ErlList.of(results), ErlList.of(bad));
    }

    /**
     * rpc:cast / erpc:cast: runs M:F(A) on {@code peer} and waits for nothing; a node that cannot be reached is
     * ignored, as erl ignores it.
     */
    private static void cast(CallContext c, Node node, Atom peer, Mfa mfa) {
        if (peer.equals(node.name())) {
            node.spawn((self, none) -> node.functions().call(self, mfa.module(), mfa.function(), mfa.args()));
        } else {
            node.spawn(c.self(), peer, ERPC, Atom.of("execute_cast"),
                    List.of(mfa.module(), mfa.function(), ErlList.of(mfa.args())), false, false);
        }
    }

    @FunctionalInterface
    private interface NodeCall {
        Term call(Atom peer) throws InterruptedException;
    }

    /** Runs {@code call} for every node at once (one slow node must not hold up the others), in order. */
    private static List<Future<Term>> inParallel(List<Atom> peers, NodeCall call) {
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, peers.size()), r -> {
            Thread t = new Thread(r, "jerl-multicall");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Term>> out = new ArrayList<>();
            for (Atom peer : peers) {
                Callable<Term> task = () -> call.call(peer);
                out.add(threads.submit(task));
            }
            return out;
        } finally {
            threads.shutdown();
        }
    }

    private static Term result(Future<Term> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ErlangException x) {
                throw x;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static List<Atom> nodeList(Term nodes, java.util.function.Supplier<ErlangException> bad) {
        List<Atom> out = new ArrayList<>();
        if (!(nodes instanceof ErlList) && nodes != io.jerl.protocol.term.Nil.NIL) {
            throw bad.get();
        }
        for (Term t : ProcessBuiltins.properList(nodes)) {
            if (!(t instanceof Atom a)) {
                throw bad.get();
            }
            out.add(a);
        }
        return out;
    }

    private static Atom erpcNode(Term t) {
        if (t instanceof Atom a) {
            return a;
        }
        throw ErlangException.error(new Tuple(ERPC, BADARG));
    }

    /** erpc's M, F, A at {@code a[from..from+2]}: atoms and a proper list, else error:{erpc, badarg}. */
    private static Mfa erpcMfa(List<Term> a, int from) {
        try {
            return rpcMfa(a, from);
        } catch (ErlangException e) {
            throw ErlangException.error(new Tuple(ERPC, BADARG));
        }
    }

    private static Mfa rpcMfa(List<Term> a, int from) {
        return new Mfa(ProcessBuiltins.atom(a.get(from)), ProcessBuiltins.atom(a.get(from + 1)),
                ProcessBuiltins.properList(a.get(from + 2)));
    }

    private static Duration erpcTimeout(Term t) {
        try {
            return rpcTimeout(t);
        } catch (ErlangException e) {
            throw ErlangException.error(new Tuple(ERPC, BADARG));
        }
    }

    /** A timeout in milliseconds or infinity. */
    private static Duration rpcTimeout(Term t) {
        if (t.equals(INFINITY)) {
            return FOREVER;
        }
        if (t instanceof ErlInt ms && ms.value() >= 0) {
            return Duration.ofMillis(ms.value());
        }
        throw ErlangException.error(BADARG);
    }
}
