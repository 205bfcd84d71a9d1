package io.jerl.samples;

import io.jerl.testing.ErlTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pretend machines of {@code samples/hosts.sh}, made for one test under a lab name of its own (so parallel
 * runs never share a namespace) and always taken down: by {@link #close()}, or by a shutdown hook when the JVM
 * is stopped half-way.
 */
final class Hosts implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String lab;
    private final List<Terminal> terminals = new ArrayList<>();
    private final Thread hook = new Thread(this::down);

    private Hosts(String lab) {
        this.lab = lab;
    }

    /** Runs {@code samples/hosts.sh up HOST...}; fails the test with the script's output when it cannot. */
    static Hosts up(String commandLine) {
        if (!commandLine.startsWith("samples/hosts.sh up ")) {
            throw new IllegalArgumentException("not a hosts.sh up command: " + commandLine);
        }
        ErlTools.executable("erl"); // every host runs an EPMD: a missing Erlang fails here, saying how to install it
        Hosts h = new Hosts("t" + Long.toString(RANDOM.nextLong() & 0xFFFFFFFFFL, 36));
        Runtime.getRuntime().addShutdownHook(h.hook);
        try {
            h.run(commandLine);
        } catch (AssertionError e) {
            h.close();
            throw e;
        }
        return h;
    }

    /** Runs a README command line to its end; returns its output. */
    String run(String commandLine) {
        return run(Terminal.command(commandLine));
    }

    private String run(List<String> command) {
        Process p = start(command);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("'" + String.join(" ", command) + "' did not finish within 60 s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError("'" + String.join(" ", command) + "' failed (exit " + p.exitValue() + "):\n" + out);
            }
            return out;
        } catch (InterruptedException | IOException e) {
            throw new AssertionError("running '" + String.join(" ", command) + "'", e);
        }
    }

    /** Starts a README command line that runs a shell (erl or jerl) on a host, and waits for its first prompt. */
    Terminal shell(String name, String commandLine) {
        if (!commandLine.startsWith("samples/hosts.sh run ")) {
            throw new IllegalArgumentException("not a hosts.sh run command: " + commandLine);
        }
        Terminal t = start(name, commandLine, Sample.ROOT);
        t.awaitPrompt("start");
        return t;
    }

    /**
     * Starts, on {@code host}, a README command line that the README runs on the learner's own machine, and
     * waits for its first prompt: on a host of its own the line's fixed ports (EPMD's 4369, a pinned
     * distribution port) and its cookie belong to this test alone.
     */
    Terminal shellOn(String host, String name, String commandLine) {
        return shell(name, "samples/hosts.sh run " + host + " " + commandLine);
    }

    /**
     * As {@link #shellOn}, run in {@code dir} instead of the repository root, without waiting for a prompt (an erl
     * that waits at boot for other nodes prints none until they come).
     */
    Terminal startOn(String host, String name, String commandLine, Path dir) {
        return start(name, Sample.ROOT.resolve("samples/hosts.sh") + " run " + host + " " + commandLine, dir);
    }

    private Terminal start(String name, String commandLine, Path dir) {
        Terminal t = Terminal.start(name, commandLine, dir, env(dir));
        terminals.add(t);
        return t;
    }

    /** Everything the shells on the hosts printed, for a failure that concerns them all. */
    String transcripts() {
        StringBuilder all = new StringBuilder();
        terminals.forEach(t -> all.append(t.transcript()).append('\n'));
        return all.toString();
    }

    /** hosts.sh finds this test's hosts by the lab name, and runs commands in $PWD (bash keeps it: it is the cwd). */
    private Map<String, String> env(Path dir) {
        return Map.of("JERL_LAB", lab, "PWD", dir.toString());
    }

    private Process start(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(Sample.ROOT.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env(Sample.ROOT));
        try {
            return pb.start();
        } catch (IOException e) {
            throw new AssertionError("cannot start '" + String.join(" ", command) + "'", e);
        }
    }

    @Override
    public void close() {
        terminals.forEach(Terminal::close);
        down();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or ran; nothing left to undo
        }
    }

    /** {@code hosts.sh down}: every process on the hosts is killed and the namespaces are removed. */
    private void down() {
        try {
            Process p = start(List.of("samples/hosts.sh", "down"));
            p.getInputStream().transferTo(System.err);
            p.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            System.err.println("hosts.sh down for lab " + lab + " failed: " + e);
        }
    }
}
