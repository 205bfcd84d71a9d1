package io.jerl.shell;

import io.jerl.testing.Epmd;
import io.jerl.testing.Processes;
import io.jerl.testing.ErlTools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One shell fed a whole script on standard input, as {@code erl -sname bus < bus.erl} or
 * {@code ./jerl -sname bus < bus.erl}: a real OS process (jerl runs its Main in a fresh JVM), standard output
 * and error together as a user's terminal shows them. Scripts that must interleave wait for each other in
 * Erlang ({@code receive ... after}, polling loops); the test only starts them in order and waits for the end.
 */
final class PipedShell implements AutoCloseable {
    /** Which shell runs the script: the same script and the same expected transcript serve both. */
    enum Kind { ERL, JERL }

    private final String node;
    private final Process process;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private volatile boolean pumping = true;

    private PipedShell(String node, Process process) {
        this.node = node;
        this.process = process;
        Thread pump = new Thread(this::pump, "piped-shell-" + node);
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts {@code kind} as {@code -sname alive -setcookie cookie} on the test's EPMD and pipes {@code script} in. */
    static PipedShell start(Kind kind, String alive, String cookie, int epmdPort, String script) {
        List<String> cmd = new ArrayList<>();
        if (kind == Kind.ERL) {
            // -start_epmd false: the test's private EPMD must already be there; never start a system one.
            cmd.addAll(List.of(ErlTools.executable("erl"), "-start_epmd", "false"));
        } else {
            cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        }
        cmd.addAll(List.of("-sname", alive, "-setcookie", cookie));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("ERL_EPMD_PORT", Integer.toString(epmdPort));
        try {
            PipedShell shell = new PipedShell(alive + "@" + ErlTools.shortHostName(), pb.start());
            try (OutputStream in = shell.process.getOutputStream()) {
                in.write(script.getBytes(StandardCharsets.UTF_8)); // then end of input, as `< file` gives
            }
            return shell;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + kind + " for " + alive, e);
        }
    }

    /** Everything printed so far. */
    String output() {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits until the shell has printed {@code text}, e.g. its second prompt; fails with the output if not. */
    void awaitOutput(String text, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!output().contains(text)) {
            if (System.nanoTime() > deadline || !process.isAlive() && !output().contains(text)) {
                Processes.sleep(100); // the pump may still hold the last bytes
                if (output().contains(text)) {
                    return;
                }
                throw new AssertionError(node + " did not print \"" + text + "\" within " + limit
                        + (process.isAlive() ? "" : " (it exited)") + "; it printed:\n" + output());
            }
            Processes.sleep(50);
        }
    }

    /** Waits for the end of the run (the script's end or q()) and returns the whole transcript. */
    Transcript awaitTranscript(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(node + " was still running after " + limit + "; it printed:\n" + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pumping && System.nanoTime() < deadline) {
            Processes.sleep(20);
        }
        return new Transcript(node, output());
    }

    private void pump() {
        try (InputStream in = process.getInputStream()) {
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (output) {
                    output.write(buf, 0, n);
                }
            }
        } catch (IOException ignored) {
            // the process ended
        } finally {
            pumping = false;
        }
    }

    /** Stops the shell if the script did not end it (a failed test): never leave an erl or JVM behind. */
    @Override
    public void close() {
        if (process.isAlive()) {
            Epmd.stop(process);
        }
    }
}
