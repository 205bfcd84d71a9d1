package io.jerl.shell.builtins;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Term;
import io.jerl.shell.eval.BuiltinRegistry;

/**
 * Module {@code timer}'s pure part: {@code sleep/1} (blocks the calling thread; an interrupt ends it, as a shell's
 * Ctrl-C would) and the unit helpers {@code seconds/1 minutes/1 hours/1 hms/3}.
 */
public final class TimerModule {
    private static final Atom INFINITY = Atom.of("infinity");

    private TimerModule() {
    }

    public static void register(BuiltinRegistry registry) {
        registry.register("timer", "sleep", 1, (ctx, args) -> {
            sleep(args.get(0));
            return Atom.OK;
        });
        Reg r = new Reg(registry, "timer");
        r.f1("seconds", s -> Operators.arith("*", s, ErlInt.of(1000)));
        r.f1("minutes", m -> Operators.arith("*", m, ErlInt.of(60_000)));
        r.f1("hours", h -> Operators.arith("*", h, ErlInt.of(3_600_000)));
        r.f3("hms", (h, m, s) -> Operators.arith("+", Operators.arith("+",
                Operators.arith("*", h, ErlInt.of(3_600_000)), Operators.arith("*", m, ErlInt.of(60_000))),
                Operators.arith("*", s, ErlInt.of(1000))));
    }

    /** receive after T -> ok end: T is a non-negative integer or infinity, else erl's timeout_value error. */
    private static void sleep(Term t) throws InterruptedException {
        if (t == INFINITY) {
            Thread.sleep(Long.MAX_VALUE);
            return;
        }
        if (!Terms.isInteger(t) || Terms.big(t).signum() < 0 || !(t instanceof ErlInt)) {
            throw Errors.error(Atom.of("timeout_value"));
        }
        long ms = ((ErlInt) t).value();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }
}
