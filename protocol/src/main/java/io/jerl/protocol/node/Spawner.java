package io.jerl.protocol.node;

import io.jerl.protocol.ProtocolException;
import io.jerl.protocol.dist.ControlMessage.SpawnReply;
import io.jerl.protocol.dist.ControlMessage.SpawnRequest;
import io.jerl.protocol.dist.DistConnection;
import io.jerl.protocol.handshake.DistFlags;
import io.jerl.protocol.node.LocalProcess.Monitor;
import io.jerl.protocol.node.LocalProcess.Watcher;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spawning across nodes (SPAWN_REQUEST / SPAWN_REPLY), both ways. Requests from peers run a function from
 * the node's {@link FunctionTable} as a new process on a thread of its own; {@code erpc:execute_call/4} and
 * {@code execute_cast/3}, which OTP 25's rpc and erpc spawn, end with the exit reasons erpc expects.
 */
final class Spawner {
    private static final Logger log = LoggerFactory.getLogger(Spawner.class);
    private static final Atom ERPC = Atom.of("erpc");
    private static final Atom EXECUTE_CALL = Atom.of("execute_call");
    private static final Atom EXECUTE_CAST = Atom.of("execute_cast");
    private static final Atom LINK = Atom.of("link");
    private static final Atom MONITOR = Atom.of("monitor");
    private static final Atom RETURN = Atom.of("return");
    private static final Atom EXCEPTION = Atom.of("exception");
    private static final Atom NOCATCH = Atom.of("nocatch");
    private static final Atom BADARG = Atom.of("badarg");
    private static final int FLAG_LINK = 1;
    private static final int FLAG_MONITOR = 2;

    private record Pending(Mailbox from, Atom peer, CompletableFuture<Spawned> result) {
    }

    private final Node node;
    private final Connections connections;
    private final Map<Ref, Pending> pending = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(new DefaultThreadFactory("jerl-process", true));

    Spawner(Node node, Connections connections) {
        this.node = node;
        this.connections = connections;
    }

    // ---- out

    CompletableFuture<Spawned> spawn(Mailbox from, Atom peer, Atom module, Atom function, List<Term> args,
                                     boolean link, boolean monitor) {
        CompletableFuture<Spawned> result = new CompletableFuture<>();
        Ref reqId = node.makeRef();
        pending.put(reqId, new Pending(from, peer, result));
        List<Term> opts = new ArrayList<>();
        if (link) {
            opts.add(LINK);
        }
        if (monitor) {
            opts.add(MONITOR);
        }
        Tuple mfa = new Tuple(module, function, ErlInt.of(args.size()));
        connections.send(peer, c -> {
            if (!c.peer().has(DistFlags.SPAWN)) {
                fail(reqId, "notsup");
                return;
            }
            c.send(new SpawnRequest(reqId, from.pid(), from.groupLeader(), mfa, ErlList.of(opts), null), ErlList.of(args));
        }, () -> fail(reqId, "noconnection"));
        return result;
    }

    void reply(SpawnReply r) {
        Pending p = pending.remove(r.reqId());
        if (p == null) {
            return;
        }
        if (!(r.result() instanceof Pid pid)) {
            p.result().completeExceptionally(new ProtocolException("spawn on " + p.peer().name() + " failed: " + r.result()));
            return;
        }
        if ((r.flags() & FLAG_LINK) != 0) {
            p.from().addLink(pid);
        }
        boolean monitored = (r.flags() & FLAG_MONITOR) != 0;
        if (monitored) {
            p.from().addMonitor(new Monitor(r.reqId(), p.peer(), pid));
        }
        p.result().complete(new Spawned(pid, monitored ? r.reqId() : null));
    }

    void nodeDown(Atom peer) {
        for (Map.Entry<Ref, Pending> e : pending.entrySet()) {
            if (e.getValue().peer().equals(peer)) {
                fail(e.getKey(), "noconnection");
            }
        }
    }

    private void fail(Ref reqId, String reason) {
        Pending p = pending.remove(reqId);
        if (p != null) {
            p.result().completeExceptionally(new ProtocolException(reason));
        }
    }

    // ---- in

    void request(DistConnection from, SpawnRequest r, Term argList) {
        Tuple mfa = r.mfa();
        List<Term> args = properList(argList);
        if (!(mfa.get(0) instanceof Atom module) || !(mfa.get(1) instanceof Atom function)
                || !(mfa.get(2) instanceof ErlInt arity) || args == null || arity.value() != args.size()) {
            from.send(new SpawnReply(r.reqId(), r.from(), 0, BADARG, null), null);
            return;
        }
        List<Term> opts = properList(r.options());
        boolean link = opts != null && opts.contains(LINK);
        boolean monitor = opts != null && opts.contains(MONITOR);
        Mailbox proc = node.spawnMailbox();
        proc.setGroupLeader(r.groupLeader());
        if (link) {
            proc.addLink(r.from());
        }
        if (monitor) {
            proc.addWatcher(new Watcher(r.from(), r.reqId(), proc.pid()));
        }
        from.send(new SpawnReply(r.reqId(), r.from(), (link ? FLAG_LINK : 0) | (monitor ? FLAG_MONITOR : 0),
                proc.pid(), null), null);
        start(proc, () -> run(proc, module, function, args));
    }

