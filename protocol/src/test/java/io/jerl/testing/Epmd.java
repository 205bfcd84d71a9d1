package io.jerl.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code epmd} on a private port, run in the foreground so the test owns it and kills it. Nodes
 * find it through {@code ERL_EPMD_PORT}.
 */
public final class Epmd implements AutoCloseable {
    private final Process process;
    private final int port;

    private Epmd(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Epmd start() {
        return startOn(ErlTools.freePort());
    }

    /** The epmd of a given Erlang/OTP release, on a free port. */
    public static Epmd start(ErlangRelease release) {
        return startOn(release, ErlTools.freePort());
    }

    /** An epmd on a given port, e.g. to bring one back where a killed one was. */
    public static Epmd startOn(int port) {
        return startOn(ErlangRelease.system(), port);
    }

    private static Epmd startOn(ErlangRelease release, int port) {
        try {
            Process p = new ProcessBuilder(release.command("epmd", java.util.List.of("-port", Integer.toString(port))))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Epmd epmd = new Epmd(p, port);
            epmd.awaitListening(Duration.ofSeconds(10));
            return epmd;
        } catch (IOException e) {
            throw new AssertionError("cannot start epmd", e);
        }
    }

    public int port() {
        return port;
    }

    private void awaitListening(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("epmd on port " + port + " exited with " + process.exitValue());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Processes.sleep(50);
            }
        }
        close();
        throw new AssertionError("epmd did not listen on port " + port + " within " + limit);
    }

    /** Kills epmd with SIGKILL, as a crash would: every registration connection just drops. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(process);
    }

    /** Ends a process the test started: politely (SIGTERM), then by force; never leaves one behind. */
    public static void stop(Process process) {
        process.destroy();
        Processes.awaitOrKill(process);
    }
}
