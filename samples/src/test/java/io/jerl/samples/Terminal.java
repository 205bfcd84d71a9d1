package io.jerl.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shell (erl or jerl) running on a pretend host, driven as a learner drives it: type an expression, wait for
 * the next prompt, read what came back. Failures name the step and show the whole transcript.
 */
final class Terminal implements AutoCloseable {
    /** erl's and jerl's prompt, e.g. {@code (car@server2)3> }. */
    private static final Pattern PROMPT = Pattern.compile("\\([^()\\s]+@[^()\\s]+\\)\\d+> ");
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final StringBuffer transcript = new StringBuffer();
    private final Thread reader;

    Terminal(String name, Process process) {
        this.name = name;
        this.process = process;
        this.reader = new Thread(this::read, "terminal-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (InputStream in = process.getInputStream()) {
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) > 0; ) {
                transcript.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException closed) {
            // the process ended; the transcript is complete
        }
    }

    /** Waits for the first prompt, and returns everything printed before it (banner, warnings). */
    String awaitPrompt() {
        return promptAfter(0, "start");
    }

    /** Types one expression and returns what the shell printed before its next prompt. */
    Reply enter(String expression) {
        int mark = transcript.length();
        type(expression);
        return new Reply(this, expression, promptAfter(mark, expression));
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
            sleep(200);
            r = enter(expression);
        }
        return r.shows(expected);
    }

    /** Waits until the output, from the start, contains {@code text} (e.g. a report printed between prompts). */
    String awaitText(String step, String text) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!transcript.toString().contains(text)) {
            if (System.nanoTime() > deadline || !process.isAlive() && !reader.isAlive()) {
                throw failure(step, "waited for '" + text + "'");
            }
            sleep(50);
        }
        return transcript.toString();
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
            if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw failure(expression, "the shell did not stop");
            }
            reader.join(5000);
        } catch (IOException | InterruptedException e) {
            throw failure(expression, e.toString());
        }
        if (process.exitValue() != 0) {
            throw failure(expression, "the shell ended with exit status " + process.exitValue());
        }
    }

    private String promptAfter(int mark, String step) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            String all = transcript.toString();
            Matcher m = PROMPT.matcher(all);
            if (m.find(mark)) {
                return all.substring(mark, m.start());
            }
            if (System.nanoTime() > deadline || !process.isAlive() && !reader.isAlive()) {
                throw failure(step, "no prompt came back" + (process.isAlive() ? "" : " (the shell ended)"));
            }
            sleep(20);
        }
    }

    AssertionError failure(String step, String what) {
        return new AssertionError(name + ", step '" + step + "': " + what + "\n--- " + name + " printed ---\n"
                + transcript + "\n---");
    }

    String transcript() {
        return transcript.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

        /** As {@link #shows}, for a regular expression that must match a part of the reply. */
        Reply matches(String regex) {
            if (!Pattern.compile(regex).matcher(text).find()) {
                throw terminal.failure(step, "expected output matching /" + regex + "/, got '" + text.strip() + "'");
            }
            return this;
        }
    }
}
