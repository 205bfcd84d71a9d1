package io.jerl.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;

/** Small facts the interop tests need: where erl is, a free port, a fresh cookie, this host's short name. */
public final class ErlTools {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ErlTools() {
    }

    /**
     * The path of an executable from Erlang/OTP. A missing erl is a test failure, never a skip: CI installs
     * erlang-nox, and a suite that silently skipped its interop tests would prove nothing.
     */
    public static String executable(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new AssertionError("'" + name + "' is not on the PATH: interop tests need a real Erlang/OTP."
                + " Install it with: apt-get install -y erlang-nox");
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError("no free TCP port", e);
        }
    }

    public static String randomCookie() {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return sb.toString();
    }

    /** A node name unique to this run, e.g. {@code erl_ab12cd}. */
    public static String uniqueName(String prefix) {
        return prefix + "_" + Long.toString(RANDOM.nextLong() & 0xFFFFFFFFL, 36).toLowerCase(Locale.ROOT);
    }

    /** The host part erl gives -sname nodes: the host name up to the first dot. */
    public static String shortHostName() {
        try {
            Path proc = Path.of("/proc/sys/kernel/hostname");
            String h = Files.exists(proc) ? Files.readString(proc).trim() : InetAddress.getLocalHost().getHostName();
            int dot = h.indexOf('.');
            return dot < 0 ? h : h.substring(0, dot);
        } catch (IOException e) {
            throw new AssertionError("cannot read this host's name", e);
        }
    }
}
