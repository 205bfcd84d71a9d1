package io.jerl.shell;

import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.node.Spawned;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlList;
import io.jerl.protocol.term.ExportFun;
import io.jerl.protocol.term.Fun;
import io.jerl.protocol.term.Nil;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.shell.eval.CallContext;
import io.jerl.shell.eval.Evaluator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * erlang's process built-ins beyond spawn/1: the spawn family (spawn/2,3,4, spawn_link/1..4, spawn_monitor/1..4),
 * unlink/1, process_flag(trap_exit, _), is_process_alive/1, send/2,3 and group_leader/0.
 *
 * <p>A fun typed at the shell runs only on this node: erl cannot run jerl's closures, so spawning one on another
 * node raises {@code error:{notsup, Text}}; {@code fun M:F/0} and funs that came from erl do run there.
 */
final class ProcessBuiltins {
    private static final Logger log = LoggerFactory.getLogger(ProcessBuiltins.class);
    private static final Atom BADARG = Atom.of("badarg");
    private static final Atom ERLANG = Atom.of("erlang");
    private static final Atom APPLY = Atom.of("apply");
    private static final Atom NOCONNECTION = Atom.of("noconnection");
    /** How long a spawn on another node may take to be answered, connecting included. */
    private static final long REMOTE_SPAWN_SECONDS = 30;

    private ProcessBuiltins() {
    }

    static void register(BuiltinRegistry r, Node node) {
        for (Mode mode : Mode.values()) {
            r.register("erlang", mode.function, 1, (c, a) -> spawnFun(c, node, node.name(), a.get(0), mode));
            r.register("erlang", mode.function, 2, (c, a) -> spawnFun(c, node, atom(a.get(0)), a.get(1), mode));
            r.register("erlang", mode.function, 3, (c, a) -> spawnMfa(c, node, node.name(), a.get(0), a.get(1),
                    a.get(2), mode));
            r.register("erlang", mode.function, 4, (c, a) -> spawnMfa(c, node, atom(a.get(0)), a.get(1), a.get(2),
                    a.get(3), mode));
        }
        r.register("erlang", "unlink", 1, (c, a) -> {
            c.self().unlink(pid(a.get(0)));
            return Atom.TRUE;
        });
        r.register("erlang", "process_flag", 2, (c, a) -> {
            // trap_exit is the one flag a jerl process has; the others (priority, ...) would be lies
            if (!a.get(0).equals(Atom.of("trap_exit")) || !(a.get(1).equals(Atom.TRUE) || a.get(1).equals(Atom.FALSE))) {
                throw ErlangException.error(BADARG);
            }
            boolean old = c.self().trapsExit();
            c.self().trapExit(a.get(1).equals(Atom.TRUE));
            return Atom.of(old);
        });
        r.register("erlang", "is_process_alive", 1, (c, a) -> {
            Pid p = pid(a.get(0));
            if (!p.node().equals(node.name())) {
                throw ErlangException.error(BADARG); // erl answers only for its own processes
            }
            return Atom.of(node.process(p) != null);
        });
        r.register("erlang", "send", 2, (c, a) -> send(c, a.get(0), a.get(1)));
        r.register("erlang", "send", 3, (c, a) -> {
            for (Term opt : properList(a.get(2))) {
                // jerl's sends never suspend the sender and connect on demand; both options change nothing here
                if (!opt.equals(Atom.of("noconnect")) && !opt.equals(Atom.of("nosuspend"))) {
                    throw ErlangException.error(BADARG);
                }
            }
            send(c, a.get(0), a.get(1));
            return Atom.OK;
        });
        r.register("erlang", "group_leader", 0, (c, a) -> c.self().groupLeader());
    }

    /** spawn, spawn_link, spawn_monitor: what is set up with the new process before it runs, and what returns. */
    private enum Mode {
        SPAWN("spawn", false, false), LINK("spawn_link", true, false), MONITOR("spawn_monitor", false, true);

        final String function;
        final boolean link;
        final boolean monitor;

        Mode(String function, boolean link, boolean monitor) {
            this.function = function;
            this.link = link;
            this.monitor = monitor;
        }

        Term result(Pid pid, Ref ref) {
            return monitor ? new Tuple(pid, ref) : pid;
        }
    }

