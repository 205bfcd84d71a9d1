package io.jerl.samples;

import io.jerl.testing.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shell (erl, iex or jerl) driven as a learner drives it in a terminal: type an expression, wait for the next
 * prompt, read what came back. Like expect(1), every wait starts where the last one ended, so the same prompt or
 * message is never found twice. A failure names the shell and the step and shows the whole transcript.
 */
final class Terminal implements AutoCloseable {
    /** erl's and jerl's prompt, e.g. {@code (car@server2)3> }, and iex's, {@code iex(node2@127.0.0.1)3> }. */
    private static final Pattern PROMPT = Pattern.compile("(?:iex)?\\([^()\\s]+@[^()\\s]+\\)\\d+> ");
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final StringBuffer transcript = new StringBuffer();
    private final Thread reader;
    /** Where the next wait starts: the end of the last prompt or text waited for. */
    private int cursor;

    private Terminal(String name, Process process) {
        this.name = name;
        this.process = process;
        this.reader = new Thread(this::read, "terminal-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a README command line in {@code dir} with {@code env} added, standard error on the same screen. The
     * line runs as a learner's shell would run it: words with quotes go through bash, and {@code ./jerl} is this
     * build's Main on the test class path (the ./jerl script would rebuild the jar, which a test inside Maven must
     * not do).
     */
    static Terminal start(String name, String commandLine, Path dir, Map<String, String> env) {
        List<String> command = command(commandLine);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            return new Terminal(name, pb.start());
        } catch (IOException e) {
            throw new AssertionError("cannot start " + name + ": " + command, e);
        }
    }

    static List<String> command(String commandLine) {
        if (commandLine.contains("'") || commandLine.contains("\"")) {
            return List.of("bash", "-c", "exec " + commandLine);
        }
        List<String> command = new ArrayList<>();
        for (String word : commandLine.trim().split("\\s+")) {
            if (word.equals("./jerl")) {
                // surefire runs tests from a manifest-only jar; it keeps the real class path in this property
                String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
                command.addAll(Arrays.asList(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", classPath, "io.jerl.shell.Main"));
            } else {
                command.add(word);
            }
        }
        return command;
    }

    private void read() {
        try (InputStream in = process.getInputStream()) {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                transcript.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException closed) {
            // the process ended; the transcript is complete
        }
    }

    /** Waits for the next prompt (the first one: the shell has started), and returns what was printed before it. */
    String awaitPrompt(String step) {
        return await(step, PROMPT, "a prompt").group("before");
    }

    /** Types one expression and returns what the shell printed before its next prompt; the step is the expression. */
    Reply enter(String expression) {
        return enter(expression, expression);
    }

    /** Types one expression as the named step and returns what the shell printed before its next prompt. */
    Reply enter(String step, String expression) {
        cursor = transcript.length(); // the reply is what comes after the typing, not older news
        type(expression);
        return new Reply(this, step, awaitPrompt(step));
    }

    /**
     * Types an expression again until what it prints contains {@code expected}, as a learner retypes
     * {@code flush().} when a message is still on its way ({@code !} returns before it arrives) or
     * {@code nodes().} while erl's global is still connecting the cluster.
     */
    Reply enterUntil(String expression, String expected) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Reply r = enter(expression);
        while (!r.text().contains(expected) && System.nanoTime() < deadline) {
            Processes.sleep(200);
            r = enter(expression);
        }
        return r.shows(expected);
    }

    /** Waits for {@code text} (e.g. a report printed between prompts) after the last wait; returns what came before it. */
    String expect(String step, String text) {
        return await(step, Pattern.compile(Pattern.quote(text)), "'" + text + "'").group("before");
    }

    private Matcher await(String step, Pattern pattern, String shown) {
        Pattern withBefore = Pattern.compile("(?<before>(?s:.*?))(?:" + pattern.pattern() + ")");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            boolean ended = !reader.isAlive(); // checked first: then the text below is all there will ever be
            Matcher m = withBefore.matcher(transcript.toString());
            if (m.find(cursor)) {
                cursor = m.end();
                return m;
            }
            if (ended || System.nanoTime() > deadline) {
                throw failure(step, "waited for " + shown + (ended ? " but the shell ended" : " for " + PATIENCE.toSeconds()
                        + " s") + "; after the last step it printed '" + transcript.substring(cursor) + "'");
            }
            Processes.sleep(20);
        }
    }

    void type(String line) {
        try {
            OutputStream keyboard = process.getOutputStream();
            keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        } catch (IOException e) {
            throw failure(line, "could not type (the shell has ended): " + e);
        }
    }

    /** Types {@code q().} (or whatever stops the shell) and checks that the shell ends with exit status 0. */
    void quit(String expression) {
        type(expression);
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            throw failure(expression, e.toString());
        }
        awaitExit(expression);
        if (process.exitValue() != 0) {
            throw failure(expression, "the shell ended with exit status " + process.exitValue());
        }
    }

    /** Waits until the shell has ended (e.g. a node killed from its own prompt). */
    void awaitExit(String step) {
        try {
            if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw failure(step, "the shell did not stop");
            }
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(step, e.toString());
        }
    }

    AssertionError failure(String step, String what) {
        return new AssertionError(name + ", step '" + step + "': " + what + "\n" + transcript());
    }

    String transcript() {
        return "--- " + name + " printed ---\n" + transcript + "\n---";
    }

    /** Ends the shell and every process it started (erl's port programs, EPMD it launched), politely first. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        Processes.awaitOrKill(process);
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** What one typed expression printed. */
    record Reply(Terminal terminal, String step, String text) {
        /** Asserts the reply contains {@code expected}, naming the step and showing the transcript if not. */
        Reply shows(String expected) {
            if (!text.contains(expected)) {
                throw terminal.failure(step, "expected to see '" + expected + "', got '" + text.strip() + "'");
            }
            return this;
        }

        /** Asserts the reply is exactly {@code expected}, apart from surrounding white space. */
        Reply is(String expected) {
            if (!text.strip().equals(expected)) {
                throw terminal.failure(step, "expected exactly '" + expected + "', got '" + text.strip() + "'");
            }
            return this;
        }

        /** As {@link #shows}, for a regular expression that must match a part of the reply. */
        Reply matches(String regex) {
            if (!Pattern.compile(regex).matcher(text).find()) {
                throw terminal.failure(step, "expected output matching /" + regex + "/, got '" + text.strip() + "'");
            }
            return this;
        }
    }
}
