package io.jerl.bench.interop;

import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.JerlTestNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Ping-pong round trips, erl→erl and jerl→erl side by side in one run: one process on each side, N rounds of
 * {@code {ping, From, I}} answered by {@code {pong, I}} from a registered echo on erl B; erl A and the jerl node
 * both play against the same echo. Reports p50 and p99 per round, several runs taking turns. {@code --tls=true}
 * runs every connection over mutual TLS. Not a test: it asserts nothing about speed.
 *
 * <pre>java -cp (bench's test class path) io.jerl.bench.interop.PingPong --rounds=20000 --runs=5 --tls=true</pre>
 */
public final class PingPong {
    private static final Atom PING = Atom.of("ping");
    private static final Atom ECHO = Atom.of("bench_echo");

    private PingPong() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 20_000;
        int runs = 5;
        boolean tls = false;
        for (String a : args) {
            if (a.startsWith("--rounds=")) {
                rounds = Integer.parseInt(a.substring(9).replace("_", ""));
            } else if (a.startsWith("--runs=")) {
                runs = Integer.parseInt(a.substring(7));
            } else if (a.startsWith("--tls=")) {
                tls = Boolean.parseBoolean(a.substring(6));
            } else if (!a.isBlank()) {
                System.err.println("usage: PingPong [--rounds=N] [--runs=K] [--tls=true]");
                System.exit(2);
            }
        }
        Path ebin = JerlTestNode.compileErlang("jerl_bench.erl");
        String cookie = ErlTools.randomCookie();
        BenchTls certs = tls ? BenchTls.create() : null;
        List<String> erlArgs = certs == null ? List.of() : certs.erlArgs(List.of());
        try (Epmd epmd = Epmd.start();
             ErlNode a = erl("pp_a", cookie, epmd, ebin, erlArgs);
             ErlNode b = erl("pp_b", cookie, epmd, ebin, erlArgs);
             Node jerl = JerlTestNode.start("pp_j", cookie, epmd.port(), o -> certs == null ? o : o.withTls(certs.jerl()))) {
            b.eval("ok = jerl_bench:echo()");
            a.eval("{module, jerl_bench} = code:ensure_loaded(jerl_bench), pong = net_adm:ping(" + b.atom() + ")");
            if (!jerl.ping(Atom.of(b.name()))) {
                throw new IllegalStateException("jerl cannot reach " + b.name());
            }
            System.out.printf(Locale.ROOT, "ping-pong: %,d round trips per run, %d runs (the first is warm-up); %s%n",
                    rounds, runs, tls ? "mutual TLS, " + BenchTls.describe(jerl, b.name()) : "plain TCP");
            Mailbox self = jerl.spawnMailbox();
            Tuple to = new Tuple(ECHO, Atom.of(b.name()));
            for (int run = 0; run < runs; run++) {
                String erl = a.eval("(fun() -> L = jerl_bench:pingpong({bench_echo, " + b.atom() + "}, " + rounds + "),"
                        + " N = length(L), {lists:nth(max(1, N div 2), L), lists:nth(max(1, N * 99 div 100), L)} end)()",
                        Duration.ofMinutes(5));
                long[] jerlTimes = jerlRounds(self, to, rounds);
                String[] e = erl.replaceAll("[{}]", "").split(",");
                System.out.printf(Locale.ROOT, "%s  erl  -> erl  p50 %7.1f µs  p99 %7.1f µs   jerl -> erl  p50 %7.1f µs"
                                + "  p99 %7.1f µs   jerl/erl p50 %.2f p99 %.2f%n", run == 0 ? "warm-up" : "run " + run + "  ",
                        Long.parseLong(e[0]) / 1e3, Long.parseLong(e[1]) / 1e3, p(jerlTimes, 50) / 1e3,
                        p(jerlTimes, 99) / 1e3, p(jerlTimes, 50) / (double) Long.parseLong(e[0]),
                        p(jerlTimes, 99) / (double) Long.parseLong(e[1]));
            }
        }
    }

    private static long[] jerlRounds(Mailbox self, Tuple to, int rounds) throws InterruptedException {
        long[] times = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            ErlInt n = ErlInt.of(i);
            long t0 = System.nanoTime();
            self.send(to, new Tuple(PING, self.pid(), n));
            Term reply = self.receive(Duration.ofSeconds(10));
            times[i] = System.nanoTime() - t0;
            if (!(reply instanceof Tuple t) || !t.get(1).equals(n)) {
                throw new IllegalStateException("unexpected reply " + reply);
            }
        }
        Arrays.sort(times);
        return times;
    }

    private static long p(long[] sorted, int percentile) {
        return sorted[Math.max(0, sorted.length * percentile / 100 - 1)];
    }

    private static ErlNode erl(String prefix, String cookie, Epmd epmd, Path ebin, List<String> extra) {
        return ErlNode.builder(ErlTools.uniqueName(prefix)).cookie(cookie).epmdPort(epmd.port())
                .args("-pa", ebin.toString()).args(extra.toArray(String[]::new)).start();
    }
}