    private static Term spawnFun(CallContext c, Node node, Atom where, Term fun, Mode mode)
            throws InterruptedException {
        if (!(fun instanceof Fun || fun instanceof ExportFun)) {
            throw ErlangException.error(BADARG);
        }
        if (where.equals(node.name())) {
            return spawnLocal(c, node, fun, List.of(), mode);
        }
        if (Evaluator.isShellFun(fun)) {
            throw ErlangException.error(new Tuple(Atom.of("notsup"), ErlList.ofString("a fun typed at the jerl shell"
                    + " runs only on " + node.name().name() + "; use spawn(Node, Module, Function, Args)")));
        }
        return spawnRemote(c, node, where, ERLANG, APPLY, List.of(fun, Nil.NIL), mode);
    }

    private static Term spawnMfa(CallContext c, Node node, Atom where, Term m, Term f, Term args, Mode mode)
            throws InterruptedException {
        if (!(m instanceof Atom module) || !(f instanceof Atom function)) {
            throw ErlangException.error(BADARG);
        }
        List<Term> as = properList(args);
        if (where.equals(node.name())) {
            return spawnLocal(c, node, new ExportFun(module, function, as.size()), as, mode);
        }
        return spawnRemote(c, node, where, module, function, as, mode);
    }

    /**
     * A new process here running {@code fun(args)}. It waits until the caller's link or monitor is in place, so a
     * process that ends at once still reports its real reason, as erl's atomic spawn_link/spawn_monitor do.
     */
    private static Term spawnLocal(CallContext c, Node node, Term fun, List<Term> args, Mode mode) {
        CountDownLatch ready = new CountDownLatch(1);
        // Like a process erl's shell spawns, it prints through the node's group leader: the form that spawned it
        // may be long finished.
        Mailbox child = node.spawn((self, none) -> {
            ready.await();
            return c.forProcess(self, node::writeStandardOutput).apply(fun, args);
        });
        Ref ref = null;
        try {
            if (mode.link) {
                c.self().link(child.pid());
            }
            if (mode.monitor) {
                ref = c.self().monitor(child.pid());
            }
        } finally {
            ready.countDown();
        }
        return mode.result(child.pid(), ref);
    }

    /**
     * {@code module:function(args)} on {@code peer}. When the node cannot be reached erl still returns a pid, of a
     * process that ends at once with {@code noconnection} (links and monitors hear it); so does jerl.
     */
    private static Term spawnRemote(CallContext c, Node node, Atom peer, Atom module, Atom function, List<Term> args,
                                    Mode mode) throws InterruptedException {
        try {
            Spawned s = node.spawn(c.self(), peer, module, function, args, mode.link, mode.monitor)
                    .get(REMOTE_SPAWN_SECONDS, TimeUnit.SECONDS);
            return mode.result(s.pid(), s.monitor());
        } catch (ExecutionException | TimeoutException e) {
            String why = e instanceof ExecutionException ? e.getCause().getMessage() : "no answer";
            log.warn("** Can not start {}:{},{} on {} ** ({})", module.name(), function.name(), ErlList.of(args),
                    peer.name(), why);
            Mailbox stillborn = node.spawnMailbox();
            Ref ref = null;
            if (mode.link) {
                c.self().link(stillborn.pid());
            }
            if (mode.monitor) {
                ref = c.self().monitor(stillborn.pid());
            }
            stillborn.exit(NOCONNECTION);
            return mode.result(stillborn.pid(), ref);
        }
    }

    /** erlang:send/2: {@code To ! Msg}, with badarg for a name registered nowhere or a destination of no known shape. */
    private static Term send(CallContext c, Term to, Term message) {
        boolean shaped = to instanceof Pid || to instanceof Atom || to instanceof Ref
                || (to instanceof Tuple t && t.arity() == 2 && t.get(0) instanceof Atom && t.get(1) instanceof Atom);
        if (!shaped) {
            throw ErlangException.error(BADARG);
        }
        try {
            c.self().send(to, message);
        } catch (RuntimeException notRegistered) {
            throw ErlangException.error(BADARG);
        }
        return message;
    }

    static Atom atom(Term t) {
        if (t instanceof Atom a) {
            return a;
        }
        throw ErlangException.error(BADARG);
    }

    static Pid pid(Term t) {
        if (t instanceof Pid p) {
            return p;
        }
        throw ErlangException.error(BADARG);
    }

    /** The elements of a proper list; badarg for anything else. */
    static List<Term> properList(Term t) {
        if (t == Nil.NIL) {
            return List.of();
        }
        if (t instanceof ErlList l && l.isProper()) {
            return List.of(l.elements());
        }
        throw ErlangException.error(BADARG);
    }
}