    /** Runs {@code body} as the life of {@code proc} on a thread of its own; the process ends with its result. */
    void start(Mailbox proc, java.util.function.Supplier<Term> body) {
        threads.execute(() -> {
            proc.bindThread(Thread.currentThread());
            Term reason;
            try {
                reason = body.get();
            } catch (RuntimeException e) {
                log.error("process {} failed in Java code", proc.pid(), e);
                reason = new Tuple(Atom.of("jerl_internal_error"), ErlList.ofString(String.valueOf(e)));
            } finally {
                proc.bindThread(null);
                Thread.interrupted(); // a kill may have interrupted us; the pool thread goes on clean
            }
            proc.exit(reason);
        });
    }

    /** The exit reason of a spawned {@code module:function(args)}, as erl would give it. */
    private Term run(Mailbox self, Atom module, Atom function, List<Term> args) {
        if (module.equals(ERPC) && function.equals(EXECUTE_CALL) && args.size() == 4) {
            return executeCall(self, args);
        }
        if (module.equals(ERPC) && function.equals(EXECUTE_CAST) && args.size() == 3) {
            return executeCast(self, args);
        }
        try {
            node.functions().call(self, module, function, args);
            return LocalProcess.NORMAL;
        } catch (ErlangException e) {
            Term reason = crashReason(e);
            log.error("Error in process {} on node {} with exit value: {}", self.pid(), node.name().name(), reason);
            return reason;
        } catch (InterruptedException e) {
            return LocalProcess.KILLED;
        }
    }

    /** erpc:execute_call(Ref, M, F, A): exits with {Ref, return, V} or the exception, as erpc:call reads it. */
    private Term executeCall(Mailbox self, List<Term> args) {
        Term ref = args.get(0);
        List<Term> callArgs = properList(args.get(3));
        if (!(args.get(1) instanceof Atom m) || !(args.get(2) instanceof Atom f) || callArgs == null) {
            return new Tuple(ref, ErlangException.ERROR, new Tuple(ERPC, BADARG));
        }
        try {
            return new Tuple(ref, RETURN, node.functions().call(self, m, f, callArgs));
        } catch (ErlangException e) {
            if (e.kind().equals(ErlangException.ERROR)) {
                return new Tuple(ref, ErlangException.ERROR, e.reason(), e.stacktrace());
            }
            return new Tuple(ref, e.kind(), e.reason());
        } catch (InterruptedException e) {
            return LocalProcess.KILLED;
        }
    }

    /** erpc:execute_cast(M, F, A): nobody waits for the result; a failure is logged, as erl reports it. */
    private Term executeCast(Mailbox self, List<Term> args) {
        List<Term> callArgs = properList(args.get(2));
        if (!(args.get(0) instanceof Atom m) || !(args.get(1) instanceof Atom f) || callArgs == null) {
            return new Tuple(ERPC, BADARG);
        }
        try {
            node.functions().call(self, m, f, callArgs);
            return LocalProcess.NORMAL;
        } catch (ErlangException e) {
            Term reason = new Tuple(EXCEPTION, new Tuple(e.reason(), e.stacktrace()));
            log.error("Error in process {} on node {} with exit value: {}", self.pid(), node.name().name(), reason);
            return reason;
        } catch (InterruptedException e) {
            return LocalProcess.KILLED;
        }
    }

    /** How an uncaught exception ends a process: error → {Reason, Stack}; exit → Reason; throw → {{nocatch, V}, Stack}. */
    static Term crashReason(ErlangException e) {
        if (e.kind().equals(ErlangException.EXIT)) {
            return e.reason();
        }
        if (e.kind().equals(ErlangException.THROW)) {
            return new Tuple(new Tuple(NOCATCH, e.reason()), e.stacktrace());
        }
        return new Tuple(e.reason(), e.stacktrace());
    }

    /** The elements of a proper list, or null for anything else. */
    static List<Term> properList(Term t) {
        if (t == Nil.NIL) {
            return List.of();
        }
        if (t instanceof ErlList l && l.isProper()) {
            return Arrays.asList(l.elements());
        }
        return null;
    }

    void close() {
        threads.shutdownNow();
    }
}
