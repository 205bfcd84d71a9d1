package io.jerl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * One Erlang/OTP release a test can run {@code erl} and {@code epmd} of: the system's (Debian bookworm's
 * erlang-nox, OTP 25) or one in a Debian root made by {@code samples/otp-roots.sh prepare} (trixie: OTP 27,
 * sid: OTP 29), entered with {@code chroot}. A root shares this machine's network, host name and
 * {@code /etc/hosts}, and sees this machine's {@code /tmp}, so ports, names and temporary files mean the same
 * on both sides.
 *
 * <p>A release that is not there fails the test in CI ({@code CI=true}), naming it; elsewhere the test is
 * skipped with the command that prepares it.
 */
public record ErlangRelease(int otp, String debian, Path root, boolean present) {
    /** The releases every cross-release test runs against, with the Debian suite each comes from. */
    public static final Map<Integer, String> TESTED = Map.of(25, "bookworm", 27, "trixie", 29, "sid");
    private static final Path ROOTS = Path.of(System.getenv().getOrDefault("JERL_OTP_ROOTS", "/var/cache/jerl-otp"));
    private static volatile ErlangRelease system;

    /** The system's erl: whatever release the erl on the PATH is. */
    public static ErlangRelease system() {
        ErlangRelease s = system;
        if (s == null) {
            Path erl = Path.of(ErlTools.executable("erl"));
            int otp;
            try {
                otp = releaseIn(erl.toRealPath().getParent().getParent());
            } catch (IOException e) {
                throw new AssertionError("cannot tell which OTP release " + erl + " is", e);
            }
            s = system = new ErlangRelease(otp, "system", null, true);
        }
        return s;
    }

    /** Release {@code otp}: the system's erl when it is that release, else a prepared root holding it. */
    public static ErlangRelease of(int otp) {
        String suite = TESTED.getOrDefault(otp, "?");
        if (isSystem(otp)) {
            return system();
        }
        Path root = ROOTS.resolve(suite);
        Path marker = root.resolve(".jerl-otp-release");
        try {
            boolean ok = Files.isRegularFile(marker) && Files.readString(marker).strip().equals(Integer.toString(otp));
            return new ErlangRelease(otp, suite, root, ok);
        } catch (IOException e) {
            return new ErlangRelease(otp, suite, root, false);
        }
    }

    /** Every tested release, oldest first, for {@code @MethodSource}. */
    public static Stream<ErlangRelease> tested() {
        return TESTED.keySet().stream().sorted().map(ErlangRelease::of);
    }

    private static boolean isSystem(int otp) {
        try {
            return system().otp == otp;
        } catch (AssertionError noErl) {
            return otp == 25; // the system's release: its absence is reported when it is used
        }
    }

    /** Fails (CI) or skips (elsewhere) unless this release can be run here. */
    public void require() {
        String why = null;
        if (!present) {
            why = this + " (Debian " + debian + ") is not prepared in " + ROOTS + ": run sudo samples/otp-roots.sh prepare";
        } else if (root != null && !isRootUser()) {
            why = this + " runs in a chroot, which needs root: run the tests as root, as CI does";
        }
        if (why == null) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(why);
        }
        throw new TestAbortedException(why);
    }

    /** The command line that runs {@code executable} (erl, epmd, erlc, iex...) of this release. */
    public List<String> command(String executable, List<String> args) {
        require();
        List<String> cmd = new ArrayList<>();
        if (root == null) {
            cmd.add(ErlTools.executable(executable));
        } else {
            // The script binds this machine's /etc/hosts, /tmp, $HOME and working directory into the root.
            cmd.addAll(List.of(script().toString(), "run", Integer.toString(otp), executable));
        }
        cmd.addAll(args);
        return cmd;
    }

    /** samples/otp-roots.sh of this checkout, found from the module the tests run in. */
    private static Path script() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolve("samples/otp-roots.sh");
            if (Files.isExecutable(s)) {
                return s;
            }
        }
        throw new AssertionError("samples/otp-roots.sh not found above " + Path.of("").toAbsolutePath());
    }

    private static int releaseIn(Path otpRoot) throws IOException {
        try (Stream<Path> dirs = Files.list(otpRoot.resolve("releases"))) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+"))
                    .mapToInt(Integer::parseInt).max()
                    .orElseThrow(() -> new IOException("no release directory under " + otpRoot));
        }
    }

    private static boolean isRootUser() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    public String toString() {
        return "OTP " + otp;
    }
}
