package io.jerl.protocol.global;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.jerl.protocol.node.Node;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.ErlangRelease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** What the global interop tests share: starting erl nodes, waiting, and checking erl's logs. */
final class GlobalTesting {
    static final Duration SYNC_LIMIT = Duration.ofSeconds(5);
    private static final java.util.concurrent.atomic.AtomicLong SYNC_CALLS = new java.util.concurrent.atomic.AtomicLong();

    private GlobalTesting() {
    }

    static ErlNode erl(String prefix, String cookie, Epmd epmd, String... args) {
        return erl(ErlangRelease.system(), prefix, cookie, epmd, args);
    }

    /** An erl of {@code release} on {@code epmd}. */
    static ErlNode erl(ErlangRelease release, String prefix, String cookie, Epmd epmd, String... args) {
        return ErlNode.builder(ErlTools.uniqueName(prefix)).release(release).cookie(cookie).epmdPort(epmd.port())
                .args(args).start();
    }

    /** Waits until {@code condition} holds; fails with {@code what} if it does not within {@code limit}. */
    static void await(String what, Duration limit, BooleanSupplier condition) {
        io.jerl.testing.Await.until(what, limit, condition);
    }

    /** Waits until erl evaluates {@code expr} to {@code expected}; fails with the last value otherwise. */
    static void awaitErl(ErlNode erl, String expr, String expected, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        String last;
        do {
            last = erl.eval(expr);
            if (last.equals(expected)) {
                return;
            }
            sleep(100);
        } while (System.nanoTime() < deadline);
        assertEquals(expected, last, "erl " + erl.name() + ": `" + expr + "` within " + limit);
    }

    /**
     * global:sync() on erl, giving up after {@code limit} without leaving erl's evaluator stuck: "ok", or
     * "timeout" if it did not return in time.
     */
    static String syncWithin(ErlNode erl, Duration limit) {
        // fresh variable names each time: the evaluator keeps its bindings between lines
        String n = Long.toString(SYNC_CALLS.incrementAndGet());
        return erl.eval("begin Self" + n + " = self(), Ref" + n + " = make_ref(),"
                + " spawn(fun() -> Self" + n + " ! {Ref" + n + ", global:sync()} end),"
                + " receive {Ref" + n + ", R" + n + "} -> R" + n + " after " + limit.toMillis() + " -> timeout end end",
                limit.plusSeconds(5));
    }

    /** Fails if any erl logged an error or crash report, or global complained about a message. */
    static void assertNoErrorReports(ErlNode... erls) {
        List<String> bad = new ArrayList<>();
        for (ErlNode erl : erls) {
            if (erl == null) {
                continue;
            }
            for (String line : erl.output()) {
                if (line.contains("ERROR REPORT") || line.contains("CRASH REPORT") || line.contains("error_logger")
                        || line.contains("unexpected message") || line.contains("Illegal global protocol")) {
                    bad.add(erl.name() + ": " + line);
                }
            }
        }
        if (!bad.isEmpty()) {
            StringBuilder all = new StringBuilder();
            for (ErlNode erl : erls) {
                if (erl != null) {
                    all.append("\n--- ").append(erl.name()).append('\n').append(String.join("\n", erl.output()));
                }
            }
            fail("erl logged reports: " + bad + all);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static void closeAll(AutoCloseable... things) {
        for (AutoCloseable c : things) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // best effort
                }
            }
        }
    }

    static String atom(Node node) {
        return "'" + node.name().name() + "'";
    }
}
