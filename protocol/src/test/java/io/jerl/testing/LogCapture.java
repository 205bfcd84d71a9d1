package io.jerl.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what the node logs while it is open. The tests' SLF4J binding (slf4j-simple) writes to whatever
 * {@code System.err} is at the time, so a tee on it sees every log line and still shows them in the run.
 */
public final class LogCapture implements AutoCloseable {
    private final PrintStream original = System.err;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogCapture() {
        System.setErr(new PrintStream(new Tee(), true, StandardCharsets.UTF_8));
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public boolean contains(String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    /** Waits for a logged line containing every one of {@code parts}; fails with what was logged if none comes. */
    public String await(Duration limit, String... parts) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            for (String l : lines) {
                if (List.of(parts).stream().allMatch(l::contains)) {
                    return l;
                }
            }
            Processes.sleep(50);
        }
        throw new AssertionError("no log line containing " + List.of(parts) + " within " + limit
                + "; logged:\n" + String.join("\n", lines));
    }

    @Override
    public void close() {
        System.setErr(original);
    }

    private final class Tee extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            original.write(b);
            if (b == '\n') {
                lines.add(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
