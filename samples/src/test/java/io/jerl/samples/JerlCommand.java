package io.jerl.samples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A README's {@code ./jerl ...} line as a command the test can run: the same Main the script runs, on this
 * build's class path (the ./jerl script would rebuild the jar, which a test inside Maven must not do).
 */
final class JerlCommand {
    private JerlCommand() {
    }

    static List<String> of(String readmeLine) {
        if (!readmeLine.startsWith("./jerl ")) {
            throw new AssertionError("not a ./jerl command: " + readmeLine);
        }
        // surefire runs tests from a manifest-only jar; it keeps the real class path in this property
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, "io.jerl.shell.Main"));
        cmd.addAll(Arrays.asList(readmeLine.substring("./jerl ".length()).trim().split("\\s+")));
        return cmd;
    }
}
