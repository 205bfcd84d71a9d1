package io.jerl.samples;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A private network namespace with only its loopback up: inside it, ports such as 4369 and 9000 and any
 * cookie belong to this test alone, so a README's literal commands run as written. Closing it kills whatever
 * still runs inside (EPMD daemons the nodes started) and deletes it.
 */
final class NetNamespace implements AutoCloseable {
    private final String name;

    private NetNamespace(String name) {
        this.name = name;
    }

    static NetNamespace create(String prefix) {
        String name = prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFL, 36)
                .toLowerCase(Locale.ROOT);
        run("ip", "netns", "add", name);
        NetNamespace ns = new NetNamespace(name);
        try {
            run("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up");
        } catch (AssertionError e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** {@code command} run inside the namespace. */
    List<String> inside(List<String> command) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", name));
        all.addAll(command);
        return all;
    }

    /** A shell command line (as a README shows it) run by bash inside the namespace. */
    List<String> insideBash(String line) {
        return inside(List.of("bash", "-c", "exec " + line));
    }

    @Override
    public void close() {
        for (String pid : output("ip", "netns", "pids", name).split("\\s+")) {
            if (!pid.isBlank()) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        run("ip", "netns", "delete", name);
    }

    private static void run(String... command) {
        output(command);
    }

    private static String output(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (network namespaces need root): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
