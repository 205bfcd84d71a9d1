package io.jerl.shell;

import io.jerl.protocol.node.ErlangException;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.ExportFun;
import io.jerl.protocol.term.Pid;
import io.jerl.protocol.term.Ref;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.shell.eval.BuiltinRegistry;
import io.jerl.shell.eval.CallContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Timers: erlang:send_after/3, start_timer/3, cancel_timer/1 and read_timer/1, and timer:send_after/2,3,
 * apply_after/4 and cancel/1 with the timer references OTP 25's timer module hands out ({@code {send_local, Ref}},
 * {@code {once, Ref}}, {@code {instant, Ref}}).
 */
final class TimerBuiltins {
    private static final Atom BADARG = Atom.of("badarg");
    private static final Atom SEND_LOCAL = Atom.of("send_local");
    private static final Atom ONCE = Atom.of("once");
    private static final Atom INSTANT = Atom.of("instant");
    /** erlang:send_after's largest time, 2^32 - 1 ms. */
    private static final long MAX_TIME = 0xFFFF_FFFFL;

    private final Node node;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jerl-timers");
        t.setDaemon(true);
        return t;
    });
    private final Map<Ref, ScheduledFuture<?>> timers = new ConcurrentHashMap<>();

    private TimerBuiltins(Node node) {
        this.node = node;
    }

    static void register(BuiltinRegistry r, Node node) {
        TimerBuiltins t = new TimerBuiltins(node);
        r.register("erlang", "send_after", 3, (c, a) -> t.sendAfter(c, a.get(0), a.get(1), a.get(2), false));
        r.register("erlang", "start_timer", 3, (c, a) -> t.sendAfter(c, a.get(0), a.get(1), a.get(2), true));
        r.register("erlang", "cancel_timer", 1, (c, a) -> t.left(ref(a.get(0)), true));
        r.register("erlang", "read_timer", 1, (c, a) -> t.left(ref(a.get(0)), false));
        r.register("timer", "send_after", 2, (c, a) -> t.timerSendAfter(c, a.get(0), c.self().pid(), a.get(1)));
        r.register("timer", "send_after", 3, (c, a) -> t.timerSendAfter(c, a.get(0), a.get(1), a.get(2)));
        r.register("timer", "apply_after", 4, (c, a) -> t.applyAfter(c, a.get(0), a.get(1), a.get(2), a.get(3)));
        r.register("timer", "cancel", 1, (c, a) -> t.cancel(a.get(0)));
    }

    /** erlang:send_after/3 (or start_timer/3, whose message is {timeout, TimerRef, Msg}): the timer's reference. */
    private Term sendAfter(CallContext c, Term time, Term dest, Term message, boolean wrap) {
        boolean localPid = dest instanceof Pid p && p.node().equals(node.name());
        if (!(time instanceof ErlInt t) || t.value() < 0 || t.value() > MAX_TIME || !(localPid || dest instanceof Atom)) {
            throw ErlangException.error(BADARG);
        }
        Ref ref = node.makeRef();
        Term msg = wrap ? new Tuple(Atom.of("timeout"), ref, message) : message;
        Pid from = c.self().pid();
        schedule(ref, t.value(), () -> {
            try {
                node.send(from, dest, msg);
            } catch (RuntimeException noSuchName) {
                // a name registered by nobody when the timer fires: erl drops the message too
            }
        });
        return ref;
    }

    /** cancel_timer/1 and read_timer/1: milliseconds left, or false for a timer that fired, was cancelled or never was. */
    private Term left(Ref ref, boolean cancel) {
        ScheduledFuture<?> f = cancel ? timers.remove(ref) : timers.get(ref);
        if (f == null) {
            return Atom.FALSE;
        }
        long ms = Math.max(0, f.getDelay(TimeUnit.MILLISECONDS));
        if (cancel && !f.cancel(false)) {
            return Atom.FALSE;
        }
        return ErlInt.of(ms);
    }

    /** timer:send_after/3: OTP 25's answers, {error, badarg} for a bad time or destination. */
    private Term timerSendAfter(CallContext c, Term time, Term dest, Term message) {
        boolean shaped = dest instanceof Pid || dest instanceof Atom
                || (dest instanceof Tuple t && t.arity() == 2 && t.get(0) instanceof Atom && t.get(1) instanceof Atom);
        if (!(time instanceof ErlInt t) || t.value() < 0 || !shaped) {
            return badarg();
        }
        if (t.value() == 0) {
            c.self().send(dest, message);
            return ok(INSTANT, node.makeRef());
        }
        if (dest instanceof Pid p && p.node().equals(node.name()) && t.value() <= MAX_TIME) {
            return ok(SEND_LOCAL, sendAfter(c, time, dest, message, false));
        }
        Ref ref = node.makeRef();
        Pid from = c.self().pid();
        schedule(ref, t.value(), () -> {
            try {
                node.send(from, dest, message);
            } catch (RuntimeException noSuchName) {
                // erl's timer sends from a process of its own, which such a send would crash; nobody hears of it
            }
        });
        return ok(ONCE, ref);
    }

    /** timer:apply_after/4: M:F(A) in a new process once the time is up. */
    private Term applyAfter(CallContext c, Term time, Term m, Term f, Term args) {
        if (!(time instanceof ErlInt t) || t.value() < 0 || !(m instanceof Atom module) || !(f instanceof Atom function)) {
            return badarg();
        }
        List<Term> as;
        try {
            as = ProcessBuiltins.properList(args);
        } catch (ErlangException notAList) {
            return badarg();
        }
        ExportFun fun = new ExportFun(module, function, as.size());
        Runnable run = () -> node.spawn((self, none) -> c.forProcess(self, node::writeStandardOutput).apply(fun, as));
        if (t.value() == 0) {
            run.run();
            return ok(INSTANT, node.makeRef());
        }
        Ref ref = node.makeRef();
        schedule(ref, t.value(), run);
        return ok(ONCE, ref);
    }

    /** timer:cancel/1: {ok, cancel} for any timer reference timer hands out, {error, badarg} for anything else. */
    private Term cancel(Term tref) {
        if (!(tref instanceof Tuple t) || t.arity() != 2 || !(t.get(1) instanceof Ref ref)
                || !(t.get(0).equals(SEND_LOCAL) || t.get(0).equals(ONCE) || t.get(0).equals(INSTANT))) {
            return badarg();
        }
        left(ref, true);
        return new Tuple(Atom.OK, Atom.of("cancel"));
    }

    private void schedule(Ref ref, long ms, Runnable action) {
        // The lock keeps a timer of 0 ms from firing before it is in the table (it would then never fire).
        synchronized (timers) {
            timers.put(ref, clock.schedule(() -> {
                boolean due;
                synchronized (timers) {
                    due = timers.remove(ref) != null;
                }
                if (due) {
                    action.run();
                }
            }, ms, TimeUnit.MILLISECONDS));
        }
    }

    private static Ref ref(Term t) {
        if (t instanceof Ref r) {
            return r;
        }
        throw ErlangException.error(BADARG);
    }

    private static Term ok(Atom kind, Term ref) {
        return new Tuple(Atom.OK, new Tuple(kind, ref));
    }

    private static Term badarg() {
        return new Tuple(Atom.ERROR, BADARG);
    }
}
