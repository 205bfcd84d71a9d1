package io.jerl.shell.builtins;

import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.shell.eval.BuiltinRegistry;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * erl's clocks: system and monotonic time in any time unit, {@code timestamp/0}, {@code now/0}, the calendar
 * functions {@code date/0 time/0 localtime/0 universaltime/0}, and {@code unique_integer/0,1}. The native unit is
 * the nanosecond, as on erl for Linux.
 */
final class Clocks {
    private static final long NATIVE_PER_SECOND = 1_000_000_000L;
    private static final Atom POSITIVE = Atom.of("positive");
    private static final Atom MONOTONIC = Atom.of("monotonic");
    /** Monotonic time is System.nanoTime() shifted so it starts near erl's (a large negative number). */
    private static final long MONOTONIC_OFFSET = -576460752303423488L + 1_000_000_000L - System.nanoTime();
    private static final AtomicLong UNIQUE = new AtomicLong();
    private static final AtomicLong LAST_NOW = new AtomicLong();

    private Clocks() {
    }

    static void register(BuiltinRegistry registry) {
        Reg r = new Reg(registry, "erlang");
        r.f0("system_time", () -> ErlInt.of(systemNanos()));
        r.f1("system_time", unit -> convert(BigInteger.valueOf(systemNanos()), NATIVE_PER_SECOND, perSecond(unit)));
        r.f0("monotonic_time", () -> ErlInt.of(monotonicNanos()));
        r.f1("monotonic_time", unit -> convert(BigInteger.valueOf(monotonicNanos()), NATIVE_PER_SECOND,
                perSecond(unit)));
        r.f0("time_offset", () -> ErlInt.of(systemNanos() - monotonicNanos()));
        r.f1("time_offset", unit -> convert(BigInteger.valueOf(systemNanos() - monotonicNanos()), NATIVE_PER_SECOND,
                perSecond(unit)));
        r.f3("convert_time_unit", (t, from, to) -> {
            if (!Terms.isInteger(t)) {
                throw Errors.badarg();
            }
            return convert(Terms.big(t), perSecond(from), perSecond(to));
        });
        r.f0("timestamp", () -> timestamp(systemNanos() / 1000));
        r.f0("now", () -> {
            long micros = LAST_NOW.updateAndGet(last -> Math.max(last + 1, systemNanos() / 1000));
            return timestamp(micros);
        });
        r.f0("date", () -> date(LocalDateTime.now()));
        r.f0("time", () -> time(LocalDateTime.now()));
        r.f0("localtime", () -> {
            LocalDateTime now = LocalDateTime.now();
            return new Tuple(date(now), time(now));
        });
        r.f0("universaltime", () -> {
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            return new Tuple(date(now), time(now));
        });
        r.f0("unique_integer", () -> ErlInt.of(UNIQUE.incrementAndGet()));
        r.f1("unique_integer", opts -> {
            for (Term o : Terms.properOrBadarg(opts)) {
                if (o != POSITIVE && o != MONOTONIC) {
                    throw Errors.badarg();
                }
            }
            return ErlInt.of(UNIQUE.incrementAndGet());
        });
        Reg os = new Reg(registry, "os");
        os.f0("timestamp", () -> timestamp(systemNanos() / 1000));
        os.f0("system_time", () -> ErlInt.of(systemNanos()));
        os.f1("system_time", unit -> convert(BigInteger.valueOf(systemNanos()), NATIVE_PER_SECOND, perSecond(unit)));
    }

    private static long systemNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * NATIVE_PER_SECOND + now.getNano();
    }

    private static long monotonicNanos() {
        return System.nanoTime() + MONOTONIC_OFFSET;
    }

    /** A time unit as parts per second: the named units (and their old plural names), or a positive integer. */
    static long perSecond(Term unit) {
        if (unit instanceof ErlInt i && i.value() > 0) {
            return i.value();
        }
        if (unit instanceof Atom a) {
            switch (a.name()) {
                case "second":
                case "seconds":
                    return 1;
                case "millisecond":
                case "milli_seconds":
                    return 1_000;
                case "microsecond":
                case "micro_seconds":
                    return 1_000_000;
                case "nanosecond":
                case "nano_seconds":
                case "native":
                case "perf_counter":
                    return NATIVE_PER_SECOND;
                default:
                    break;
            }
        }
        throw Errors.badarg();
    }

    /** {@code t} from one unit to another, rounded down (floor), as erlang:convert_time_unit/3. */
    private static Term convert(BigInteger t, long from, long to) {
        BigInteger[] qr = t.multiply(BigInteger.valueOf(to)).divideAndRemainder(BigInteger.valueOf(from));
        BigInteger q = qr[0];
        if (qr[1].signum() < 0) {
            q = q.subtract(BigInteger.ONE);
        }
        return ErlInt.of(q);
    }

    private static Tuple timestamp(long micros) {
        return new Tuple(ErlInt.of(micros / 1_000_000_000_000L), ErlInt.of(micros / 1_000_000 % 1_000_000),
                ErlInt.of(micros % 1_000_000));
    }

    private static Tuple date(LocalDateTime t) {
        return new Tuple(ErlInt.of(t.getYear()), ErlInt.of(t.getMonthValue()), ErlInt.of(t.getDayOfMonth()));
    }

    private static Tuple time(LocalDateTime t) {
        return new Tuple(ErlInt.of(t.getHour()), ErlInt.of(t.getMinute()), ErlInt.of(t.getSecond()));
    }
}
