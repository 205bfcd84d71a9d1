package io.jerl.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace joined to this host by a veth pair on a private /30: the "other host" a test needs to
 * check what a server accepts from a non-local address, without sending anything off the machine. Needs root
 * (or password-less sudo); always deleted by {@link #close()}.
 */
public final class NetNs implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String name;
    private final String hostSide;
    private final String hostAddress;
    private final String nsAddress;

    private NetNs(String name, String hostSide, String hostAddress, String nsAddress) {
        this.name = name;
        this.hostSide = hostSide;
        this.hostAddress = hostAddress;
        this.nsAddress = nsAddress;
    }

    public static NetNs create() {
        String id = Integer.toString(RANDOM.nextInt(1 << 20), 36);
        int net = RANDOM.nextInt(256);
        int sub = RANDOM.nextInt(64) * 4;
        String host = "10.233." + net + "." + (sub + 1);
        String peer = "10.233." + net + "." + (sub + 2);
        NetNs ns = new NetNs("jerl" + id, "jh" + id, host, peer);
        try {
            run("ip", "netns", "add", ns.name);
            run("ip", "link", "add", ns.hostSide, "type", "veth", "peer", "name", "jn" + id, "netns", ns.name);
            run("ip", "addr", "add", host + "/30", "dev", ns.hostSide);
            run("ip", "link", "set", ns.hostSide, "up");
            run("ip", "netns", "exec", ns.name, "ip", "addr", "add", peer + "/30", "dev", "jn" + id);
            run("ip", "netns", "exec", ns.name, "ip", "link", "set", "jn" + id, "up");
            run("ip", "netns", "exec", ns.name, "ip", "link", "set", "lo", "up");
            return ns;
        } catch (RuntimeException | Error e) {
            ns.close();
            throw e;
        }
    }

    /** This host's address on the veth pair: what the namespace reaches us at. */
    public String hostAddress() {
        return hostAddress;
    }

    /** The namespace's own address. */
    public String nsAddress() {
        return nsAddress;
    }

    /** Runs a command inside the namespace and returns its standard output. */
    public String exec(String... command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
        cmd.addAll(List.of(command));
        return run(cmd.toArray(String[]::new));
    }

    private static String run(String... command) {
        List<String> cmd = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            cmd.addAll(List.of("sudo", "-n"));
        }
        cmd.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", cmd) + " failed (network namespaces need root or"
                        + " password-less sudo): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        try {
            run("ip", "link", "del", hostSide);
        } catch (AssertionError alreadyGone) {
            // the pair goes with the namespace anyway
        }
        try {
            run("ip", "netns", "del", name);
        } catch (AssertionError alreadyGone) {
            // never made
        }
    }
}
