package io.jerl.samples;

import io.jerl.testing.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shell (iex, erl, jerl) run as a child process and driven the way a learner drives a terminal: type a line,
 * wait for what should appear. Like expect(1), each wait starts where the last one matched, so the same prompt
 * or message is never found twice. A failed wait names the step and shows what the shell printed instead.
 */
final class Console implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String label;
    private final Process process;
    private final OutputStream keyboard;
    private final StringBuffer screen = new StringBuffer();
    private final Thread reader;
    private int cursor;

    private Console(String label, Process process) {
        this.label = label;
        this.process = process;
        this.keyboard = process.getOutputStream();
        this.reader = new Thread(this::pump, "console-" + label);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command} in {@code dir} with {@code env} added; standard error shows on the same screen. */
    static Console start(String label, List<String> command, Path dir, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            return new Console(label, pb.start());
        } catch (IOException e) {
            throw new AssertionError("cannot start " + label + ": " + command, e);
        }
    }

    String label() {
        return label;
    }

    /** Types {@code line} and Enter. */
    void type(String line) {
        try {
            keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        } catch (IOException e) {
            throw new AssertionError(label + " no longer reads its input (it ended?) when typing: " + line
                    + "\n" + transcript(), e);
        }
    }

    /** Waits for {@code text} after the last match; returns what was printed before it since that match. */
    String expect(String step, String text) {
        return await(step, Pattern.compile(Pattern.quote(text)), "\"" + text + "\"").group("before");
    }

    /**
     * Waits for {@code pattern} after the last match and moves past it. The returned match has the extra group
     * {@code before}: the text printed between the last match and this one.
     */
    Matcher expect(String step, Pattern pattern) {
        return await(step, pattern, "/" + pattern.pattern() + "/");
    }

    private Matcher await(String step, Pattern pattern, String shown) {
        Pattern withBefore = Pattern.compile("(?<before>(?s:.*?))(?:" + pattern.pattern() + ")", pattern.flags());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            boolean ended = !reader.isAlive(); // checked first: then the text below is all there will ever be
            String text = screen.toString();
            Matcher m = withBefore.matcher(text);
            if (m.find(cursor)) {
                cursor = m.end();
                return m;
            }
            if (ended || System.nanoTime() > deadline) {
                throw new AssertionError("step \"" + step + "\": " + label + " did not print " + shown
                        + (ended ? " (it ended)" : " within " + PATIENCE.toSeconds() + " s") + "; it printed after the last step:\n"
                        + text.substring(cursor) + "\n---- whole " + label + " screen ----\n" + text);
            }
            Processes.sleep(20);
        }
    }

    /** Types {@code line} and waits for the next {@code prompt}: the answer, as printed in between. */
    String ask(String step, String line, Pattern prompt) {
        type(line);
        return expect(step, prompt).group("before");
    }

    /** Waits until the shell process has ended (a node killed from its own prompt). */
    void awaitExit(String step) {
        try {
            if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("step \"" + step + "\": " + label + " is still running:\n" + transcript());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    String transcript() {
        return "---- " + label + " screen ----\n" + screen;
    }

    private void pump() {
        byte[] buf = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                screen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** Ends the shell and every process it started (erl's port programs), politely first. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        Processes.awaitOrKill(process);
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            keyboard.close();
        } catch (IOException ignored) {
            // already closed with the process
        }
    }
}
