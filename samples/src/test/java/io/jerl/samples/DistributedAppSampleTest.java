package io.jerl.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jerl.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 004 (samples/004-distributed-app): the distro application on three real erl nodes fails over when its node
 * is killed and is taken over when the node returns, watched from jerl's prompt. Runs the README's commands as
 * written (the erl ones in a copy of the sample folder) on a pretend host of its own (samples/hosts.sh), where
 * EPMD and the cookie {@code distro} are the test's own, and types the lines of jerl-watch.erl and jerl-look.erl.
 */
class DistributedAppSampleTest {
    private static final String ONE = "'one@127.0.0.1'";
    /** The README runs the nodes on the learner's machine; the test gives them a machine of their own. */
    private static final String HOST = "laptop";
    /** The configured failover delay is 5000 ms; the test's clock starts before the kill, so it sees at least that. */
    private static final Duration FAILOVER_DELAY = Duration.ofMillis(4500);

    @TempDir
    Path work;

    private final StringBuilder flushed = new StringBuilder();
    private Sample sample;
    private Hosts hosts;

    /** What jerl answered to the three lines of jerl-look.erl. */
    private record Look(String flush, String table, String sums) {
    }

    @Test
    void distroFailsOverWhenOneIsKilledAndIsTakenOverWhenOneReturns() throws Exception {
        sample = Sample.named("004-distributed-app");
        try (Hosts h = Hosts.up("samples/hosts.sh up " + HOST)) { // fails first, saying how, if Erlang is missing
            hosts = h;
            build();
            watchFailoverAndTakeover();
        }
    }

    private void watchFailoverAndTakeover() {
        Terminal one = startErl("one");
        Terminal two = startErl("two");
        Terminal three = startErl("three");
        one.expect("one starts distro", "distro: starting on " + ONE + " in normal mode\n");

        Terminal jerl = hosts.shellOn(HOST, "jerl", sample.commandStartingWith("./jerl "));
        Sample.Script watch = sample.script("jerl-watch.erl");
        assertEquals("pong", answer(jerl, "jerl: ping one", watch.next()));
        for (int i = 0; i < 3; i++) {
            String binding = watch.next();
            answer(jerl, "jerl: " + binding.substring(0, binding.indexOf(' ')) + " = ...", binding);
        }
        assertEquals("ok", answer(jerl, "jerl: net_kernel:monitor_nodes(true)", watch.next()));
        String onTwo = answer(jerl, "jerl: add on two, which does not run distro", watch.last());
        assertEquals("{badrpc,{'EXIT',{noproc,{gen_server,call,[distro_calc,{add,4,5}]}}}}", flat(onTwo),
                "step \"jerl: add on two\"");

        Look first = look(jerl, "jerl: look before the kill");
        assertTrue(first.flush().matches("(Shell got \\{nodeup,'(two|three)@127\\.0\\.0\\.1'\\}\\n)*ok"),
                "step \"jerl: look before the kill\": flush() should show at most nodeups of two and three, got:\n"
                + first.flush());
        assertEquals("[{" + ONE + ",true},{'two@127.0.0.1',false},{'three@127.0.0.1',false}]", flat(first.table()),
                "step \"jerl: look before the kill\": only one runs distro");
        assertEquals("[{9," + ONE + "}]", flat(first.sums()), "step \"jerl: look before the kill\": add on one");

        long killedBefore = System.nanoTime();
        one.type(sample.commandStartingWith("os:cmd(\"kill -9 \""));
        one.awaitExit("one kills itself");
        Look failover = lookUntil(jerl, "jerl: look until two or three runs distro",
                l -> !flat(l.sums()).equals("[]"));
        Duration waited = Duration.ofNanos(System.nanoTime() - killedBefore);
        assertTrue(waited.compareTo(FAILOVER_DELAY) >= 0, "distro moved after " + waited.toMillis()
                + " ms, before the configured 5000 ms failover delay");
        assertTrue(flushed.toString().contains("Shell got {nodedown," + ONE + "}"),
                "step \"jerl: flush after the kill\" should show the nodedown, flushed:\n" + flushed);
        String runner = flat(failover.sums()).replaceAll("^\\[\\{9,(.*)\\}\\]$", "$1");
        assertTrue(runner.equals("'two@127.0.0.1'") || runner.equals("'three@127.0.0.1'"),
                "step \"jerl: look after failover\": add should answer from two or three, got " + failover.sums());
        Terminal runnerTerminal = runner.startsWith("'two") ? two : three;
        assertEquals("[{" + ONE + ",{badrpc,nodedown}},{'two@127.0.0.1'," + runner.startsWith("'two")
                + "},{'three@127.0.0.1'," + runner.startsWith("'three") + "}]", flat(failover.table()),
                "step \"jerl: look after failover\": which nodes run distro");
        runnerTerminal.expect("the failover node starts distro", "distro: starting on " + runner + " in normal mode\n");

        Terminal oneAgain = startErl("one");
        oneAgain.expect("one returns and takes over",
                "distro: starting on " + ONE + " in {takeover," + runner + "} mode\n");
        runnerTerminal.expect("the failover node stops distro", "distro: stopped on " + runner + "\n");
        lookUntil(jerl, "jerl: look until one runs distro again", l -> flat(l.sums()).equals("[{9," + ONE + "}]"));
        Look back = look(jerl, "jerl: look after takeover");
        assertEquals("[{" + ONE + ",true},{'two@127.0.0.1',false},{'three@127.0.0.1',false}]", flat(back.table()),
                "step \"jerl: look after takeover\": only one runs distro");
        assertTrue(flushed.toString().contains("Shell got {nodeup," + ONE + "}"),
                "step \"jerl: flush after takeover\" should show one's nodeup, flushed:\n" + flushed);
    }

