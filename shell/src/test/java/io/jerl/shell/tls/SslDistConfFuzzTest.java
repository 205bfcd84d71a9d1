package io.jerl.shell.tls;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jerl.shell.ShellException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Arbitrary bytes as an {@code -ssl_dist_optfile}: jerl either reads settings or says why not with a
 * {@link ShellException} (a positioned syntax error, an option it does not support, a value of the wrong kind);
 * nothing else may come out, and nothing is loaded (certificate files are only read when the node starts).
 * Seeds ({@code SslDistConfFuzzTestInputs/text}): the file {@code jerl certs} writes, and erl's documented examples.
 */
class SslDistConfFuzzTest {
    private static final Path FILE = file();

    private static Path file() {
        try {
            Path f = Files.createTempFile("ssl_dist", ".conf");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @FuzzTest
    void text(byte[] data) throws IOException {
        Files.write(FILE, data);
        SslDistOptions o = new SslDistOptions();
        try {
            o.readFile(FILE);
            o.options();
        } catch (ShellException expected) {
            // a clear refusal is what bad input gets
        }
    }
}
