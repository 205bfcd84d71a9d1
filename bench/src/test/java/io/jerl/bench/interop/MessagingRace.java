package io.jerl.bench.interop;

import io.jerl.protocol.node.Mailbox;
import io.jerl.protocol.node.Node;
import io.jerl.protocol.term.Atom;
import io.jerl.protocol.term.Binary;
import io.jerl.protocol.term.ErlInt;
import io.jerl.protocol.term.Term;
import io.jerl.protocol.term.Tuple;
import io.jerl.testing.Epmd;
import io.jerl.testing.ErlNode;
import io.jerl.testing.ErlTools;
import io.jerl.testing.JerlTestNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messaging race: erl→erl, jerl→erl and erl→jerl throughput measured side by side, in one run, on one
 * machine and one private EPMD. Not a test (it asserts nothing about speed); run it with
 * {@code mvn -q -pl bench exec:exec} (see bench/README.md) or any JVM with bench's test classpath.
 *
 * <p>Three nodes: erl A (sender), erl B (receiver) and the jerl node J in this JVM (sender and receiver).
 * Each direction sends the same N messages {@code {msg, I, <<"payload">>}} to a registered name on the other
 * node ({@code {bench_rx, Node} ! Msg}, a REG_SEND on the wire): erl→erl is A to B, jerl→erl is J to the
 * same kind of receiver on B, erl→jerl is A to a Mailbox on J. A receiver counts messages of that shape and
 * notes the time when it has seen all N. A run's time is from the sender's first send to the receiver's last
 * receive, both read from the OS wall clock (erl's {@code os:system_time/1}, Java's {@link Clock#systemUTC()}),
 * which is one clock for every process on the machine. Directions take turns within each round, so drift in
 * the machine's load touches them alike; the first rounds are warm-up and are not counted. Each run also
 * reports the CPU share that processes outside the race took meanwhile ({@link CpuMeter}), so that rounds
 * disturbed by other work on a shared machine can be seen.
 */
public final class MessagingRace {
    static final Atom MSG = Atom.of("msg");
    static final Binary PAYLOAD = Binary.of("payload");
    static final String RX = "bench_rx";
    private static final Clock WALL = Clock.systemUTC();
    private static final Pattern TWO_INTS = Pattern.compile("\\{(\\d+),(\\d+)}");
    private static final Pattern DONE = Pattern.compile("\\{done,(\\d+)}");

    enum Direction {
        ERL_TO_ERL("erl-erl", "erl  -> erl "), JERL_TO_ERL("jerl-erl", "jerl -> erl "),
        ERL_TO_JERL("erl-jerl", "erl  -> jerl");

        final String option;
        final String label;

        Direction(String option, String label) {
            this.option = option;
            this.label = label;
        }

        static Direction byOption(String option) {
            for (Direction d : values()) {
                if (d.option.equals(option)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("unknown direction '" + option + "'; the directions are erl-erl,"
                    + " jerl-erl and erl-jerl\n" + Options.USAGE);
        }
    }

    /**
     * One timed run: messages per second, how long the sender was busy (it may finish well before the
     * receiver), and how much CPU other processes on the machine took meanwhile (NaN when unknown).
     */
    record Sample(double msgsPerSec, double elapsedMs, double senderMs, double otherCpuPercent) {
        static Sample of(int n, long t0Micros, long senderDoneMicros, long lastReceiveMicros) {
            long elapsed = Math.max(1, lastReceiveMicros - t0Micros);
            return new Sample(n * 1e6 / elapsed, elapsed / 1e3, (senderDoneMicros - t0Micros) / 1e3, Double.NaN);
        }

        Sample withOtherCpu(double percent) {
            return new Sample(msgsPerSec, elapsedMs, senderMs, percent);
        }
    }

    /**
     * Command-line options: {@code --messages=N --warmup=K --rounds=R --timeout-s=S --erl-args="..."
     * --directions=...}. The erl args are extra flags for both erl nodes (split at spaces), e.g.
     * {@code +sbwt none}; the directions (comma-separated) let a profiling run do one direction only.
     */
    record Options(int messages, int warmup, int rounds, int timeoutSeconds, List<String> erlArgs,
                   List<Direction> directions, boolean tls) {
        static final Options DEFAULTS = new Options(500_000, 3, 9, 60, List.of(), List.of(Direction.values()), false);
        static final String USAGE = "usage: MessagingRace [--messages=N] [--warmup=ROUNDS] [--rounds=ROUNDS]"
                + " [--timeout-s=SECONDS] [--erl-args=\"FLAGS\"] [--directions=erl-erl,jerl-erl,erl-jerl] [--tls=true]\n"
                + "  defaults: --messages=" + DEFAULTS.messages + " --warmup=" + DEFAULTS.warmup + " --rounds="
                + DEFAULTS.rounds + " --timeout-s=" + DEFAULTS.timeoutSeconds
                + " --erl-args=\"\" --directions=erl-erl,jerl-erl,erl-jerl";

        Options {
            if (messages < 1 || warmup < 0 || rounds < 1 || timeoutSeconds < 1) {
                throw new IllegalArgumentException("need messages >= 1, warmup >= 0, rounds >= 1, timeout-s >= 1;"
                        + " got " + messages + ", " + warmup + ", " + rounds + ", " + timeoutSeconds + "\n" + USAGE);
            }
            erlArgs = List.copyOf(erlArgs);
            directions = List.copyOf(directions);
            if (directions.isEmpty()) {
                throw new IllegalArgumentException("name at least one direction\n" + USAGE);
            }
        }

        /** Parses {@code --name=value} pairs; blank arguments are skipped, numbers may contain underscores. */
        static Options parse(String... args) {
            int messages = DEFAULTS.messages;
            int warmup = DEFAULTS.warmup;
            int rounds = DEFAULTS.rounds;
            int timeout = DEFAULTS.timeoutSeconds;
            List<String> erlArgs = DEFAULTS.erlArgs;
            List<Direction> directions = DEFAULTS.directions;
            boolean tls = DEFAULTS.tls;
            for (String arg : args) {
                if (arg == null || arg.isBlank()) {
                    continue;
                }
                int eq = arg.indexOf('=');
                if (!arg.startsWith("--") || eq < 0) {
                    throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + USAGE);
                }
                String name = arg.substring(2, eq);
                String text = arg.substring(eq + 1);
                if (name.equals("erl-args")) {
                    erlArgs = text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
                    continue;
                }
                if (name.equals("tls")) {
                    tls = Boolean.parseBoolean(text.strip());
                    continue;
                }
                if (name.equals("directions")) {
                    List<Direction> ds = new ArrayList<>();
                    for (String one : text.split(",")) {
                        Direction d = Direction.byOption(one.strip());
                        if (!ds.contains(d)) {
                            ds.add(d);
                        }
                    }
                    ds.sort(null);
                    directions = ds;
                    continue;
                }
                int value = number(name, text);
                switch (name) {
                    case "messages":
                        messages = value;
                        break;
                    case "warmup":
                        warmup = value;
                        break;
                    case "rounds":
                        rounds = value;
                        break;
                    case "timeout-s":
                        timeout = value;
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
                }
            }
            return new Options(messages, warmup, rounds, timeout, erlArgs, directions, tls);
        }

        private static int number(String name, String text) {
            try {
                return Integer.parseInt(text.strip().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " needs a whole number, got '" + text + "'\n" + USAGE);
            }
        }
    }

    private final Options options;
    private final ErlNode a;
    private final ErlNode b;
    private final Node jerl;
    private final Mailbox jerlSender;
    private final Mailbox jerlReceiver;
    private CpuMeter cpu;

    private MessagingRace(Options options, ErlNode a, ErlNode b, Node jerl) {
        this.options = options;
        this.a = a;
        this.b = b;
        this.jerl = jerl;
        this.jerlSender = jerl.spawnMailbox();
        this.jerlReceiver = jerl.spawnMailbox(RX);
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path ebin = JerlTestNode.compileErlang("jerl_bench.erl");
        String cookie = ErlTools.randomCookie();
        BenchTls tls = options.tls() ? BenchTls.create() : null;
        List<String> erlArgs = tls == null ? options.erlArgs() : tls.erlArgs(options.erlArgs());
        try (Epmd epmd = Epmd.start();
             ErlNode a = erl("bench_a", cookie, epmd, ebin, erlArgs);
             ErlNode b = erl("bench_b", cookie, epmd, ebin, erlArgs);
             Node jerl = JerlTestNode.start("bench_j", cookie, epmd.port(), o -> tls == null ? o : o.withTls(tls.jerl()))) {
            MessagingRace race = new MessagingRace(options, a, b, jerl);
            race.connect();
            race.cpu = CpuMeter.forThisProcessTree();
            race.printSetup();
            Map<Direction, List<Sample>> results = race.run();
            System.out.println();
            System.out.print(table(results));
        }
    }

    private static ErlNode erl(String prefix, String cookie, Epmd epmd, Path ebin, List<String> extra) {
        return ErlNode.builder(ErlTools.uniqueName(prefix)).cookie(cookie).epmdPort(epmd.port())
                .args("-pa", ebin.toString()).args(extra.toArray(String[]::new)).start();
    }

    /** Connects every pair up front, so no run pays for a handshake, and loads the module on both erls. */
    private void connect() {
        for (ErlNode n : List.of(a, b)) {
            n.eval("{module, jerl_bench} = code:ensure_loaded(jerl_bench)");
        }
        a.eval("pong = net_adm:ping(" + b.atom() + ")");
        a.eval("pong = net_adm:ping(" + JerlTestNode.atom(jerl) + ")");
        if (!jerl.ping(Atom.of(b.name()))) {
            throw new IllegalStateException("jerl cannot reach " + b.name());
        }
    }

    private void printSetup() {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "messaging race: %,d messages {msg, I, <<\"payload\">>} per run, %d warm-up"
                        + " round(s), %d measured round(s)%n", options.messages(), options.warmup(), options.rounds());
        System.out.printf(Locale.ROOT, "machine: %d cpu(s); java %s (%s), max heap %d MiB; erl OTP %s, erts %s%n",
                rt.availableProcessors(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                rt.maxMemory() >> 20, erlString("erlang:system_info(otp_release)"),
                erlString("erlang:system_info(version)"));
        System.out.printf("nodes: erl A %s (sender), erl B %s (receiver), jerl %s; extra erl flags: %s%s%n%n",
                a.name(), b.name(), jerl.name().name(),
                options.erlArgs().isEmpty() ? "none" : String.join(" ", options.erlArgs()),
                options.tls() ? "; every connection over mutual TLS (-proto_dist inet_tls), " + BenchTls.describe(jerl, b.name())
                        : "");
    }

    private Map<Direction, List<Sample>> run() throws InterruptedException {
        Map<Direction, List<Sample>> measured = new EnumMap<>(Direction.class);
        for (Direction d : options.directions()) {
            measured.put(d, new ArrayList<>());
        }
        int total = options.warmup() + options.rounds();
        for (int round = 1; round <= total; round++) {
            boolean warm = round <= options.warmup();
            for (Direction d : options.directions()) {
                cpu.start();
                Sample s = runOnce(d).withOtherCpu(cpu.otherPercent());
                System.out.printf(Locale.ROOT, "%-7s %2d  %s  %,12.0f msgs/s  %9.1f ms  (sender done at %7.1f ms)"
                                + "  other procs %s%n", warm ? "warm-up" : "round",
                        warm ? round : round - options.warmup(), d.label, s.msgsPerSec(), s.elapsedMs(), s.senderMs(),
                        percent(s.otherCpuPercent()));
                if (!warm) {
                    measured.get(d).add(s);
                }
            }
        }
        return measured;
    }

    private Sample runOnce(Direction d) throws InterruptedException {
        switch (d) {
            case ERL_TO_ERL:
                return erlToErl();
            case JERL_TO_ERL:
                return jerlToErl();
            case ERL_TO_JERL:
                return erlToJerl();
            default:
                throw new IllegalStateException(d.name());
        }
    }

    private Sample erlToErl() {
        startErlReceiver();
        long[] sent = erlSend("{" + RX + ", " + b.atom() + "}");
        return Sample.of(options.messages(), sent[0], sent[1], collectErlReceiver());
    }

    private Sample jerlToErl() {
        startErlReceiver();
        Tuple to = new Tuple(Atom.of(RX), Atom.of(b.name()));
        int n = options.messages();
        long t0 = wallMicros();
        for (int i = 1; i <= n; i++) {
            jerlSender.send(to, new Tuple(MSG, ErlInt.of(i), PAYLOAD));
        }
        long sent = wallMicros();
        return Sample.of(n, t0, sent, collectErlReceiver());
    }

    private Sample erlToJerl() throws InterruptedException {
        int n = options.messages();
        long[] lastReceive = {0};
        Throwable[] failure = {null};
        CountDownLatch done = new CountDownLatch(1);
        Thread receiver = new Thread(() -> {
            try {
                int seen = 0;
                while (seen < n) {
                    Term m = jerlReceiver.receive();
                    if (m instanceof Tuple t && t.arity() == 3 && MSG.equals(t.get(0))) {
                        seen++;
                    }
                }
                lastReceive[0] = wallMicros();
            } catch (InterruptedException e) {
                failure[0] = new IllegalStateException("erl -> jerl: the jerl receiver did not see all " + n
                        + " messages within " + options.timeoutSeconds() + " s");
            } catch (RuntimeException | Error e) {
                failure[0] = e;
            } finally {
                done.countDown();
            }
        }, "bench-jerl-receiver");
        receiver.setDaemon(true);
        receiver.start();
        long[] sent;
        try {
            sent = erlSend("{" + RX + ", " + JerlTestNode.atom(jerl) + "}");
            if (!done.await(options.timeoutSeconds(), TimeUnit.SECONDS)) {
                receiver.interrupt();
                done.await();
            }
        } finally {
            receiver.interrupt(); // a no-op once it has finished; ends it if the sender failed
        }
        if (failure[0] != null) {
            jerlReceiver.drain();
            throw new IllegalStateException(failure[0].getMessage(), failure[0]);
        }
        return Sample.of(n, sent[0], sent[1], lastReceive[0]);
    }

    private void startErlReceiver() {
        b.eval("jerl_bench:start_receiver(" + RX + ", " + options.messages() + ")");
    }

    private long collectErlReceiver() {
        int ms = options.timeoutSeconds() * 1000;
        String reply = b.eval("jerl_bench:collect(" + RX + ", " + ms + ")", Duration.ofMillis(ms + 10_000));
        Matcher m = DONE.matcher(reply);
        if (!m.matches()) {
            throw new IllegalStateException("the erl receiver did not see all " + options.messages()
                    + " messages within " + options.timeoutSeconds() + " s: " + reply);
        }
        return Long.parseLong(m.group(1));
    }

    /** Runs the erl sender on A; returns the times of its first send and of its return. */
    private long[] erlSend(String dest) {
        String reply = a.eval("jerl_bench:send(" + dest + ", " + options.messages() + ", <<\"payload\">>)",
                Duration.ofSeconds(options.timeoutSeconds()));
        Matcher m = TWO_INTS.matcher(reply);
        if (!m.matches()) {
            throw new IllegalStateException("unexpected reply from the erl sender: " + reply);
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    static long wallMicros() {
        Instant now = WALL.instant();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** The value of an erl expression that gives a string (a list, which ~tw prints as numbers). */
    private String erlString(String expr) {
        return b.eval("list_to_atom(" + expr + ")").replace("'", "");
    }

    private static String percent(double p) {
        return Double.isNaN(p) ? "?" : String.format(Locale.ROOT, "%.0f%%", p);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    /** Rounds in which other processes took more than this share of the CPUs count as disturbed. */
    static final double QUIET_PERCENT = 10;

    /**
     * The summary: median, min and max msgs/s per direction and each median against erl→erl's (when run); then,
     * if some rounds were disturbed by other processes, the same over the quiet rounds only.
     */
    static String table(Map<Direction, List<Sample>> results) {
        StringBuilder out = new StringBuilder("all measured rounds:\n");
        table(results, out);
        Map<Direction, List<Sample>> quiet = new EnumMap<>(Direction.class);
        boolean disturbed = false;
        boolean eachHasQuiet = true;
        for (Map.Entry<Direction, List<Sample>> e : results.entrySet()) {
            List<Sample> q = new ArrayList<>();
            for (Sample s : e.getValue()) {
                if (s.otherCpuPercent() > QUIET_PERCENT) {
                    disturbed = true;
                } else {
                    q.add(s);
                }
            }
            eachHasQuiet &= !q.isEmpty();
            quiet.put(e.getKey(), q);
        }
        if (disturbed) {
            out.append(String.format(Locale.ROOT, "%nquiet rounds only (other processes took <= %.0f%% of the CPUs):%n",
                    QUIET_PERCENT));
            if (eachHasQuiet) {
                table(quiet, out);
            } else {
                out.append("  (none for some direction)\n");
            }
        }
        return out.toString();
    }

    private static void table(Map<Direction, List<Sample>> results, StringBuilder out) {
        List<Sample> baseline = results.get(Direction.ERL_TO_ERL);
        double base = baseline == null ? Double.NaN : median(rates(baseline));
        out.append(String.format(Locale.ROOT, "%-14s %7s %14s %14s %14s %12s %12s%n", "direction", "rounds",
                "median msgs/s", "min msgs/s", "max msgs/s", "vs erl->erl", "other procs"));
        for (Map.Entry<Direction, List<Sample>> e : results.entrySet()) {
            List<Double> r = rates(e.getValue());
            double med = median(r);
            double worstOther = e.getValue().stream().mapToDouble(Sample::otherCpuPercent).max().orElse(Double.NaN);
            out.append(String.format(Locale.ROOT, "%-14s %7d %,14.0f %,14.0f %,14.0f %12s %12s%n", e.getKey().label,
                    r.size(), med, r.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    r.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                    Double.isNaN(base) ? "-" : String.format(Locale.ROOT, "%.2fx", med / base),
                    "<= " + percent(worstOther)));
        }
    }

    private static List<Double> rates(List<Sample> samples) {
        List<Double> r = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            r.add(s.msgsPerSec());
        }
        return r;
    }
}