    /** The README's build line, run in a copy of the sample's sources. */
    private void build() throws IOException, InterruptedException {
        for (String folder : List.of("src", "config")) {
            Files.createDirectories(work.resolve(folder));
            try (var files = Files.list(sample.dir().resolve(folder))) {
                for (Path f : files.toList()) {
                    Files.copy(f, work.resolve(folder).resolve(f.getFileName()));
                }
            }
        }
        Process build = new ProcessBuilder("bash", "-c", sample.commandStartingWith("mkdir -p ebin"))
                .directory(work.toFile()).redirectErrorStream(true).start();
        String out = new String(build.getInputStream().readAllBytes());
        assertTrue(build.waitFor(120, TimeUnit.SECONDS) && build.exitValue() == 0, "step \"build\" failed:\n" + out);
    }

    private Terminal startErl(String name) {
        return hosts.startOn(HOST, name, sample.commandStartingWith("erl -name " + name + "@"), work);
    }

    /** Types one line at jerl's prompt; the answer without the log lines jerl may print meanwhile. */
    private static String answer(Terminal jerl, String step, String line) {
        return jerl.enter(step, line).text().replaceAll("(?m)^\\[(INFO|WARN|ERROR)\\] .*\\R", "").strip();
    }

    private Look look(Terminal jerl, String step) {
        Sample.Script lines = sample.script("jerl-look.erl");
        String flush = answer(jerl, step + ": flush()", lines.next());
        flushed.append(flush).append('\n');
        return new Look(flush, answer(jerl, step + ": which nodes run distro", lines.next()),
                answer(jerl, step + ": add where distro runs", lines.last()));
    }

    /** Looks again every second, as a learner would, until {@code done}. */
    private Look lookUntil(Terminal jerl, String step, Predicate<Look> done) {
        long deadline = System.nanoTime() + Terminal.PATIENCE.toNanos();
        List<Look> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            Look l = look(jerl, step);
            seen.add(l);
            if (done.test(l)) {
                return l;
            }
            Processes.sleep(1000);
        }
        throw new AssertionError("step \"" + step + "\" never happened; jerl answered:\n" + seen + "\n"
                + hosts.transcripts());
    }

    /** A term as printed, without the line breaks and indentation erl's ~p adds to long terms. */
    private static String flat(String printed) {
        return printed.replaceAll("\\s+", "");
    }
}
