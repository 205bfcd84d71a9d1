package io.jerl.grammar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real Erlang/OTP over texts: erl_check.escript scans and parses each with erl_scan and erl_parse (and lints
 * it as the shell does, in "shell" mode) and reports one line per text. A missing erl is a test failure, never a
 * skip: a suite that silently skipped its cross-checks would prove nothing.
 */
final class Erl {

    /** The OTP release of the erl that answered last, e.g. "25". The expectations in the corpora are OTP 25's. */
    static volatile String release = "?";

    private Erl() {
    }

    /** What erl says about each text: {@code ok <tree>} or {@code error <L>:<C>: <message>}. */
    static List<String> check(String mode, List<String> texts) {
        String escript = executable("escript");
        executable("erl");
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jerl-grammar-erl");
            Path script = dir.resolve("erl_check.escript");
            try (InputStream in = Erl.class.getResourceAsStream("erl_check.escript")) {
                Files.copy(in, script);
            }
            Path input = dir.resolve("texts.bin");
            Files.writeString(input, String.join("\0", texts), StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(escript, script.toString(), mode, input.toString())
                    .redirectErrorStream(true)
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("erl_check.escript did not finish within 60 s");
            }
            String output = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError("erl_check.escript exited with " + p.exitValue() + ":\n" + output);
            }
            List<String> lines = new ArrayList<>(Arrays.asList(output.split("\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            if (lines.isEmpty() || !lines.get(0).startsWith("otp ")) {
                throw new AssertionError("unexpected output from erl_check.escript:\n" + output);
            }
            release = lines.remove(0).substring(4);
            if (lines.size() != texts.size()) {
                throw new AssertionError("erl answered " + lines.size() + " lines for " + texts.size() + " texts:\n"
                        + output);
            }
            return lines;
        } catch (IOException e) {
            throw new AssertionError("cannot run erl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            if (dir != null) {
                deleteQuietly(dir);
            }
        }
    }

    /** The path of an Erlang/OTP executable on the PATH, or a failed assertion saying how to get one. */
    static String executable(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new AssertionError("'" + name + "' is not on the PATH: the grammar's cross-checks need a real"
                + " Erlang/OTP 25. Install it with: apt-get install -y erlang-nox");
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
