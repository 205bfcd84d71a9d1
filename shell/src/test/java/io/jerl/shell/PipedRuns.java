package io.jerl.shell;

import io.jerl.testing.ErlTools;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same piped input through a real erl (not distributed, as {@code printf ... | erl}) and through jerl's
 * Main (local node), and gives each transcript without the banner line and erl's closing "*** Terminating"
 * text, with the exit status.
 */
final class PipedRuns {
    record Run(String stdout, String stderr, int status) {
    }

    private PipedRuns() {
    }

    static Run erl(String input, String... args) throws IOException, InterruptedException {
        Path in = Files.createTempFile("jerl-piped", ".erl");
        Path out = Files.createTempFile("jerl-piped", ".out");
        Path err = Files.createTempFile("jerl-piped", ".err");
        try {
            Files.writeString(in, input);
            List<String> cmd = new ArrayList<>(List.of(ErlTools.executable("erl")));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).directory(in.getParent().toFile())
                    .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("erl did not finish within 60 s");
            }
            String text = Files.readString(out).replace("*** Terminating erlang (nonode@nohost)\n", "");
            return new Run(withoutBanner(text), Files.readString(err), p.exitValue());
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(in.getParent().resolve("erl_crash.dump"));
        }
    }

    static Run jerl(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ErlTools.freePort());
        String text = out.toString(StandardCharsets.UTF_8);
        return new Run(text.startsWith("Eshell") ? withoutBanner(text) : text, err.toString(StandardCharsets.UTF_8),
                status);
    }

    private static String withoutBanner(String text) {
        return text.startsWith("Eshell") ? text.substring(text.indexOf('\n') + 1) : text;
    }
}
